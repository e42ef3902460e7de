#include "core/stats.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace core {

namespace {

// Day number -> summary, for lookups by day.
std::map<int64_t, const DaySummary*> byDay(std::span<const DaySummary> days) {
    std::map<int64_t, const DaySummary*> out;
    for (const DaySummary& d : days)
        if (d.episodes > 0) out[daysFromCivil(d.day)] = &d;
    return out;
}

PeriodSummary summarizePeriod(std::span<const DaySummary> days, int64_t from, int64_t to, int redFlags) {
    PeriodSummary p;
    double painSum = 0;
    for (const DaySummary& d : days) {
        const int64_t n = daysFromCivil(d.day);
        if (d.episodes <= 0 || n < from || n > to) continue;
        ++p.daysLogged;
        p.episodes += d.episodes;
        painSum += std::round(d.meanPain * d.episodes);  // the day's exact pain sum
        if (d.maxPain > 0) ++p.daysWithPain;
    }
    p.meanPain = p.episodes > 0 ? painSum / p.episodes : 0.0;
    p.redFlagEpisodes = redFlags;
    return p;
}

// Under half a point on the 0-10 scale is within the noise of a rating: "about the same".
constexpr double kSameWithin = 0.5;

std::string oneDecimal(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

// "1.8 points", "1 point", "2 points": whole numbers without ".0".
std::string points(double v) {
    const double r = std::round(v * 10.0) / 10.0;
    if (r == std::floor(r)) {
        const long whole = std::lround(r);
        return std::to_string(whole) + (whole == 1 ? " point" : " points");
    }
    return oneDecimal(r) + " points";
}

std::string plural(int n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

std::string headline(const PeriodSummary& recent, const PeriodSummary& before) {
    if (recent.episodes == 0 && before.episodes == 0) return "Nothing logged in the last four weeks yet.";
    if (recent.episodes == 0)
        return "Nothing logged in the last two weeks. The two weeks before: average pain " +
               oneDecimal(before.meanPain) + ".";
    if (before.episodes == 0)
        return "Average pain " + oneDecimal(recent.meanPain) +
               " in the last two weeks. Nothing was logged in the two weeks before to compare with.";
    const double diff = std::round((recent.meanPain - before.meanPain) * 10.0) / 10.0;
    if (std::fabs(diff) < kSameWithin)
        return "Average pain about the same as the two weeks before: " + oneDecimal(recent.meanPain) + ", was " +
               oneDecimal(before.meanPain) + ".";
    return "Average pain " + points(std::fabs(diff)) + (diff < 0 ? " lower" : " higher") + " than the two weeks before.";
}

}  // namespace

std::vector<DaySummary> summarizeDays(std::span<const Episode> episodes) {
    std::map<int64_t, DaySummary> days;
    std::map<int64_t, int> sums;
    for (const Episode& e : episodes) {
        if (e.deletedAtUtc) continue;
        const int64_t n = daysFromCivil(e.startedAt.date);
        DaySummary& d = days[n];
        d.day = e.startedAt.date;
        d.maxPain = d.episodes == 0 ? e.pain : std::max(d.maxPain, e.pain);
        ++d.episodes;
        sums[n] += e.pain;
        d.swelling = d.swelling || e.hasSymptom("swelling");
    }
    std::vector<DaySummary> out;
    out.reserve(days.size());
    for (auto& [n, d] : days) {
        d.meanPain = static_cast<double>(sums[n]) / d.episodes;
        out.push_back(d);
    }
    return out;
}

std::vector<std::optional<double>> rollingMean(std::span<const std::optional<int>> values, int window) {
    std::vector<std::optional<double>> out(values.size());
    const size_t w = static_cast<size_t>(std::max(window, 1));
    long sum = 0;
    int count = 0;
    for (size_t i = 0; i < values.size(); ++i) {
        if (values[i]) {
            sum += *values[i];
            ++count;
        }
        if (i >= w && values[i - w]) {
            sum -= *values[i - w];
            --count;
        }
        if (count > 0) out[i] = static_cast<double>(sum) / count;
    }
    return out;
}

std::vector<DayPoint> dailySeries(std::span<const DaySummary> days, CivilDate from, CivilDate to) {
    const int64_t first = daysFromCivil(from), last = daysFromCivil(to);
    if (last < first) return {};
    const int64_t lead = kRollingDays - 1;  // days before `from` that feed the rolling mean
    const size_t n = static_cast<size_t>(last - first + 1 + lead);
    std::vector<const DaySummary*> slots(n, nullptr);
    for (const DaySummary& d : days) {
        const int64_t i = daysFromCivil(d.day) - (first - lead);
        if (d.episodes > 0 && i >= 0 && i < static_cast<int64_t>(n)) slots[static_cast<size_t>(i)] = &d;
    }
    std::vector<std::optional<int>> maxima(n);
    for (size_t i = 0; i < n; ++i)
        if (slots[i]) maxima[i] = slots[i]->maxPain;
    const auto rolling = rollingMean(maxima);
    std::vector<DayPoint> out;
    out.reserve(n - static_cast<size_t>(lead));
    for (size_t i = static_cast<size_t>(lead); i < n; ++i) {
        DayPoint p;
        p.day = civilFromDays(first - lead + static_cast<int64_t>(i));
        if (const DaySummary* d = slots[i]) {
            p.episodes = d->episodes;
            p.maxPain = d->maxPain;
            p.meanPain = d->meanPain;
        }
        p.rollingMean = rolling[i];
        out.push_back(p);
    }
    return out;
}

int daysLogged(std::span<const DaySummary> days, CivilDate from, CivilDate to) {
    const int64_t a = daysFromCivil(from), b = daysFromCivil(to);
    int n = 0;
    for (const auto& [day, d] : byDay(days))
        if (day >= a && day <= b) ++n;
    return n;
}

int currentStreak(std::span<const DaySummary> days, CivilDate today) {
    const auto logged = byDay(days);
    int64_t day = daysFromCivil(today);
    if (!logged.contains(day)) --day;  // today not logged yet: the streak may still run to yesterday
    int streak = 0;
    while (logged.contains(day)) {
        ++streak;
        --day;
    }
    return streak;
}

std::optional<CivilDate> firstLoggedDay(std::span<const DaySummary> days) {
    const auto logged = byDay(days);
    if (logged.empty()) return std::nullopt;
    return logged.begin()->second->day;
}

Comparison compareFortnights(std::span<const DaySummary> days, CivilDate today, int redFlagsRecent,
                             int redFlagsBefore) {
    const int64_t t = daysFromCivil(today);
    Comparison c;
    c.recent = summarizePeriod(days, t - (kComparisonDays - 1), t, redFlagsRecent);
    c.before = summarizePeriod(days, t - (2 * kComparisonDays - 1), t - kComparisonDays, redFlagsBefore);
    c.headline = headline(c.recent, c.before);
    if (c.recent.episodes == 0 && c.before.episodes == 0) return c;
    const auto pair = [](int now, int then) {
        return std::to_string(now) + " (the two weeks before: " + std::to_string(then) + ")";
    };
    c.details.push_back("Days with pain: " + pair(c.recent.daysWithPain, c.before.daysWithPain) + ".");
    c.details.push_back("Episodes with red flags: " + pair(c.recent.redFlagEpisodes, c.before.redFlagEpisodes) + ".");
    const auto figures = [](const PeriodSummary& p) {
        return p.episodes == 0 ? std::string("nothing logged")
                               : "average " + oneDecimal(p.meanPain) + " over " + plural(p.episodes, "episode", "episodes") +
                                     " on " + plural(p.daysLogged, "day", "days");
    };
    c.details.push_back("Last 14 days: " + figures(c.recent) + "; the 14 before: " + figures(c.before) + ".");
    return c;
}

int daysInMonth(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const int m = std::clamp(month, 1, 12);
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return m == 2 && leap ? 29 : kDays[m - 1];
}

std::vector<CalendarMonth> calendarMonths(std::span<const DaySummary> days, CivilDate from, CivilDate to) {
    if (to < from) return {};
    std::vector<CalendarMonth> out;
    for (int y = from.year, m = from.month; y < to.year || (y == to.year && m <= to.month);) {
        CalendarMonth cm;
        cm.year = y;
        cm.month = m;
        cm.days = daysInMonth(y, m);
        out.push_back(cm);
        if (++m > 12) {
            m = 1;
            ++y;
        }
    }
    for (const DaySummary& d : days) {
        if (d.episodes <= 0 || d.day < from || to < d.day) continue;
        const size_t i = static_cast<size_t>((d.day.year - from.year) * 12 + (d.day.month - from.month));
        out[i].maxPain[static_cast<size_t>(d.day.day - 1)] = d.maxPain;
    }
    return out;
}

}  // namespace core
