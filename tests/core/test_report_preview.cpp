// The Export screen's preview from day summaries gives the same page-1 figures as the report
// built from every entry (core/report_preview.hpp), for open and closed periods.
#include <catch2/catch.hpp>

#include "core/demo.hpp"
#include "core/report.hpp"
#include "core/report_preview.hpp"
#include "core/stats.hpp"
#include "core/triage.hpp"

using namespace core;

namespace {
bool within(const DateRange& r, const CivilDate& d) { return (!r.from || !(d < *r.from)) && (!r.to || !(*r.to < d)); }
}  // namespace

TEST_CASE("the preview from day summaries has the report's figures", "[report]") {
    const CivilDate today{2026, 11, 30};
    std::vector<Episode> episodes = demoEpisodes(today, 400, 3, 60);
    std::vector<Alert> alerts;
    for (std::size_t i = 0; i < episodes.size(); ++i) {
        episodes[i].id = static_cast<int64_t>(i + 1);
        const TriageResult r = triageEpisode(episodes[i]);
        if (r.level > Level::SelfCare) alerts.push_back({0, episodes[i].id, r.level, r.ruleIds, false, 0, std::nullopt});
    }
    REQUIRE(!alerts.empty());
    const std::vector<DateRange> ranges = {DateRange{}, DateRange{CivilDate{2026, 9, 1}, CivilDate{2026, 10, 31}},
                                           DateRange{CivilDate{2026, 11, 1}, std::nullopt},
                                           DateRange{CivilDate{2030, 1, 1}, CivilDate{2030, 1, 31}}};
    for (const DateRange& range : ranges) {
        std::vector<Episode> inRange;
        for (const Episode& e : episodes)
            if (within(range, e.startedAt.date)) inRange.push_back(e);
        std::vector<Alert> rangeAlerts;
        for (const Alert& a : alerts)
            if (within(range, episodes[static_cast<std::size_t>(a.episodeId - 1)].startedAt.date)) rangeAlerts.push_back(a);
        ReportOptions options;
        options.range = range;
        options.generatedAt = LocalDateTime{today, 12, 0, 60};
        options.withEntries = false;
        const Report full = buildReport(inRange, rangeAlerts, options);
        const ReportPreview p = previewReport(summarizeDays(inRange), rangeAlerts, range, today);
        INFO(full.periodText);
        CHECK(p.periodText == full.periodText);
        CHECK(p.summary.episodes == full.summary.episodes);
        CHECK(p.summary.daysInPeriod == full.summary.daysInPeriod);
        CHECK(p.summary.daysLogged == full.summary.daysLogged);
        CHECK(p.summary.daysWithPain == full.summary.daysWithPain);
        CHECK(p.summary.maxPain == full.summary.maxPain);
        CHECK(p.summary.meanPain == Approx(full.summary.meanPain).epsilon(1e-9));
        CHECK(p.summary.trend == full.summary.trend);
        CHECK(p.seriousAlerts == full.seriousAlerts);
        CHECK(p.soonAdvice == full.soonAdvice);
    }
}
