// The report's page-1 figures from day summaries (see report_preview.hpp).
#include "core/report_preview.hpp"

#include <algorithm>


namespace core {

ReportPreview previewReport(std::span<const DaySummary> days, std::span<const Alert> alerts, const DateRange& range,
                            CivilDate today) {
    std::optional<CivilDate> first, last;
    for (const DaySummary& d : days) {
        if (d.episodes == 0) continue;
        first = first ? std::min(*first, d.day) : d.day;
        last = last ? std::max(*last, d.day) : d.day;
    }
    ReportPreview p;
    const ReportPeriod period = reportPeriod(range, today, first, last);
    p.from = period.from;
    p.to = period.to;
    p.periodText = period.text;
    const int64_t count = daysFromCivil(p.to) - daysFromCivil(p.from) + 1;
    std::vector<std::optional<int>> maxima(static_cast<std::size_t>(std::max<int64_t>(count, 0)));
    double total = 0;
    for (const DaySummary& d : days) {
        const int64_t i = daysFromCivil(d.day) - daysFromCivil(p.from);
        if (d.episodes == 0 || i < 0 || i >= count) continue;
        maxima[static_cast<std::size_t>(i)] = d.maxPain;
        p.summary.episodes += d.episodes;
        p.summary.maxPain = std::max(p.summary.maxPain, d.maxPain);
        total += d.meanPain * d.episodes;
    }
    p.summary.meanPain = p.summary.episodes > 0 ? total / p.summary.episodes : 0.0;
    addDayCounts(p.summary, chartFromMaxima(p.from, maxima));
    for (const Alert& a : alerts) {
        if (isSerious(a.level)) ++p.seriousAlerts;
        else if (a.level == Level::Soon) ++p.soonAdvice;
    }
    return p;
}

}  // namespace core
