// The journal as a file: integrity check, backups, restore and "delete all my data".
#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstdlib>
#include <filesystem>

#include "core/io/files.hpp"
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
    io::removeFile(partial);
    if (auto r = io::createPrivateFile(partial); !r) return r;
    auto stmt = Statement::prepare(conn, "VACUUM INTO ?1", operation);
    if (!stmt) {
        io::removeFile(partial);
        return stmt.error();
    }
    auto done = stmt->bind(1, std::string_view(partial)).run();
    if (done) done = io::syncPath(partial);
    if (done) done = io::renameDurably(partial, file);
    if (!done) io::removeFile(partial);
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

// The path quoted for a POSIX shell when it needs it, so a printed command can be pasted.
std::string shellQuoted(const std::string& path) {
    bool plain = !path.empty();
    for (char c : path)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '.' || c == '_' || c == '-' || c == '+'))
            plain = false;
    if (plain) return path;
    std::string out = "'";
    for (char c : path) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

std::string uniqueName(const std::string& dir, const std::string& stem) {
    std::string name = dir + "/" + stem + ".db";
    for (int n = 2; io::fileExists(name); ++n) name = dir + "/" + stem + "-" + std::to_string(n) + ".db";
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
                                   (*row ? " (" + stmt->columnText(0) + ")" : std::string()) + ". " +
                                   recoveryAdvice(m_path));
    stmt->reset();
    auto fk = Statement::prepare(m_conn, "PRAGMA foreign_key_check", "check the journal");
    if (!fk) return fk.error();
    auto orphan = fk->step();
    if (!orphan) return orphan.error();
    if (*orphan)
        return core::makeError(core::ErrorCode::Corrupt,
                               "The journal failed its integrity check (entries refer to missing episodes). " +
                                   recoveryAdvice(m_path));
    return {};
}

core::Result<void> JournalStore::backupTo(const std::string& file) {
    if (file.empty()) return core::makeError(core::ErrorCode::Invalid, "Choose a backup file other than the journal itself");
    if (m_path != ":memory:")
        if (auto r = io::refuseProtected(file, protectedPaths(m_path)); !r) return r;
    return vacuumInto(m_conn, file, "make the backup");
}

core::Result<std::optional<std::string>> JournalStore::dailyBackup(core::CivilDate today) {
    if (m_path == ":memory:") return std::optional<std::string>{};  // nothing to keep: it ends with the process
    if (m_readOnly) return std::optional<std::string>{};            // nothing will be written
    const std::string dir = backupsFolder(m_path);
    if (auto r = io::makeFolders(dir); !r) return r.error();
    const std::string file = dir + "/" + core::formatDate(today) + ".db";
    if (io::fileExists(file)) return std::optional<std::string>{};
    if (auto r = vacuumInto(m_conn, file, "make today's automatic backup"); !r) return r.error();
    io::setModifiedTime(file, core::nowUtc());
    auto daily = listFiles(dir, detail::isDailyBackupName);
    for (std::size_t i = 0; i + kDailyBackupsKept < daily.size(); ++i) io::removeFile(dir + "/" + daily[i]);
    return std::optional<std::string>{file};
}

std::string JournalStore::backupsFolder(const std::string& dbPath) { return detail::backupsFolder(dbPath); }

std::vector<BackupInfo> JournalStore::backups(const std::string& dbPath) {
    const std::string dir = backupsFolder(dbPath);
    auto isBackup = [](const std::string& name) { return name.size() > 3 && name.ends_with(".db"); };
    std::vector<BackupInfo> out;
    for (const std::string& name : listFiles(dir, isBackup)) {
        BackupInfo b;
        b.path = dir + "/" + name;
        b.madeAtUtc = io::modifiedTime(b.path);
        if (auto n = detail::inspectBackup(b.path)) b.episodes = *n;
        out.push_back(std::move(b));
    }
    std::stable_sort(out.begin(), out.end(), [](const BackupInfo& a, const BackupInfo& b) {
        return a.madeAtUtc != b.madeAtUtc ? a.madeAtUtc > b.madeAtUtc : a.path > b.path;
    });
    return out;
}

