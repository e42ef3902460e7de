// Trend statistics on hand-computed data: gaps, rolling mean, comparison, streak, calendar,
// and the binning of episodes by the local day they were recorded on.
#include <catch2/catch.hpp>

#include "core/stats.hpp"

using namespace core;

namespace {

DaySummary day(CivilDate d, int maxPain, double meanPain = -1, int episodes = 1) {
    return DaySummary{d, episodes, maxPain, meanPain < 0 ? maxPain : meanPain, false};
}

Episode at(const char* isoWithOffset, int pain) {
    auto t = parseDateTime(isoWithOffset);
    REQUIRE(t.ok());
    Episode e;
    e.startedAt = *t;
    e.pain = pain;
    return e;
}

}  // namespace

TEST_CASE("stats: empty input gives gaps, zero streak and a plain sentence", "[stats]") {
    const std::vector<DaySummary> none;
    CHECK(summarizeDays(std::vector<Episode>{}).empty());
    const auto series = dailySeries(none, {2026, 3, 1}, {2026, 3, 3});
    REQUIRE(series.size() == 3);
    for (const DayPoint& p : series) {
        CHECK_FALSE(p.maxPain.has_value());
        CHECK_FALSE(p.meanPain.has_value());
        CHECK_FALSE(p.rollingMean.has_value());
        CHECK(p.episodes == 0);
    }
    CHECK(dailySeries(none, {2026, 3, 3}, {2026, 3, 1}).empty());
    CHECK(daysLogged(none, {2026, 1, 1}, {2026, 12, 31}) == 0);
    CHECK(currentStreak(none, {2026, 3, 3}) == 0);
    CHECK_FALSE(firstLoggedDay(none).has_value());
    const Comparison c = compareFortnights(none, {2026, 3, 3}, 0, 0);
    CHECK(c.headline == "Nothing logged in the last four weeks yet.");
    CHECK(c.details.empty());
    const auto cal = calendarMonths(none, {2026, 2, 10}, {2026, 3, 3});
    REQUIRE(cal.size() == 2);
    CHECK(cal[0].days == 28);
    for (const auto& v : cal[0].maxPain) CHECK_FALSE(v.has_value());
}

TEST_CASE("stats: rolling mean averages the logged days in the 7-day window", "[stats]") {
    // Day:     0  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16
    // Max:     4  -  6  -  -  -  -  -  -  2  -  -  -  -  -  -  -
    std::vector<std::optional<int>> v(17);
    v[0] = 4;
    v[2] = 6;
    v[9] = 2;
    const auto r = rollingMean(v);
    REQUIRE(r.size() == 17);
    CHECK(*r[0] == Approx(4.0));
    CHECK(*r[1] == Approx(4.0));   // the gap does not count as 0
    CHECK(*r[2] == Approx(5.0));   // (4 + 6) / 2
    CHECK(*r[6] == Approx(5.0));   // window 0..6
    CHECK(*r[7] == Approx(6.0));   // window 1..7: day 0 has left it
    CHECK(*r[8] == Approx(6.0));
    CHECK(*r[9] == Approx(2.0));   // window 3..9
    CHECK(*r[15] == Approx(2.0));  // window 9..15
    CHECK_FALSE(r[16].has_value());  // window 10..16 has nothing logged: no value, not 0
}

