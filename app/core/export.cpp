#include "core/export.hpp"

#include <algorithm>
#include <climits>
#include <map>
#include <tuple>

#include "core/journal.hpp"
#include "core/report.hpp"
#include "core/triage.hpp"

namespace core {

namespace {

constexpr int64_t kRecentSeconds = 24 * 3600;

using EntryKey = std::tuple<int64_t, std::string, int, std::string>;

EntryKey keyOf(const Episode& e) { return {toUtcSeconds(e.startedAt), e.side, e.pain, e.note}; }

}  // namespace

std::string_view formatName(ExportFormat f) {
    switch (f) {
        case ExportFormat::Pdf: return "pdf";
        case ExportFormat::Csv: return "csv";
        case ExportFormat::Fhir: break;
    }
    return "fhir";
}

std::optional<ExportFormat> formatFromName(std::string_view name) {
    for (ExportFormat f : {ExportFormat::Pdf, ExportFormat::Csv, ExportFormat::Fhir})
        if (formatName(f) == name) return f;
    return std::nullopt;
}

std::string_view fileExtension(ExportFormat f) {
    switch (f) {
        case ExportFormat::Pdf: return ".pdf";
        case ExportFormat::Csv: return ".csv";
        case ExportFormat::Fhir: break;
    }
    return ".json";
}

Result<ExportData> loadExportData(JournalRepository& repo, const DateRange& range) {
    auto episodes = repo.episodes(range, INT_MAX, 0);
    if (!episodes) return episodes.error();
    auto alerts = repo.alerts(range);
    if (!alerts) return alerts.error();
    ExportData data;
    data.episodes.assign(std::make_move_iterator(episodes->rbegin()), std::make_move_iterator(episodes->rend()));
    data.alerts = std::move(*alerts);
    std::reverse(data.alerts.begin(), data.alerts.end());
    auto peg = repo.pegEntries(range);
    if (!peg) return peg.error();
    data.peg = std::move(*peg);
    return data;
}

bool sameEntry(const Episode& a, const Episode& b) { return keyOf(a) == keyOf(b); }

Result<ImportPlan> planImport(JournalRepository& repo, std::string_view csv, int64_t nowUtc,
                              const std::vector<std::string>& risks) {
    ImportPlan plan;
    CsvReadResult read = parseEpisodesCsv(csv, nowUtc);
    plan.pegRowsSkipped = read.pegRowsSkipped;
    if (!read.problems.empty()) {
        plan.problems = std::move(read.problems);
        return plan;
    }
    if (read.rows.empty()) return plan;

    // The same instant can fall on neighbouring local days at different offsets: look a day wider.
    CivilDate first = read.rows.front().episode.startedAt.date, last = first;
    for (const CsvRow& r : read.rows) {
        first = std::min(first, r.episode.startedAt.date);
        last = std::max(last, r.episode.startedAt.date);
    }
    // 14 days more before the first: triage reads the days before each entry, as on any save.
    auto existing = repo.episodes(DateRange{addDays(first, -(kHistoryWindowDays + 1)), addDays(last, 1)}, INT_MAX, 0);
    if (!existing) return existing.error();
    std::map<EntryKey, int> seen;  // key -> 0 for the journal, else the file line
    for (const Episode& e : *existing) seen.emplace(keyOf(e), 0);
    // What each new entry's triage reads: the journal's entries and the file's new ones, by day.
    std::vector<Episode> byDay = std::move(*existing);
    for (const CsvRow& r : read.rows) byDay.push_back(r.episode);
    const auto dayOf = [](const Episode& e) { return daysFromCivil(e.startedAt.date); };
    std::stable_sort(byDay.begin(), byDay.end(), [&](const Episode& a, const Episode& b) { return dayOf(a) < dayOf(b); });

    for (CsvRow& r : read.rows) {
        Episode& e = r.episode;
        if (auto [it, added] = seen.emplace(keyOf(e), r.line); !added) {
            plan.duplicates.push_back({r.line, it->second, std::move(e)});
            continue;
        }
        if (e.recordedAtUtc == 0) e.recordedAtUtc = nowUtc;
        std::vector<Alert> alerts;
        const int64_t day = dayOf(e);
        const auto from = std::lower_bound(byDay.begin(), byDay.end(), day - kHistoryWindowDays,
                                           [&](const Episode& x, int64_t d) { return dayOf(x) < d; });
        const auto to = std::lower_bound(from, byDay.end(), day, [&](const Episode& x, int64_t d) { return dayOf(x) < d; });
        const TriageResult t = triageEpisode(e, contextFor(e, std::span<const Episode>(&*from, static_cast<std::size_t>(to - from)), risks));
        if (t.level > Level::SelfCare) {
            Alert a{0, 0, t.level, t.ruleIds, false, toUtcSeconds(e.startedAt), {}};
            if (nowUtc - a.shownAtUtc > kRecentSeconds) a.acknowledgedAtUtc = nowUtc;
            alerts.push_back(std::move(a));
            ++plan.alerts;
            if (isSerious(t.level)) ++plan.seriousAlerts;
            else ++plan.soonAdvice;
        }
        plan.lines.push_back(r.line);
        plan.toAdd.emplace_back(std::move(e), std::move(alerts));
    }
    return plan;
}

}  // namespace core
