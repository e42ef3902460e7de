#pragma once
// What export and import share between the command line and the Export screen: reading the
// period's data out of the journal, and turning a CSV file into a checked, triaged plan that
// the caller commits in one transaction. The formats themselves are pure (csv, fhir, report).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/csv.hpp"
#include "core/episode.hpp"
#include "core/repository.hpp"
#include "core/result.hpp"

namespace core {

enum class ExportFormat { Pdf, Csv, Fhir };
std::string_view formatName(ExportFormat f);       // "pdf", "csv", "fhir"
std::optional<ExportFormat> formatFromName(std::string_view name);
inline constexpr const char* kPaperSettingKey = "export_paper";  // "a4" or "letter"
std::string_view fileExtension(ExportFormat f);    // ".pdf", ".csv", ".json"

struct ExportData {
    std::vector<Episode> episodes;  // oldest first
    std::vector<Alert> alerts;      // of those episodes
    std::vector<PegEntry> peg;      // the weekly check-ins of the period, oldest first
};

// Every episode (not deleted) and alert of the period.
Result<ExportData> loadExportData(JournalRepository& repo, const DateRange& range);

struct ImportDuplicate {
    int line = 0;
    int sameAsLine = 0;  // 0: already in the journal; else the earlier line of the file it repeats
    Episode episode;
};

struct ImportPlan {
    std::vector<CsvProblem> problems;  // not empty: the file is refused, nothing may be written
    std::vector<std::pair<Episode, std::vector<Alert>>> toAdd;  // with their triage alerts, file order
    std::vector<int> lines;            // the file line of each toAdd entry
    std::vector<ImportDuplicate> duplicates;  // already in the journal (or earlier in the file)
    int alerts = 0;                    // how many alerts the new episodes raise, of any level:
    int seriousAlerts = 0;             //   emergency or urgent (the red flags)
    int soonAdvice = 0;                //   "see a doctor soon" (advice, never called a red flag)
    int pegRowsSkipped = 0;            // weekly check-in rows (the CSV's PEG section): not imported
};

// Two episodes are the same entry when they started at the same instant with the same side,
// pain and note.
bool sameEntry(const Episode& a, const Episode& b);

// Reads and checks the CSV, leaves out rows already in the journal, and triages each new
// episode like any save (E/U/S rules). Alerts of episodes that started more than a day before
// `nowUtc` are marked acknowledged at `nowUtc`, so importing old history does not pin old
// alerts to the top of the home screen; newer ones wait for the person as usual.
// Triage of each new entry reads `risks` and the 14 days before it (the journal's entries and the
// file's), as on any save.
Result<ImportPlan> planImport(JournalRepository& repo, std::string_view csv, int64_t nowUtc,
                              const std::vector<std::string>& risks = {});

}  // namespace core
