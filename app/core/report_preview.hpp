#pragma once
// The Export screen's preview of the report: page 1's figures (the period, entries, days with
// pain, average and highest pain, the trend sentence, red flags and "see a doctor soon" advice)
// computed from one summary row a day and the period's alerts, so the preview never loads the
// period's entries (ten years are 3,650 rows, not 37,000 entries). The same figures as
// buildReport's (a test compares them).
#include <span>
#include <string>

#include "core/report.hpp"
#include "core/repository.hpp"

namespace core {

struct ReportPreview {
    CivilDate from, to;
    std::string periodText;  // "2026-01-01 to 2026-03-31 (90 days)"
    ReportSummary summary;
    int seriousAlerts = 0;   // emergency and urgent: the red flags
    int soonAdvice = 0;      // "see a doctor soon": advice, not a red flag
};

// `days`: the period's day summaries (any order); `alerts`: the period's alerts of entries not
// deleted; `today`: the end of an open period.
ReportPreview previewReport(std::span<const DaySummary> days, std::span<const Alert> alerts, const DateRange& range,
                            CivilDate today);

}  // namespace core
