// The journal as a file: integrity check, backups, restore and "delete all my data".
#include <algorithm>
#include <filesystem>

#include "db/file_util.hpp"
#include "db/journal_store.hpp"
#include "db/store_internal.hpp"

namespace db {

namespace {

namespace fs = std::filesystem;
constexpr int kDailyBackupsKept = 7;

// Names in `dir` accepted by `keep`, sorted.
template <class Pred>
std::vector<std::string> listFiles(const std::string& dir, Pred keep) {
    std::vector<std::string> out;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (keep(name)) out.push_back(name);
    }
    std::sort(out.begin(), out.end());
    return out;
}

// Copies the database behind `conn` into `file` (0600) through VACUUM INTO beside it, then
// renames it into place, so a failed backup never leaves a half-written file under that name.
core::Result<void> vacuumInto(Connection& conn, const std::string& file, const char* operation) {
    const std::string partial = file + ".partial";
    files::removeFile(partial);
    if (auto r = files::createPrivateFile(partial); !r) return r;
    auto stmt = Statement::prepare(conn, "VACUUM INTO ?1", operation);
    if (!stmt) {
        files::removeFile(partial);
        return stmt.error();
    }
    auto done = stmt->bind(1, std::string_view(partial)).run();
    if (done) done = files::syncPath(partial);
    if (done) done = files::renameDurably(partial, file);
    if (!done) files::removeFile(partial);
    return done;
}

// PRAGMA wal_checkpoint(TRUNCATE): every committed page moved into the file, the log emptied.
core::Result<void> checkpointTruncate(Connection& conn, const char* operation) {
    auto stmt = Statement::prepare(conn, "PRAGMA wal_checkpoint(TRUNCATE)", operation);
    if (!stmt) return stmt.error();
    auto row = stmt->step();
    if (!row) return row.error();
    if (*row && stmt->columnInt(0) != 0)
        return core::makeError(core::ErrorCode::Busy, std::string("Could not ") + operation +
                                                          ": the journal is in use by another KneeLog window; close "
                                                          "it and try again");
    return {};
}

std::string uniqueName(const std::string& dir, const std::string& stem) {
    std::string name = dir + "/" + stem + ".db";
    for (int n = 2; files::exists(name); ++n) name = dir + "/" + stem + "-" + std::to_string(n) + ".db";
    return name;
}

}  // namespace

core::Result<void> JournalStore::checkpoint() {
    if (m_readOnly) return {};
    return checkpointTruncate(m_conn, "checkpoint the journal");
}

core::Result<void> JournalStore::check() {
    auto stmt = Statement::prepare(m_conn, "PRAGMA integrity_check", "check the journal");
    if (!stmt) return stmt.error();
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row || stmt->columnText(0) != "ok")
        return core::makeError(core::ErrorCode::Corrupt,
                               "The journal failed its integrity check" +
                                   (*row ? " (" + stmt->columnText(0) + ")" : std::string()) +
                                   ". You can restore the newest automatic backup.");
    stmt->reset();
    auto fk = Statement::prepare(m_conn, "PRAGMA foreign_key_check", "check the journal");
    if (!fk) return fk.error();
    auto orphan = fk->step();
    if (!orphan) return orphan.error();
    if (*orphan)
        return core::makeError(core::ErrorCode::Corrupt,
                               "The journal failed its integrity check (entries refer to missing episodes)");
    return {};
}

core::Result<void> JournalStore::backupTo(const std::string& file) {
    if (file.empty() || file == m_path)
        return core::makeError(core::ErrorCode::Invalid, "Choose a backup file other than the journal itself");
    return vacuumInto(m_conn, file, "make the backup");
}

core::Result<std::optional<std::string>> JournalStore::dailyBackup(core::CivilDate today) {
    if (m_path == ":memory:")
        return core::makeError(core::ErrorCode::Invalid, "An in-memory journal has no automatic backups");
    const std::string dir = detail::backupsFolder(m_path);
    if (auto r = files::ensureFolder(dir); !r) return r.error();
    const std::string file = dir + "/kneelog-" + core::formatDate(today) + ".db";
    if (files::exists(file)) return std::optional<std::string>{};
    if (auto r = backupTo(file); !r) return r.error();
    auto daily = listFiles(dir, detail::isDailyBackupName);
    for (std::size_t i = 0; i + kDailyBackupsKept < daily.size(); ++i) files::removeFile(dir + "/" + daily[i]);
    return std::optional<std::string>{file};
}

