// Issue 17's schema step: the PEG weekly check-ins and the relief rating of an episode's
// medication, over SQLite; and the upgrade of a journal written before the step.
#include <sqlite3.h>

#include "core/journal.hpp"
#include "db/migrations.hpp"
#include "db_test_support.hpp"

using core::CivilDate;
using core::DateRange;
using dbtest::episodeAt;
using dbtest::openStore;

namespace {

core::PegEntry peg(CivilDate day, int pain, int enjoyment, int activity) {
    core::PegEntry p;
    p.at = core::LocalDateTime{day, 19, 30, 0, 60};
    p.recordedAtUtc = core::toUtcSeconds(p.at) + 5;
    p.pain = pain;
    p.enjoyment = enjoyment;
    p.activity = activity;
    return p;
}

}  // namespace

TEST_CASE("A journal from before the check-in step is upgraded with its entries unchanged", "[db][peg]") {
    dbtest::TempDir dir;
    const std::string path = dir.file("before.db");
    {
        auto conn = db::Connection::open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        REQUIRE(conn.ok());
        REQUIRE(db::migrateTo(*conn, db::kVersionPegRelief - 1).ok());  // the version before issue 17's step
        REQUIRE(conn->exec(R"sql(
INSERT INTO episodes (id, started_local, utc_offset_minutes, started_utc, local_day, recorded_utc, side, pain,
                      pain_type, onset, note, medication, deleted_utc, leg, temperature_tenths) VALUES
 (1, '2026-03-01T08:00:00', 60, 1772348400, 20513, 1772348500, 'left', 4, 'dull', 'gradual', 'première', '', NULL, 'right', 381),
 (2, '2026-03-01T21:15:00', 60, 1772396100, 20513, 1772396200, 'left', 6, '', '', '', 'ibuprofen 400 mg', NULL, '', NULL);
INSERT INTO episode_care VALUES (2, 'medication');
INSERT INTO day_summary VALUES (20513, 2, 6, 10, 0);
)sql",
                           "test")
                    .ok());
    }
    auto store = openStore(path);
    REQUIRE(store->check().ok());
    auto one = store->episode(1);
    REQUIRE(one.ok());
    REQUIRE(one->has_value());
    CHECK((*one)->note == "première");
    CHECK((*one)->leg == "right");
    CHECK((*one)->temperatureTenths == 381);
    CHECK_FALSE((*one)->relief.has_value());
    auto two = store->episode(2)->value();
    CHECK(two.medication == "ibuprofen 400 mg");
    CHECK(two.care == std::vector<std::string>{"medication"});
    CHECK_FALSE(two.relief.has_value());
    CHECK(store->pegEntries(DateRange{})->empty());

    // The new step works on the upgraded file.
    REQUIRE(store->setRelief(2, 2, 1000).ok());
    CHECK(store->episode(2)->value().relief == 2);
    CHECK(store->episode(1)->value().relief == std::nullopt);
    REQUIRE(store->addPeg(peg({2026, 3, 2}, 6, 5, 4)).ok());
    CHECK(store->pegEntries(DateRange{})->size() == 1);
}

TEST_CASE("Check-ins are stored, read back oldest first by range, and wiped with the journal", "[db][peg]") {
    dbtest::TempDir dir;
    auto store = openStore(dir.file("j.db"));
    const auto b = peg({2026, 3, 9}, 4, 3, 2);
    const auto a = peg({2026, 3, 2}, 7, 6, 6);
    auto idB = store->addPeg(b);
    auto idA = store->addPeg(a);
    REQUIRE(idB.ok());
    REQUIRE(idA.ok());
    CHECK(*idA != *idB);
    auto all = store->pegEntries(DateRange{});
    REQUIRE(all.ok());
    REQUIRE(all->size() == 2);
    auto expectA = a, expectB = b;
    expectA.id = *idA;
    expectB.id = *idB;
    CHECK((*all)[0] == expectA);
    CHECK((*all)[1] == expectB);
    auto week2 = store->pegEntries(DateRange{CivilDate{2026, 3, 5}, CivilDate{2026, 3, 9}});
    REQUIRE(week2->size() == 1);
    CHECK((*week2)[0].pain == 4);
    // The schema refuses an answer outside 0-10 even if the service were bypassed.
    auto bad = peg({2026, 3, 10}, 11, 0, 0);
    CHECK_FALSE(store->addPeg(bad).ok());
    REQUIRE(store->wipe().ok());
    CHECK(store->pegEntries(DateRange{})->empty());
}

TEST_CASE("A relief rating is set, cleared, kept by an edit and refused outside 0-3", "[db][relief]") {
    dbtest::TempDir dir;
    auto store = openStore(dir.file("j.db"));
    auto e = episodeAt({2026, 3, 1}, 8, 0, 5);
    e.medication = "naproxen 250 mg";
    auto id = store->addEpisode(e, {});
    REQUIRE(id.ok());
    REQUIRE(store->setRelief(*id, 3, 1000).ok());
    auto stored = store->episode(*id)->value();
    CHECK(stored.relief == 3);
    stored.pain = 4;
    stored.relief.reset();  // an edit from a form that never saw the rating
    REQUIRE(store->updateEpisode(stored, {}).ok());
    CHECK(store->episode(*id)->value().relief == 3);
    CHECK(store->episode(*id)->value().pain == 4);
    REQUIRE(store->setRelief(*id, std::nullopt, 1000).ok());
    CHECK_FALSE(store->episode(*id)->value().relief.has_value());
    CHECK_FALSE(store->setRelief(*id, 4, 1000).ok());
    auto missing = store->setRelief(999, 1, 1000);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == core::ErrorCode::NotFound);
    // A new episode may carry its rating (an import of rated entries).
    auto rated = e;
    rated.relief = 1;
    auto id2 = store->addEpisode(rated, {});
    REQUIRE(id2.ok());
    CHECK(store->episode(*id2)->value().relief == 1);
}
