#pragma once
// Calendar and clock helpers. "Per day" always means the person's local day as recorded:
// an episode stores its local wall time and the UTC offset in force at that moment.
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace core {

struct CivilDate {
    int year = 1970;
    int month = 1;
    int day = 1;
    auto operator<=>(const CivilDate&) const = default;
};

struct LocalDateTime {
    CivilDate date;
    int hour = 0;
    int minute = 0;
    int second = 0;
    int offsetMinutes = 0;  // local time minus UTC, e.g. +60 for CET
    bool operator==(const LocalDateTime&) const = default;
};

// Days since 1970-01-01 (proleptic Gregorian), and back.
int64_t daysFromCivil(const CivilDate& d);
CivilDate civilFromDays(int64_t days);
CivilDate addDays(const CivilDate& d, int64_t n);
bool isValidDate(const CivilDate& d);

// The UTC instant of a local wall time with its offset.
int64_t toUtcSeconds(const LocalDateTime& t);
// The system clock, in UTC seconds (or the test clock, when one was set).
int64_t nowUtc();
// TEST HOOK ONLY: from now on nowUtc() returns `utcSeconds`, fixed (so neither the time of day
// nor the machine's speed can change what a test sees).
// The executable calls it when KNEELOG_TEST_NOW is set (see app/main.cpp); tests use it so that
// nothing depends on the time of day the suite happens to run at.
void setTestClock(int64_t utcSeconds);
// The local wall time (system time zone) at a UTC instant, with the offset in force then.
LocalDateTime localFromUtc(int64_t utcSeconds);
// The same instant expressed at a fixed offset (for tests and imports).
LocalDateTime atOffset(int64_t utcSeconds, int offsetMinutes);

// "YYYY-MM-DD".
Result<CivilDate> parseDate(std::string_view text);
// "YYYY-MM-DD HH:MM", "YYYY-MM-DDTHH:MM[:SS]" with optional "Z" or "+HH:MM"/"-HH:MM".
// Without an offset the time is read in the system's local time zone.
Result<LocalDateTime> parseDateTime(std::string_view text);

std::string formatDate(const CivilDate& d);                   // 2026-11-27
std::string formatTime(const LocalDateTime& t);               // 08:05
std::string formatIso(const LocalDateTime& t);                // 2026-11-27T08:05:00+01:00
std::string formatIsoUtc(int64_t utcSeconds);                 // 2026-11-27T07:05:00Z
// How long ago `then` was, by the person's calendar at `now`: "today", "yesterday", "2 days ago",
// "3 weeks ago" (local days of `then` and `now` at the offset of `now`).
std::string daysAgoText(const LocalDateTime& then, const LocalDateTime& now);

}  // namespace core