std::optional<std::string> JournalStore::newestBackup(const std::string& dbPath) {
    const std::string dir = detail::backupsFolder(dbPath);
    auto daily = listFiles(dir, detail::isDailyBackupName);
    if (daily.empty()) return std::nullopt;
    return dir + "/" + daily.back();
}

core::Result<void> JournalStore::leaveWalMode() {
    if (auto r = checkpointTruncate(m_conn, "set the journal aside"); !r) return r;
    auto mode = m_conn.queryText("PRAGMA journal_mode = DELETE", "set the journal aside");
    if (!mode) return mode.error();
    if (*mode != "delete")
        return core::makeError(core::ErrorCode::Busy, "Could not set the journal aside: it is in use by another "
                                                      "KneeLog window; close it and try again");
    return {};
}

// A sound journal is copied consistently and switched out of WAL mode (so no log is left to be
// applied to the restored file); a damaged one is copied byte for byte with its log.
core::Result<void> JournalStore::keepCurrent(const std::string& dbPath) {
    if (files::fileSize(dbPath) <= 0) return {};
    const std::string dir = detail::backupsFolder(dbPath);
    if (auto r = files::ensureFolder(dir); !r) return r;
    std::string stamp = core::formatIsoUtc(core::nowUtc());
    std::replace(stamp.begin(), stamp.end(), ':', '-');
    const std::string keep = uniqueName(dir, "kneelog-before-restore-" + stamp);
    auto current = JournalStore::open(dbPath);
    if (current) {
        if (auto r = (*current)->leaveWalMode(); !r) return r;  // fails fast while another window has it open
        return (*current)->backupTo(keep);
    }
    if (current.error().code == core::ErrorCode::Busy) return current.error();
    if (auto r = files::copyFile(dbPath, keep); !r) return r;
    if (files::exists(dbPath + "-wal"))
        if (auto r = files::copyFile(dbPath + "-wal", keep + "-wal"); !r) return r;
    files::removeFile(dbPath + "-wal");
    files::removeFile(dbPath + "-shm");
    return {};
}

core::Result<void> JournalStore::restore(const std::string& backupFile, const std::string& dbPath) {
    if (dbPath.empty() || dbPath == ":memory:")
        return core::makeError(core::ErrorCode::Invalid, "Choose the journal file to restore into");
    if (!files::exists(backupFile))
        return core::makeError(core::ErrorCode::NotFound, "There is no backup at '" + backupFile + "'");
    if (files::fileSize(backupFile) <= 0)
        return core::makeError(core::ErrorCode::Foreign, "'" + backupFile + "' is empty, not a KneeLog journal");
    if (auto r = detail::inspectFile(backupFile, true); !r) return r;
    if (auto r = files::ensureFolder(files::parentFolder(dbPath)); !r) return r;
    const std::string staged = dbPath + ".restoring";
    {
        auto source = detail::openReadOnly(backupFile);
        if (!source) return source.error();
        if (auto r = vacuumInto(*source, staged, "copy the backup"); !r) return r;
    }
    if (auto r = keepCurrent(dbPath); !r) {
        files::removeFile(staged);
        return r;
    }
    return files::renameDurably(staged, dbPath);
}

core::Result<void> JournalStore::wipe() {
    {
        auto tx = Transaction::begin(m_conn, "delete all data");
        if (!tx) return tx.error();
        if (auto r = m_conn.exec("DELETE FROM alerts; DELETE FROM episode_symptoms; DELETE FROM episode_contexts;"
                                 "DELETE FROM episode_care; DELETE FROM episodes; DELETE FROM day_summary;",
                                 "delete all data");
            !r)
            return r;
        if (auto r = committed(*tx); !r) return r;
    }
    if (m_path != ":memory:") {
        const std::string dir = detail::backupsFolder(m_path);
        auto ours = [](const std::string& name) { return name.rfind("kneelog-", 0) == 0; };
        for (const std::string& name : listFiles(dir, ours)) files::removeFile(dir + "/" + name);
    }
    if (auto r = checkpointTruncate(m_conn, "erase the deleted data from the file"); !r) return r;
    if (auto r = m_conn.exec("VACUUM", "erase the deleted data from the file"); !r) return r;
    return checkpointTruncate(m_conn, "erase the deleted data from the file");
}

}  // namespace db