TEST_CASE("stats: a single entry gives one point, a one-day streak and a one-sided comparison", "[stats]") {
    const std::vector<DaySummary> one{day({2026, 5, 20}, 6)};
    const auto series = dailySeries(one, {2026, 5, 18}, {2026, 5, 28});
    REQUIRE(series.size() == 11);
    CHECK_FALSE(series[1].maxPain.has_value());
    CHECK_FALSE(series[1].rollingMean.has_value());
    REQUIRE(series[2].maxPain.has_value());
    CHECK(*series[2].maxPain == 6);
    CHECK(series[2].day == CivilDate{2026, 5, 20});
    CHECK(*series[8].rollingMean == Approx(6.0));   // 26 May: window 20..26
    CHECK_FALSE(series[9].rollingMean.has_value());  // 27 May: window 21..27
    CHECK(daysLogged(one, {2026, 5, 1}, {2026, 5, 31}) == 1);
    CHECK(currentStreak(one, {2026, 5, 20}) == 1);
    CHECK(currentStreak(one, {2026, 5, 21}) == 1);  // today not logged yet: yesterday's streak stands
    CHECK(currentStreak(one, {2026, 5, 22}) == 0);
    CHECK(*firstLoggedDay(one) == CivilDate{2026, 5, 20});
    const Comparison c = compareFortnights(one, {2026, 5, 25}, 1, 0);
    CHECK(c.recent.episodes == 1);
    CHECK(c.before.episodes == 0);
    CHECK(c.headline ==
          "Average pain 6.0 in the last two weeks. Nothing was logged in the two weeks before to compare with.");
    const Comparison later = compareFortnights(one, {2026, 6, 5}, 0, 1);  // 20 May is in the earlier fortnight
    CHECK(later.headline == "Nothing logged in the last two weeks. The two weeks before: average pain 6.0.");
}

TEST_CASE("stats: the last 14 days are compared with the 14 before in plain words", "[stats]") {
    const CivilDate today{2026, 4, 28};
    std::vector<DaySummary> days;
    // The two weeks before (1-14 April): 4 days, episodes 2+1+1+2 with pain sums 8+5+3+8 = 24 over 6 -> 4.0.
    days.push_back(day({2026, 4, 1}, 5, 4.0, 2));
    days.push_back(day({2026, 4, 5}, 5, 5.0, 1));
    days.push_back(day({2026, 4, 9}, 3, 3.0, 1));
    days.push_back(day({2026, 4, 14}, 6, 4.0, 2));
    // The last two weeks (15-28 April): 3 days, 1+2+1 episodes, sums 3+4+0 = 7 over 4 -> 1.75; one day at 0.
    days.push_back(day({2026, 4, 15}, 3, 3.0, 1));
    days.push_back(day({2026, 4, 20}, 3, 2.0, 2));
    days.push_back(day({2026, 4, 28}, 0, 0.0, 1));
    // Outside both periods: ignored.
    days.push_back(day({2026, 3, 31}, 10, 10.0, 3));
    const Comparison c = compareFortnights(days, today, 1, 2);
    CHECK(c.recent.daysLogged == 3);
    CHECK(c.recent.episodes == 4);
    CHECK(c.recent.meanPain == Approx(1.75));
    CHECK(c.recent.daysWithPain == 2);
    CHECK(c.before.daysLogged == 4);
    CHECK(c.before.episodes == 6);
    CHECK(c.before.meanPain == Approx(4.0));
    CHECK(c.before.daysWithPain == 4);
    // 1.75 - 4.0 = -2.25 (exact in binary), rounded half away from zero to one decimal.
    CHECK(c.headline == "Average pain 2.3 points lower than the two weeks before.");
    REQUIRE(c.details.size() == 3);
    CHECK(c.details[0] == "Days with pain: 2 (the two weeks before: 4).");
    CHECK(c.details[1] == "Episodes with red flags: 1 (the two weeks before: 2).");
    CHECK(c.details[2] ==
          "Last 14 days: average 1.8 over 4 episodes on 3 days; the 14 before: average 4.0 over 6 episodes on 4 days.");

    // 1.8 lower, the issue's own example; higher; the same; a whole point.
    CHECK(compareFortnights(std::vector{day({2026, 4, 20}, 2, 1.2, 5), day({2026, 4, 10}, 3, 3.0)}, today, 0, 0).headline ==
          "Average pain 1.8 points lower than the two weeks before.");
    CHECK(compareFortnights(std::vector{day({2026, 4, 20}, 5), day({2026, 4, 10}, 3, 2.5, 2)}, today, 0, 0).headline ==
          "Average pain 2.5 points higher than the two weeks before.");
    CHECK(compareFortnights(std::vector{day({2026, 4, 20}, 3), day({2026, 4, 10}, 3)}, today, 0, 0).headline ==
          "Average pain about the same as the two weeks before: 3.0, was 3.0.");
    // Under half a point is "about the same"; half a point is reported.
    CHECK(compareFortnights(std::vector{day({2026, 4, 20}, 3, 3.4, 5), day({2026, 4, 10}, 3)}, today, 0, 0).headline ==
          "Average pain about the same as the two weeks before: 3.4, was 3.0.");
    CHECK(compareFortnights(std::vector{day({2026, 4, 20}, 3, 2.5, 2), day({2026, 4, 10}, 3)}, today, 0, 0).headline ==
          "Average pain 0.5 points lower than the two weeks before.");
    CHECK(compareFortnights(std::vector{day({2026, 4, 20}, 4), day({2026, 4, 10}, 3)}, today, 0, 0).headline ==
          "Average pain 1 point higher than the two weeks before.");
}

