// Page 1's figures: the pain now and before, and the chart binned by day, week or month.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/report.hpp"
#include "core/words.hpp"

namespace core {

namespace {

constexpr int kWindowDays = 28;
constexpr std::size_t kDailyUpTo = 186;    // about 6 months
constexpr std::size_t kWeeklyUpTo = 1100;  // about 3 years

std::string pointText(double v) {
    char buf[32];
    if (std::fabs(v - std::round(v)) < 0.05) std::snprintf(buf, sizeof buf, "%.0f", v);
    else std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

PainWindow windowOf(std::span<const ChartDay> chart, std::ptrdiff_t begin, std::ptrdiff_t end, CivilDate last) {
    PainWindow w;
    w.to = addDays(last, static_cast<int>(end - static_cast<std::ptrdiff_t>(chart.size())));
    w.from = addDays(w.to, -(kWindowDays - 1));
    std::vector<int> highs;
    w.days = static_cast<int>(std::max<std::ptrdiff_t>(end - std::max<std::ptrdiff_t>(begin, 0), 0));
    if (!chart.empty() && w.days > 0) w.from = std::max(w.from, chart.front().day);
    for (std::ptrdiff_t i = std::max<std::ptrdiff_t>(begin, 0); i < end; ++i) {
        const auto& m = chart[static_cast<std::size_t>(i)].maxPain;
        if (!m) continue;
        highs.push_back(*m);
        if (*m > 0) ++w.daysWithPain;
    }
    w.daysLogged = static_cast<int>(highs.size());
    if (highs.empty()) return w;
    std::sort(highs.begin(), highs.end());
    const std::size_t mid = highs.size() / 2;
    w.typical = highs.size() % 2 ? highs[mid] : (highs[mid - 1] + highs[mid]) / 2.0;
    w.worst = highs.back();
    return w;
}

std::string changeWords(const PainWindow& now, const PainWindow& before) {
    const std::string threshold =
        "A change of 2 points or more on the 0-10 scale is the smallest change considered clinically meaningful.";
    if (before.days == 0) return "The period began within the last 4 weeks: there is nothing before it to compare. " + threshold;
    if (now.daysLogged < 3 || before.daysLogged < 3)
        return "Too few days logged to compare the two stretches (at least 3 days each are needed). " + threshold;
    const double d = std::round((*now.typical - *before.typical) * 10.0) / 10.0;
    std::string out = "Typical pain ";
    if (d >= 2.0) out += "rose by " + pointText(d) + " points: a clinically meaningful worsening.";
    else if (d <= -2.0) out += "fell by " + pointText(-d) + " points: a clinically meaningful improvement.";
    else if (d == 0.0) out += "did not change: about the same.";
    else out += (d > 0 ? "rose by " : "fell by ") + pointText(std::fabs(d)) + (std::fabs(d) == 1.0 ? " point" : " points") +
                ": less than 2 points, so about the same.";
    out += " ";
    out += threshold;
    return out;
}

// 1970-01-01 was a Thursday.
bool isMonday(const CivilDate& d) { return ((daysFromCivil(d) % 7) + 7 + 3) % 7 == 0; }

void addDay(ChartBin& bin, const ChartDay& day, int& sum, int& logged) {
    if (!day.maxPain) return;
    bin.maxPain = bin.maxPain ? std::max(*bin.maxPain, *day.maxPain) : *day.maxPain;
    sum += *day.maxPain;
    ++logged;
    bin.mean = static_cast<double>(sum) / logged;
}

}  // namespace

bool isSerious(Level level) { return level == Level::Emergency || level == Level::Urgent; }

std::string monthName(const CivilDate& day) {
    std::string out = monthLong(day.month);
    out += ' ';
    out += std::to_string(day.year);
    return out;
}

PainNowAndBefore painNowAndBefore(std::span<const ChartDay> chart) {
    PainNowAndBefore p;
    const auto n = static_cast<std::ptrdiff_t>(chart.size());
    const CivilDate last = chart.empty() ? CivilDate{} : chart.back().day;
    p.now = windowOf(chart, n - kWindowDays, n, last);
    p.before = windowOf(chart, n - 2 * kWindowDays, std::max<std::ptrdiff_t>(n - kWindowDays, 0), last);
    p.before.to = addDays(p.now.from, -1);
    p.before.from = addDays(p.before.to, -(kWindowDays - 1));
    if (!chart.empty() && p.before.days > 0) p.before.from = std::max(p.before.from, chart.front().day);
    p.words = changeWords(p.now, p.before);
    return p;
}

ReportChart chartBins(std::span<const ChartDay> chart) {
    ReportChart c;
    if (chart.size() <= kDailyUpTo) {
        c.scale = ChartScale::Daily;
        c.axis = "One bar per day: the highest pain that day. Line: the 7-day average.";
        for (const ChartDay& d : chart) c.bins.push_back(ChartBin{d.day, 1, d.maxPain, d.mean7});
        return c;
    }
    const bool weekly = chart.size() <= kWeeklyUpTo;
    c.scale = weekly ? ChartScale::Weekly : ChartScale::Monthly;
    c.axis = weekly ? "One bar per week (from Monday): the highest pain that week. Line: the week's average daily highest."
                    : "One bar per month: the highest pain that month. Line: the month's average daily highest.";
    int sum = 0, logged = 0;
    for (const ChartDay& d : chart) {
        const bool starts = c.bins.empty() || (weekly ? isMonday(d.day) : d.day.day == 1);
        if (starts) {
            c.bins.push_back(ChartBin{d.day, 0, std::nullopt, std::nullopt});
            sum = logged = 0;
        }
        ++c.bins.back().days;
        addDay(c.bins.back(), d, sum, logged);
    }
    return c;
}

}  // namespace core
