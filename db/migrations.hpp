#pragma once
// Schema migrations through PRAGMA user_version: one function per step, each step and its
// version bump in one transaction. A journal written by a newer KneeLog is refused, untouched.
#include <cstdint>

#include "core/result.hpp"
#include "db/sqlite.hpp"

namespace db {

// The schema version this build writes.
inline constexpr int kSchemaVersion = 6;
// The version each step brings a journal to, for tests that build the journal just before it.
inline constexpr int kVersionKneeMap = 4;   // issue 18: where behind the knee
inline constexpr int kVersionPegRelief = 5; // issue 17: the weekly check-in, medication relief
inline constexpr int kVersionBundles = 6;   // issue 16: entry ids, edit times, kept versions
// PRAGMA application_id of every KneeLog journal ("KnLg"), so a foreign SQLite file is recognised.
inline constexpr int32_t kApplicationId = 0x4B6E4C67;

// PRAGMA user_version of the open database.
core::Result<int> schemaVersion(Connection& conn);
// Brings the database to kSchemaVersion; TooNew (and nothing written) for a newer journal.
core::Result<void> migrate(Connection& conn);
// Brings the database to `target` (<= kSchemaVersion) only; tests build older journals with it.
core::Result<void> migrateTo(Connection& conn, int target);
// Recomputes the per-day summary rows of one local day from the episodes (v2 and later).
core::Result<void> refreshDaySummary(Connection& conn, int64_t localDay);

}  // namespace db
