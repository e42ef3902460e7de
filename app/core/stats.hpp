#pragma once
// Trend statistics: pure functions over the person's local days as recorded (an episode belongs
// to the day of its local start time, whatever its UTC offset), so charts do not shift when the
// clocks change or the person travels. The store computes the per-day summaries in SQL; these
// functions turn them into series, comparisons and calendars.
//
// Definitions:
// - A day without entries is a gap: it has no value (never 0).
// - The 7-day rolling mean on a day is the mean of the daily maximum over the logged days among
//   that day and the 6 before it; it has no value when none of those 7 days is logged.
// - Average pain over a period is the mean of every episode's pain in it (not of daily means).
//   The comparison calls a difference under half a point "about the same" (and gives both means).
// - The current streak counts consecutive logged days ending today, or ending yesterday while
//   today has no entry yet (so a streak does not read 0 each morning before the first entry).
#include <array>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/episode.hpp"
#include "core/repository.hpp"
#include "core/time.hpp"

namespace core {

inline constexpr int kRollingDays = 7;
inline constexpr int kComparisonDays = 14;

// Per-day summaries of the (not deleted) episodes, binned by each episode's recorded local day;
// oldest first. The store does the same in SQL; this is its reference for tests and imports.
std::vector<DaySummary> summarizeDays(std::span<const Episode> episodes);

// One local day of a chart series; the values of a day without entries are empty (a gap).
struct DayPoint {
    CivilDate day;
    int episodes = 0;
    std::optional<int> maxPain;
    std::optional<double> meanPain;
    std::optional<double> rollingMean;  // 7-day rolling mean of the daily maximum
};

// Rolling mean of `values` (one per consecutive day, empty = not logged) over the logged days
// among each day and the `window - 1` before it; empty where none of them is logged.
std::vector<std::optional<double>> rollingMean(std::span<const std::optional<int>> values,
                                               int window = kRollingDays);

// One point per local day in [from, to] (none when to < from). `days` may be in any order and
// extend beyond the range: the 6 days before `from` feed the rolling mean of the first days.
std::vector<DayPoint> dailySeries(std::span<const DaySummary> days, CivilDate from, CivilDate to);

// Number of days in [from, to] with at least one entry.
int daysLogged(std::span<const DaySummary> days, CivilDate from, CivilDate to);

// Consecutive logged days ending today, or ending yesterday when today has no entry yet; 0 when
// neither today nor yesterday is logged.
int currentStreak(std::span<const DaySummary> days, CivilDate today);

// The earliest logged day, if any.
std::optional<CivilDate> firstLoggedDay(std::span<const DaySummary> days);

struct PeriodSummary {
    int daysLogged = 0;
    int episodes = 0;
    double meanPain = 0.0;  // over episodes; 0 when there are none
    int daysWithPain = 0;   // logged days whose maximum is above 0
    int redFlagEpisodes = 0;
};

// The last 14 days (today and the 13 before) against the 14 days before them, in plain words.
struct Comparison {
    PeriodSummary recent;
    PeriodSummary before;
    std::string headline;              // "Average pain 1.8 points lower than the two weeks before"
    std::vector<std::string> details;  // days with pain, red flags, the figures behind the headline
};

// `redFlagsRecent` / `redFlagsBefore`: episodes that raised a red-flag alert in each period.
Comparison compareFortnights(std::span<const DaySummary> days, CivilDate today, int redFlagsRecent,
                             int redFlagsBefore);

// One calendar month of daily maximum pain: maxPain[d - 1] for day d; empty for a day without
// entries or outside the requested range (and for days the month does not have).
struct CalendarMonth {
    int year = 1970;
    int month = 1;
    int days = 31;  // days in this month
    std::array<std::optional<int>, 31> maxPain{};
};

int daysInMonth(int year, int month);

// The months from `from`'s month to `to`'s month, oldest first (none when to < from).
std::vector<CalendarMonth> calendarMonths(std::span<const DaySummary> days, CivilDate from, CivilDate to);

}  // namespace core
