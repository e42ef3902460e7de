#pragma once
// Pieces the subcommands share: opening the journal, reading episode flags, printing results.
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/args.hpp"
#include "core/episode.hpp"
#include "core/result.hpp"
#include "core/triage.hpp"
#include "db/journal_store.hpp"

namespace cli {

// Opens the journal named by the invocation; prints a clear message and returns null on failure.
std::unique_ptr<db::JournalStore> openJournal(const Invocation& inv, bool readOnly = false);

// For commands that only read: the journal when its file exists (read-only). A missing file is an
// empty journal in memory when `missingIsEmpty` (triage), else "There is no journal at PATH".
// Nothing is created on disk. Prints a message and returns null when the file cannot be read.
std::unique_ptr<db::JournalStore> openForReading(const Invocation& inv, bool missingIsEmpty);

// "Emergency: 999 · same day: NHS 111 (United Kingdom)", or the 112 sentence when no region is chosen.
std::string regionNumbersLine(const std::string& regionCode);

// --from and --to as an inclusive range of local days (either may be absent); the last day may
// not come before the first.
core::Result<core::DateRange> rangeFromOptions(const Invocation& inv);

// Prints "kneelog: <message>" and returns the exit code for the error (2 for bad input, else 1).
int fail(const core::Error& error);
int usageError(const std::string& message);

// Builds an episode from --pain, --at, --side, ... Unknown names are refused with the valid list.
// With `painRequired` false a missing --pain means 0 (for triage).
core::Result<core::Episode> episodeFromOptions(const Invocation& inv, bool painRequired);

// The --risk names (checked), for one evaluation only.
core::Result<std::vector<std::string>> risksFromOptions(const Invocation& inv);

// Fills an empty journal with `days` of realistic sample history (triaged, alerts acknowledged).
// Returns the number of episodes added.
core::Result<std::size_t> fillWithSample(db::JournalStore& store, int days, uint64_t seed);

nlohmann::json episodeJson(const core::Episode& e);
nlohmann::json triageJson(const core::TriageResult& r);

}  // namespace cli
