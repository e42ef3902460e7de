#pragma once
// The report's words for one alert, one entry row, the risk profile and a time stamp (report.cpp),
// shared by the report builder (report_builder.cpp). Not for the screens: they read core::Report.
#include <string>
#include <vector>

#include "core/report.hpp"

namespace core::report_text {

std::string stamp(const LocalDateTime& t);  // "2026-11-27 08:05"
// "Blood thinners (since 2026-10-01); Long journey (since 2026-11-20)" or "none ticked".
std::string riskProfileText(const std::vector<RiskMark>& risks, int offsetMinutes);
// The alert `a` raised by `e`, as the report lists it.
ReportAlert reportAlert(const Alert& a, const Episode& e, const ReportOptions& options);
// `e` as a detail-table row.
ReportRow reportRow(const Episode& e);

}  // namespace core::report_text