TEST_CASE("stats: the streak runs to today, or to yesterday before today's first entry", "[stats]") {
    const std::vector<DaySummary> days{day({2026, 6, 1}, 2), day({2026, 6, 3}, 2), day({2026, 6, 4}, 3),
                                       day({2026, 6, 5}, 1)};
    CHECK(currentStreak(days, {2026, 6, 5}) == 3);  // 3, 4, 5 June
    CHECK(currentStreak(days, {2026, 6, 6}) == 3);  // nothing yet on the 6th: still 3
    CHECK(currentStreak(days, {2026, 6, 7}) == 0);  // a whole day missed
    CHECK(currentStreak(days, {2026, 6, 3}) == 1);  // the gap on 2 June ends it
    CHECK(daysLogged(days, {2026, 6, 2}, {2026, 6, 4}) == 2);
}

TEST_CASE("stats: a daylight-saving change keeps every episode on its local day", "[stats]") {
    // Central Europe, 29 March 2026: clocks jump from 02:00 (+01:00) to 03:00 (+02:00); a 23-hour day.
    const std::vector<Episode> episodes{
        at("2026-03-28T23:30+01:00", 2), at("2026-03-29T01:30+01:00", 4), at("2026-03-29T03:30+02:00", 6),
        at("2026-03-29T23:50+02:00", 3),  // 21:50 UTC
        at("2026-03-30T00:10+02:00", 5),  // 29 March 22:10 UTC, but the 30th where the person is
    };
    const auto days = summarizeDays(episodes);
    REQUIRE(days.size() == 3);
    CHECK(days[0].day == CivilDate{2026, 3, 28});
    CHECK(days[1].day == CivilDate{2026, 3, 29});
    CHECK(days[1].episodes == 3);
    CHECK(days[1].maxPain == 6);
    CHECK(days[1].meanPain == Approx(13.0 / 3.0));
    CHECK(days[2].day == CivilDate{2026, 3, 30});
    CHECK(days[2].episodes == 1);
    CHECK(days[2].maxPain == 5);
    // The series steps by calendar day, not by 24 hours: no day is doubled or skipped.
    const auto series = dailySeries(days, {2026, 3, 28}, {2026, 3, 31});
    REQUIRE(series.size() == 4);
    CHECK(series[1].day == CivilDate{2026, 3, 29});
    CHECK(series[2].day == CivilDate{2026, 3, 30});
    CHECK(*series[2].rollingMean == Approx((2 + 6 + 5) / 3.0));
    CHECK_FALSE(series[3].maxPain.has_value());
    // The autumn change (25 October 2026, a 25-hour day): both 02:30s are on the 25th.
    const auto autumn = summarizeDays(std::vector{at("2026-10-25T02:30+02:00", 1), at("2026-10-25T02:30+01:00", 7)});
    REQUIRE(autumn.size() == 1);
    CHECK(autumn[0].episodes == 2);
    CHECK(autumn[0].maxPain == 7);
}

