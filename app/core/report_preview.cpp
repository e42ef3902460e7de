// The report's page-1 figures from day summaries (see report_preview.hpp).
#include "core/report_preview.hpp"

#include <algorithm>

#include "core/stats.hpp"

namespace core {

ReportPreview previewReport(std::span<const DaySummary> days, std::span<const Alert> alerts, const DateRange& range,
                            CivilDate today) {
    ReportPreview p;
    CivilDate first = today, last = today;
    bool any = false;
    for (const DaySummary& d : days) {
        if (d.episodes == 0) continue;
        first = any ? std::min(first, d.day) : d.day;
        last = any ? std::max(last, d.day) : d.day;
        any = true;
    }
    // The same period rule as buildReport: an open start begins at the first entry, an open end
    // is today (or the last entry when that is later).
    p.to = range.to.value_or(today);
    if (!range.to && any) p.to = std::max(p.to, last);
    p.from = range.from.value_or(any ? first : p.to);
    if (p.to < p.from) p.to = p.from;
    const int64_t count = daysFromCivil(p.to) - daysFromCivil(p.from) + 1;
    p.periodText = formatDate(p.from) + " to " + formatDate(p.to) + " (" + std::to_string(count) +
                   (count == 1 ? " day)" : " days)");

    std::vector<ChartDay> chart(static_cast<std::size_t>(std::max<int64_t>(count, 0)));
    for (std::size_t i = 0; i < chart.size(); ++i) chart[i].day = civilFromDays(daysFromCivil(p.from) + static_cast<int64_t>(i));
    double total = 0;
    for (const DaySummary& d : days) {
        const int64_t i = daysFromCivil(d.day) - daysFromCivil(p.from);
        if (d.episodes == 0 || i < 0 || i >= count) continue;
        chart[static_cast<std::size_t>(i)].maxPain = d.maxPain;
        p.summary.episodes += d.episodes;
        p.summary.maxPain = std::max(p.summary.maxPain, d.maxPain);
        total += d.meanPain * d.episodes;
    }
    std::vector<std::optional<int>> maxima(chart.size());
    for (std::size_t i = 0; i < chart.size(); ++i) maxima[i] = chart[i].maxPain;
    const auto means = rollingMean(maxima, kRollingDays);
    for (std::size_t i = 0; i < chart.size() && i < means.size(); ++i) chart[i].mean7 = means[i];
    p.summary.daysInPeriod = static_cast<int>(chart.size());
    p.summary.meanPain = p.summary.episodes > 0 ? total / p.summary.episodes : 0.0;
    for (const ChartDay& d : chart) {
        if (!d.maxPain) continue;
        ++p.summary.daysLogged;
        if (*d.maxPain > 0) ++p.summary.daysWithPain;
    }
    p.summary.trend = trendText(chart);
    for (const Alert& a : alerts) {
        if (isSerious(a.level)) ++p.seriousAlerts;
        else if (a.level == Level::Soon) ++p.soonAdvice;
    }
    return p;
}

}  // namespace core
