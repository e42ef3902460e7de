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

// Prints "kneelog: <message>" and returns the exit code for the error (2 for bad input, else 1).
int fail(const core::Error& error);
int usageError(const std::string& message);

// Builds an episode from --pain, --at, --side, ... Unknown names are refused with the valid list.
// With `painRequired` false a missing --pain means 0 (for triage).
core::Result<core::Episode> episodeFromOptions(const Invocation& inv, bool painRequired);

// Fills an empty journal with `days` of realistic sample history (triaged, alerts acknowledged).
// Returns the number of episodes added.
core::Result<std::size_t> fillWithSample(db::JournalStore& store, int days, uint64_t seed);

nlohmann::json episodeJson(const core::Episode& e);
nlohmann::json triageJson(const core::TriageResult& r);

}  // namespace cli