TEST_CASE("stats: a change of UTC offset while travelling keeps the recorded local day", "[stats]") {
    const std::vector<Episode> episodes{
        at("2026-06-10T23:00-04:00", 3),  // New York, late evening: 11 June 03:00 UTC
        at("2026-06-11T08:00+02:00", 5),  // back in Berlin the next morning
        at("2026-06-12T00:30+09:00", 4),  // Tokyo just after midnight: 11 June 15:30 UTC
    };
    const auto days = summarizeDays(episodes);
    REQUIRE(days.size() == 3);
    CHECK(days[0].day == CivilDate{2026, 6, 10});
    CHECK(days[0].maxPain == 3);
    CHECK(days[1].day == CivilDate{2026, 6, 11});
    CHECK(days[1].maxPain == 5);
    CHECK(days[2].day == CivilDate{2026, 6, 12});
    CHECK(currentStreak(days, {2026, 6, 12}) == 3);
    const auto cal = calendarMonths(days, {2026, 6, 1}, {2026, 6, 30});
    REQUIRE(cal.size() == 1);
    CHECK(*cal[0].maxPain[9] == 3);
    CHECK(*cal[0].maxPain[10] == 5);
    CHECK(*cal[0].maxPain[11] == 4);
    CHECK_FALSE(cal[0].maxPain[12].has_value());
}

TEST_CASE("stats: series, streak and calendar cross a year boundary", "[stats]") {
    const std::vector<DaySummary> days{day({2025, 12, 30}, 8), day({2025, 12, 31}, 4), day({2026, 1, 1}, 2),
                                       day({2026, 1, 2}, 0)};
    const auto series = dailySeries(days, {2025, 12, 31}, {2026, 1, 3});
    REQUIRE(series.size() == 4);
    CHECK(series[0].day == CivilDate{2025, 12, 31});
    CHECK(*series[0].rollingMean == Approx(6.0));  // 30 Dec lies before the range but inside the window
    CHECK(series[1].day == CivilDate{2026, 1, 1});
    CHECK(*series[1].rollingMean == Approx(14.0 / 3.0));
    CHECK(*series[2].maxPain == 0);  // a logged 0 is a value, not a gap
    CHECK(*series[2].rollingMean == Approx(3.5));
    CHECK_FALSE(series[3].maxPain.has_value());
    CHECK(*series[3].rollingMean == Approx(3.5));
    CHECK(currentStreak(days, {2026, 1, 2}) == 4);
    CHECK(daysLogged(days, {2026, 1, 1}, {2026, 12, 31}) == 2);
    const auto cal = calendarMonths(days, {2025, 11, 15}, {2026, 2, 10});
    REQUIRE(cal.size() == 4);
    CHECK(cal[0].year == 2025);
    CHECK(cal[0].month == 11);
    CHECK(cal[1].month == 12);
    CHECK(*cal[1].maxPain[29] == 8);
    CHECK(*cal[1].maxPain[30] == 4);
    CHECK(cal[2].year == 2026);
    CHECK(cal[2].month == 1);
    CHECK(*cal[2].maxPain[0] == 2);
    CHECK(*cal[2].maxPain[1] == 0);
    CHECK(cal[3].month == 2);
    CHECK(cal[3].days == 28);
    // Days outside the requested range are left empty.
    const auto clipped = calendarMonths(days, {2025, 12, 31}, {2026, 1, 1});
    REQUIRE(clipped.size() == 2);
    CHECK_FALSE(clipped[0].maxPain[29].has_value());
    CHECK(*clipped[0].maxPain[30] == 4);
    CHECK_FALSE(clipped[1].maxPain[1].has_value());
    CHECK(daysInMonth(2024, 2) == 29);
    CHECK(daysInMonth(2100, 2) == 28);
}

TEST_CASE("stats: deleted episodes are left out of the daily summary", "[stats]") {
    std::vector<Episode> episodes{at("2026-02-01T09:00+01:00", 9), at("2026-02-01T18:00+01:00", 3)};
    episodes[0].deletedAtUtc = 1;
    episodes[1].symptoms = {"swelling"};
    const auto days = summarizeDays(episodes);
    REQUIRE(days.size() == 1);
    CHECK(days[0].episodes == 1);
    CHECK(days[0].maxPain == 3);
    CHECK(days[0].swelling);
}