std::optional<BackupInfo> JournalStore::newestGoodBackup(const std::string& dbPath) {
    for (BackupInfo& b : backups(dbPath))
        if (b.episodes) return std::move(b);
    return std::nullopt;
}

std::vector<std::string> JournalStore::legacyBackups(const std::string& dbPath) {
    const std::string dir = io::parentFolder(dbPath) + "/backups";
    auto legacy = [](const std::string& name) {
        return name.size() > 11 && name.rfind("kneelog-", 0) == 0 && name.ends_with(".db");
    };
    std::vector<std::string> out;
    for (const std::string& name : listFiles(dir, legacy)) out.push_back(dir + "/" + name);
    return out;
}

std::optional<std::string> JournalStore::newestBackup(const std::string& dbPath) {
    if (auto b = newestGoodBackup(dbPath)) return b->path;
    return std::nullopt;
}

std::string JournalStore::recoveryAdvice(const std::string& dbPath) {
    if (auto b = newestGoodBackup(dbPath)) {
        const int64_t n = *b->episodes;
        return "Its newest good backup is '" + b->path + "' (made " + core::formatIsoUtc(b->madeAtUtc) + ", " +
               std::to_string(n) + (n == 1 ? " entry" : " entries") + "). Restore it with: kneelog --db " +
               shellQuoted(dbPath) + " restore " + shellQuoted(b->path) +
               " (the damaged file is kept beside the backups).";
    }
    std::string advice = "There is no automatic backup of this journal in '" + backupsFolder(dbPath) +
                         "'. Keep the file as it is (do not delete it); if you saved a copy with 'kneelog backup "
                         "--out FILE', restore it with: kneelog --db " +
                         shellQuoted(dbPath) + " restore FILE. 'kneelog backups' lists this journal's backups.";
    if (auto legacy = legacyBackups(dbPath); !legacy.empty())
        advice.append(" Older backups from before backups were kept per journal are in '")
            .append(io::parentFolder(legacy.back()))
            .append("' (newest: '")
            .append(legacy.back())
            .append("'); they may be of another journal in the same folder.");
    return advice;
}

