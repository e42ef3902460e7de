// Opening a journal: a file is inspected through a read-only connection first and only then
// reopened for writing, so a foreign, damaged or too-new file is never modified.
#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "core/io/files.hpp"
#include "db/journal_store.hpp"
#include "db/migrations.hpp"
#include "db/store_internal.hpp"

namespace db {

namespace detail {

namespace {

using core::ErrorCode;
using core::makeError;

constexpr char kSqliteMagic[] = "SQLite format 3";  // 16 bytes with its terminating zero

// True when the file starts with SQLite's header string.
core::Result<bool> hasSqliteMagic(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return io::systemError(errno, "read the journal", path);
    char head[sizeof kSqliteMagic] = {};
    const ssize_t n = ::read(fd, head, sizeof head);
    ::close(fd);
    return n == static_cast<ssize_t>(sizeof head) && std::memcmp(head, kSqliteMagic, sizeof head) == 0;
}

// Only when a backup exists: a foreign or unreadable file may simply be the wrong path.
std::string backupHint(const std::string& path) {
    std::string hint;
    if (JournalStore::newestGoodBackup(path)) hint.append(" ").append(JournalStore::recoveryAdvice(path));
    return hint;
}

core::Error foreign(const std::string& path, std::string_view what) {
    return makeError(ErrorCode::Foreign, "'" + path + "' is not a KneeLog journal (" + std::string(what) +
                                             "). The file was not changed." + backupHint(path));
}

core::Error damaged(const std::string& path) {
    return makeError(ErrorCode::Corrupt, "The journal '" + path + "' is damaged and was not changed. " +
                                             JournalStore::recoveryAdvice(path));
}

// An SQLite failure while inspecting: a header SQLite rejects after the magic matched is damage.
core::Error inspectionError(const std::string& path, const core::Error& e) {
    if (e.code == ErrorCode::Corrupt || e.code == ErrorCode::Foreign) return damaged(path);
    return e;
}

// "ok" from quick_check / integrity_check, anything else is damage.
core::Result<void> runCheck(Connection& conn, const std::string& path, bool full) {
    auto stmt = Statement::prepare(conn, full ? "PRAGMA integrity_check(1)" : "PRAGMA quick_check(1)",
                                   "check the journal");
    if (!stmt) return inspectionError(path, stmt.error());
    auto row = stmt->step();
    if (!row) return inspectionError(path, row.error());
    if (!*row || stmt->columnText(0) != "ok") return damaged(path);
    return {};
}

core::Result<void> checkIdentity(Connection& conn, const std::string& path) {
    auto tables = conn.queryInt("SELECT count(*) FROM sqlite_schema", "read the journal");
    if (!tables) return inspectionError(path, tables.error());
    auto appId = conn.queryInt("PRAGMA application_id", "read the journal");
    if (!appId) return inspectionError(path, appId.error());
    if (*appId != kApplicationId && (*appId != 0 || *tables > 0))
        return foreign(path, "it is a database of another program");
    auto version = schemaVersion(conn);
    if (!version) return inspectionError(path, version.error());
    if (*version > kSchemaVersion)
        return makeError(ErrorCode::TooNew, "The journal '" + path + "' was written by a newer KneeLog (format " +
                                                std::to_string(*version) + "; this version reads up to " +
                                                std::to_string(kSchemaVersion) +
                                                "). Update KneeLog to open it; the file was not changed.");
    return {};
}

// A file: URI for `path` (%, ? and # escaped).
std::string fileUri(const std::string& path) {
    std::string uri = "file:";
    for (char c : path) {
        if (c == '%' || c == '?' || c == '#') {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", static_cast<unsigned char>(c));
            uri += buf;
        } else {
            uri += c;
        }
    }
    return uri;
}

}  // namespace

core::Result<Connection> openReadOnly(const std::string& path) {
    // A journal KneeLog may write is read through a normal read-only connection (SQLite keeps its
    // -shm beside it; the read-write connection that follows removes it on close). A journal it
    // may not write, with no log beside it, is read as immutable: nothing is created beside it.
    const bool canWrite = io::writable(io::parentFolder(path)) && io::writable(path);
    if (canWrite || io::fileExists(path + "-wal")) return Connection::open(path, SQLITE_OPEN_READONLY);
    return Connection::open(fileUri(path) + "?mode=ro&immutable=1", SQLITE_OPEN_READONLY | SQLITE_OPEN_URI);
}

core::Result<void> prepareFile(const std::string& path, bool readOnly, bool create) {
    const std::string dir = io::parentFolder(path);
    if (io::isFolder(path)) return makeError(ErrorCode::Io, "'" + path + "' is a folder, not a journal file");
    if (!io::fileExists(path)) {
        if (readOnly || !create)
            return makeError(ErrorCode::NotFound, "There is no journal at " + path +
                                                      " (nothing was created there). Check the path; a new journal "
                                                      "is made by the first 'kneelog add'.");
        if (auto r = io::makeFolders(dir); !r) return r;
        if (!io::writable(dir))
            return makeError(ErrorCode::ReadOnly,
                             "The folder '" + dir + "' is read-only: KneeLog cannot create its journal there");
        if (auto r = io::createPrivateFile(path); !r && !io::fileExists(path)) return r;
        return {};
    }
    if (::access(path.c_str(), R_OK) != 0) {
        core::Error e = io::systemError(errno, "read the journal", path);
        e.message += backupHint(path);
        return e;
    }
    if (readOnly) return {};
    if (!io::writable(path))
        return makeError(ErrorCode::ReadOnly, "The journal '" + path +
                                                  "' is read-only, so KneeLog cannot save to it. Check the file's "
                                                  "permissions. The file was not changed.");
    if (!io::writable(dir))
        return makeError(ErrorCode::ReadOnly, "The folder '" + dir +
                                                  "' is read-only: KneeLog needs to keep its lock and log files "
                                                  "beside the journal. The file was not changed.");
    return {};
}

core::Result<void> inspectFile(const std::string& path, bool full) {
    const long long size = io::fileSize(path);
    if (size < 0) return io::systemError(errno, "read the journal", path);
    if (size == 0) return {};  // a journal just created, still empty
    auto magic = hasSqliteMagic(path);
    if (!magic) return magic.error();
    if (!*magic) return foreign(path, "it is not a database file");
    auto conn = openReadOnly(path);
    if (!conn) return inspectionError(path, conn.error());
    if (auto r = checkIdentity(*conn, path); !r) return r;
    return runCheck(*conn, path, full);
}

core::Result<int64_t> inspectBackup(const std::string& path) {
    const long long size = io::fileSize(path);
    if (size < 0) return io::systemError(errno, "read the backup", path);
    if (size == 0) return foreign(path, "it is empty");
    auto magic = hasSqliteMagic(path);
    if (!magic) return magic.error();
    if (!*magic) return foreign(path, "it is not a database file");
    // A backup never changes while it is read: immutable, so nothing is created beside it.
    auto conn = Connection::open(fileUri(path) + "?mode=ro&immutable=1", SQLITE_OPEN_READONLY | SQLITE_OPEN_URI);
    if (!conn) return inspectionError(path, conn.error());
    if (auto r = checkIdentity(*conn, path); !r) return r.error();
    if (auto r = runCheck(*conn, path, false); !r) return r.error();
    auto n = conn->queryInt("SELECT count(*) FROM episodes WHERE deleted_utc IS NULL", "read the backup");
    if (!n) return inspectionError(path, n.error());
    return static_cast<int64_t>(*n);
}

core::Result<void> configure(Connection& conn, const OpenOptions& opts, bool memory) {
    const std::string timeout = "PRAGMA busy_timeout = " + std::to_string(opts.busyTimeoutMs > 0 ? opts.busyTimeoutMs : 0);
    if (auto r = conn.exec(timeout, "set up the journal"); !r) return r;
    if (!opts.readOnly || memory) {
        auto mode = conn.queryText("PRAGMA journal_mode = WAL", "set up the journal");
        if (!mode) return mode.error();
        if (*mode != "wal" && !(memory && *mode == "memory"))
            return makeError(ErrorCode::Io, "Could not set up the journal (write-ahead logging is not available here)");
    }
    for (const char* pragma : {"PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON", "PRAGMA secure_delete = ON"})
        if (auto r = conn.exec(pragma, "set up the journal"); !r) return r;
    auto fk = conn.queryInt("PRAGMA foreign_keys", "set up the journal");
    if (!fk) return fk.error();
    if (*fk != 1) return makeError(ErrorCode::Internal, "Could not set up the journal (foreign keys unavailable)");
    return {};
}

std::string backupsFolder(const std::string& dbPath) {
    return io::parentFolder(dbPath) + "/backups/" + io::fileName(dbPath);
}

bool isDailyBackupName(std::string_view name) {
    constexpr std::string_view pattern = "####-##-##.db";
    if (name.size() != pattern.size()) return false;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const bool digit = name[i] >= '0' && name[i] <= '9';
        if (pattern[i] == '#' ? !digit : name[i] != pattern[i]) return false;
    }
    return true;
}

}  // namespace detail

