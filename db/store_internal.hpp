#pragma once
// Pieces shared by the journal store's source files; not part of db's public interface.
#include <cstdint>
#include <limits>
#include <string>
#include <utility>

#include "core/repository.hpp"
#include "db/journal_store.hpp"
#include "db/sqlite.hpp"

namespace db::detail {

// The inclusive local-day bounds of a range, open ends widened to the whole int64 range.
inline std::pair<int64_t, int64_t> dayBounds(const core::DateRange& range) {
    return {range.from ? core::daysFromCivil(*range.from) : std::numeric_limits<int64_t>::min(),
            range.to ? core::daysFromCivil(*range.to) : std::numeric_limits<int64_t>::max()};
}

// Calls f(stmt) for each row; stops at the first error.
template <class F>
core::Result<void> eachRow(Statement& stmt, F&& f) {
    for (;;) {
        auto row = stmt.step();
        if (!row) return row.error();
        if (!*row) return {};
        f(stmt);
    }
}

// "2026-11-27T08:05:00", the stored form of a local wall time (offset stored apart).
std::string formatLocal(const core::LocalDateTime& t);
bool parseLocal(std::string_view text, core::LocalDateTime& out);

// Binds ?1..?11 and ?13..?15 of an INSERT or UPDATE of an episode's fields (journal_store.cpp).
void bindEpisodeFields(Statement& s, const core::Episode& e);

// Rule ids as stored: "E1,U3".
std::string joinIds(const std::vector<std::string>& ids);
std::vector<std::string> splitIds(std::string_view text, char separator = ',');

// Makes sure the folder and the file exist with private modes, and that a journal meant to be
// written can be: a clear ReadOnly error otherwise. Never writes to an existing file.
core::Result<void> prepareFile(const std::string& path, bool readOnly, bool create);
// Reads the file through a read-only connection and refuses it (Foreign, Corrupt, TooNew)
// unless it is an empty new file or a sound KneeLog journal. `full` runs integrity_check
// instead of quick_check.
core::Result<void> inspectFile(const std::string& path, bool full);
// Checks a backup file read-only (immutable) as inspectFile does; its number of episodes.
core::Result<int64_t> inspectBackup(const std::string& path);
// A read-only connection to `path`. When SQLite could not create its shared-memory file (the
// folder is not writable) and no log lies beside the file, the file is read as immutable.
core::Result<Connection> openReadOnly(const std::string& path);
// Busy timeout, WAL, synchronous=FULL, foreign keys and secure delete, each set explicitly.
core::Result<void> configure(Connection& conn, const OpenOptions& opts, bool memory);
// backups/<journal file name>/ beside the journal: this journal's backups only.
std::string backupsFolder(const std::string& dbPath);
// True for "YYYY-MM-DD.db", the name of an automatic daily backup.
bool isDailyBackupName(std::string_view name);

}  // namespace db::detail