std::vector<io::ProtectedPath> JournalStore::protectedPaths(const std::string& dbPath) {
    std::vector<std::string> bases = {dbPath};
    if (char* real = ::realpath(dbPath.c_str(), nullptr)) {
        if (bases.front() != real) bases.emplace_back(real);
        std::free(real);
    }
    std::vector<io::ProtectedPath> out;
    for (const std::string& base : bases) {
        out.push_back({base, "the journal", false});
        out.push_back({base + "-wal", "the journal's write-ahead log", false});
        out.push_back({base + "-shm", "the journal's shared-memory file", false});
        out.push_back({base + "-journal", "the journal's rollback log", false});
    }
    out.push_back({backupsFolder(dbPath), "inside the folder of the journal's backups", true});
    return out;
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
core::Result<std::optional<std::string>> JournalStore::keepCurrent(const std::string& dbPath) {
    if (io::fileSize(dbPath) <= 0) return std::optional<std::string>{};
    const std::string dir = backupsFolder(dbPath);
    if (auto r = io::makeFolders(dir); !r) return r.error();
    std::string stamp = core::formatIsoUtc(core::nowUtc());
    std::replace(stamp.begin(), stamp.end(), ':', '-');
    const std::string keep = uniqueName(dir, "before-restore-" + stamp);
    auto current = JournalStore::open(dbPath, OpenOptions{false, 4000, false, false});
    if (current) {
        if (auto r = (*current)->leaveWalMode(); !r) return r.error();  // fails fast while another window has it open
        if (auto r = vacuumInto((*current)->m_conn, keep, "keep the current journal"); !r) return r.error();
        io::setModifiedTime(keep, core::nowUtc());
        return std::optional<std::string>{keep};
    }
    if (current.error().code == core::ErrorCode::Busy) return current.error();
    if (auto r = io::copyFile(dbPath, keep); !r) return r.error();
    if (io::fileExists(dbPath + "-wal"))
        if (auto r = io::copyFile(dbPath + "-wal", keep + "-wal"); !r) return r.error();
    io::removeFile(dbPath + "-wal");
    io::removeFile(dbPath + "-shm");
    return std::optional<std::string>{keep};
}

core::Result<std::optional<std::string>> JournalStore::restore(const std::string& backupFile, const std::string& dbPath) {
    if (dbPath.empty() || dbPath == ":memory:")
        return core::makeError(core::ErrorCode::Invalid, "Choose the journal file to restore into");
    if (!io::fileExists(backupFile))
        return core::makeError(core::ErrorCode::NotFound, "There is no backup at '" + backupFile + "'");
    if (io::sameFile(backupFile, dbPath))
        return core::makeError(core::ErrorCode::Invalid, "'" + backupFile + "' is the journal itself, not a backup of it");
    if (io::fileSize(backupFile) <= 0)
        return core::makeError(core::ErrorCode::Foreign, "'" + backupFile + "' is empty, not a KneeLog journal");
    if (auto r = detail::inspectFile(backupFile, true); !r) return r.error();
    if (auto r = io::makeFolders(io::parentFolder(dbPath)); !r) return r.error();
    const std::string staged = dbPath + ".restoring";
    {
        auto source = detail::openReadOnly(backupFile);
        if (!source) return source.error();
        if (auto r = vacuumInto(*source, staged, "copy the backup"); !r) return r.error();
    }
    {
        // The copy is put in WAL mode now, as every journal is: later reads then change nothing.
        auto copy = Connection::open(staged, SQLITE_OPEN_READWRITE);
        if (!copy) {
            io::removeFile(staged);
            return copy.error();
        }
        auto mode = copy->queryText("PRAGMA journal_mode = WAL", "copy the backup");
        if (!mode || *mode != "wal") {
            io::removeFile(staged);
            return mode ? core::makeError(core::ErrorCode::Io, "Could not copy the backup (write-ahead logging is not available here)")
                        : mode.error();
        }
    }
    auto kept = keepCurrent(dbPath);
    if (!kept) {
        io::removeFile(staged);
        return kept.error();
    }
    if (auto r = io::renameDurably(staged, dbPath); !r) return r.error();
    return *kept;
}

core::Result<void> JournalStore::wipe(std::size_t* removedBackups) {
    {
        auto tx = Transaction::begin(m_conn, "delete all data");
        if (!tx) return tx.error();
        if (auto r = m_conn.exec("DELETE FROM alerts; DELETE FROM episode_symptoms; DELETE FROM episode_contexts;"
                                 "DELETE FROM episode_care; DELETE FROM episode_where; DELETE FROM episodes; DELETE FROM day_summary;"
                                 "DELETE FROM peg_checkins; DELETE FROM episode_history;",
                                 "delete all data");
            !r)
            return r;
        if (auto r = committed(*tx); !r) return r;
    }
    std::size_t removed = 0;
    if (m_path != ":memory:") {
        // Only this journal's own backups folder: other journals beside it keep theirs.
        const std::string dir = backupsFolder(m_path);
        for (const std::string& name : listFiles(dir, [](const std::string&) { return true; })) {
            io::removeFile(dir + "/" + name);
            ++removed;
        }
    }
    if (auto r = checkpointTruncate(m_conn, "erase the deleted data from the file"); !r) return r;
    if (auto r = m_conn.exec("VACUUM", "erase the deleted data from the file"); !r) return r;
    if (auto r = checkpointTruncate(m_conn, "erase the deleted data from the file"); !r) return r;
    if (removedBackups) *removedBackups = removed;
    return {};
}

}  // namespace db