core::Result<std::unique_ptr<JournalStore>> JournalStore::open(const std::string& path, OpenOptions opts) {
    if (path.empty()) return core::makeError(core::ErrorCode::Invalid, "No journal file was given");
    const bool memory = path == ":memory:";
    if (memory) opts.readOnly = false;
    if (!memory) {
        auto prepared = detail::prepareFile(path, opts.readOnly, opts.create);
        if (!prepared && opts.readOnlyIfNeeded && prepared.error().code == core::ErrorCode::ReadOnly &&
            io::fileExists(path)) {
            opts.readOnly = true;  // a reading command on a journal it may not write: read it as it is
            prepared = detail::prepareFile(path, true, false);
        }
        if (!prepared) return prepared.error();
        if (auto r = detail::inspectFile(path, false); !r) return r.error();
    }
    auto conn = memory          ? Connection::open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
                : opts.readOnly ? detail::openReadOnly(path)
                                : Connection::open(path, SQLITE_OPEN_READWRITE);
    if (!conn) return conn.error();
    if (auto r = detail::configure(*conn, opts, memory); !r) return r.error();
    if (opts.readOnly) {
        auto version = schemaVersion(*conn);
        if (!version) return version.error();
        if (*version != kSchemaVersion)
            return core::makeError(core::ErrorCode::ReadOnly,
                                   "The journal '" + path + "' needs an upgrade, which cannot be done read-only");
    } else if (auto r = migrate(*conn); !r) {
        return r.error();
    }
    if (!memory && !opts.readOnly) {
        io::makePrivate(path + "-wal");
        io::makePrivate(path + "-shm");
    }
    auto store = std::unique_ptr<JournalStore>(new JournalStore(std::move(*conn), path, opts.readOnly));
    store->dataVersion();
    return store;
}

}  // namespace db
