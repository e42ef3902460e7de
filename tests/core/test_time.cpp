#include <catch2/catch.hpp>

#include <cstdlib>
#include <ctime>

#include "core/time.hpp"

using namespace core;

TEST_CASE("civil dates convert to day numbers and back", "[time]") {
    CHECK(daysFromCivil({1970, 1, 1}) == 0);
    CHECK(daysFromCivil({2000, 3, 1}) == 11017);
    CHECK(civilFromDays(11017) == CivilDate{2000, 3, 1});
    CHECK(civilFromDays(-1) == CivilDate{1969, 12, 31});
    for (int64_t d = -800; d < 30000; d += 7) CHECK(daysFromCivil(civilFromDays(d)) == d);
    CHECK(addDays({2024, 12, 31}, 1) == CivilDate{2025, 1, 1});
    CHECK(addDays({2024, 3, 1}, -1) == CivilDate{2024, 2, 29});
}

TEST_CASE("calendar validity includes leap years", "[time]") {
    CHECK(isValidDate({2024, 2, 29}));
    CHECK_FALSE(isValidDate({2023, 2, 29}));
    CHECK_FALSE(isValidDate({1900, 2, 29}));
    CHECK(isValidDate({2000, 2, 29}));
    CHECK_FALSE(isValidDate({2026, 13, 1}));
    CHECK_FALSE(isValidDate({2026, 4, 31}));
}

TEST_CASE("date-times with an explicit offset parse exactly", "[time]") {
    auto t = parseDateTime("2026-03-14T18:30:05+01:00");
    REQUIRE(t.ok());
    CHECK(t->date == CivilDate{2026, 3, 14});
    CHECK(t->hour == 18);
    CHECK(t->minute == 30);
    CHECK(t->second == 5);
    CHECK(t->offsetMinutes == 60);
    CHECK(toUtcSeconds(*t) == toUtcSeconds(*parseDateTime("2026-03-14T17:30:05Z")));
    CHECK(formatIso(*t) == "2026-03-14T18:30:05+01:00");
    CHECK(parseDateTime("2026-03-14T18:30-05:30")->offsetMinutes == -330);
}

TEST_CASE("local date-times take the offset in force on that day", "[time]") {
    const char* old = std::getenv("TZ");
    std::string saved = old ? old : "";
    setenv("TZ", "Europe/Berlin", 1);
    tzset();
    auto winter = parseDateTime("2026-01-10 09:00");
    auto summer = parseDateTime("2026-07-10 09:00");
    REQUIRE(winter.ok());
    REQUIRE(summer.ok());
    CHECK(winter->offsetMinutes == 60);
    CHECK(summer->offsetMinutes == 120);
    CHECK(winter->hour == 9);
    CHECK(localFromUtc(toUtcSeconds(*summer)) == *summer);
    if (old) setenv("TZ", saved.c_str(), 1); else unsetenv("TZ");
    tzset();
}

TEST_CASE("malformed dates and times are refused with a clear message", "[time]") {
    for (const char* bad : {"", "2026-3-14 18:30", "2026-03-14", "14/03/2026 18:30", "2026-03-14 25:00",
                            "2026-02-30 10:00", "2026-03-14 18:61", "2026-03-14 18:30 extra", "2026-03-14T18:30+1"}) {
        INFO(bad);
        auto r = parseDateTime(bad);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == ErrorCode::Invalid);
        CHECK_FALSE(r.error().message.empty());
    }
    CHECK_FALSE(parseDate("2026-02-30").ok());
    CHECK_FALSE(parseDate("yesterday").ok());
    CHECK(parseDate("2026-02-28").ok());
}

TEST_CASE("fixed offsets move the local day across midnight", "[time]") {
    const int64_t utc = toUtcSeconds(LocalDateTime{{2026, 12, 31}, 23, 30, 0, 0});
    CHECK(atOffset(utc, 60).date == CivilDate{2027, 1, 1});
    CHECK(atOffset(utc, -300).date == CivilDate{2026, 12, 31});
    CHECK(formatIsoUtc(utc) == "2026-12-31T23:30:00Z");
}
