#pragma once
// Episodes as CSV (RFC 4180, UTF-8): a header row, one row per episode, multi-value fields
// joined with ';', times in ISO 8601 with their UTC offset. What episodesToCsv() writes,
// parseEpisodesCsv() reads back to the same episodes, field for field (the id and the medication
// relief rating aside: the CSV has no relief column yet).
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/episode.hpp"
#include "core/peg.hpp"
#include "core/repository.hpp"
#include "core/sink.hpp"

namespace core {

// The header, in column order: started_at, side, pain, type, onset, when, symptoms, care,
// medication, note, recorded_at, leg, temperature, advice. Files with only the first 11 columns
// (written before red flags version 2) still import.
std::span<const std::string_view> csvColumns();

// One CRLF-terminated row per episode, in the order given. The `advice` column is the highest
// level of the alerts each episode's save raised (self_care when none); it is written for the
// reader and ignored on import (triage runs again). Free text that a spreadsheet would run as a
// formula (starting with = + - @, tab or carriage return) is written with a leading ' (OWASP's
// advice against CSV injection), and so is text that starts with ', so import restores it exactly.
std::string episodesToCsv(std::span<const Episode> episodes, std::span<const Alert> alerts = {});

// The same CSV written to `out` as it goes: the header at once, then the rows of each add(), so an
// export streams the journal a page at a time. `alerts` give the advice column (csv_write.cpp).
class CsvWriter {
public:
    CsvWriter(Sink& out, std::span<const Alert> alerts);
    void add(std::span<const Episode> episodes);

private:
    Sink& m_out;
    std::unordered_map<int64_t, Level> m_levels;  // the highest alert level of each episode
    std::string m_row;
};

// The weekly check-ins as a second section of the same file: an empty line, the header
// peg_at,peg_pain,peg_enjoyment,peg_activity,peg_score, one row per check-in (oldest first; the
// score with one decimal). Empty when there are none, so a journal without check-ins exports
// exactly as before. A spreadsheet shows it below the entries.
std::string pegSectionCsv(std::span<const PegEntry> oldestFirst);
// True for the first record of that section (its first field is "peg_at").
bool isPegSectionHeader(std::span<const std::string> fields);

struct CsvRow {
    int line = 0;  // where the record starts in the file (1 = the header)
    Episode episode;
};

struct CsvProblem {
    int line = 0;
    std::string reason;  // plain words naming the column and what is wrong
};

struct CsvReadResult {
    std::vector<CsvRow> rows;          // the rows that are valid, in file order
    std::vector<CsvProblem> problems;  // every bad row (empty when the whole file is good)
    int pegRowsSkipped = 0;            // rows of the PEG section, which import does not read
};

// Reads episodes strictly: the header must match, every row needs all columns, names must be
// the vocabulary's, times need their offset, and each episode must pass validate(e, nowUtc).
// A row with recorded_at left empty gets recordedAtUtc 0 (the importer fills in the time).
// Never throws and never stops at the first bad row, except after an unbalanced quote.
// Reading stops at the PEG section (isPegSectionHeader): its rows are counted, not imported.
CsvReadResult parseEpisodesCsv(std::string_view text, int64_t nowUtcSeconds);

}  // namespace core
