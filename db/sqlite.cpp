#include "db/sqlite.hpp"

#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/statvfs.h>

#include <cerrno>
#include <utility>

namespace db {

namespace {

using core::ErrorCode;

// SQLite's own words for the failure: the connection's message when it belongs to `rc`.
std::string reasonFor(sqlite3* handle, int rc) {
    if (handle && sqlite3_extended_errcode(handle) == rc) return sqlite3_errmsg(handle);
    return sqlite3_errstr(rc);
}

bool isFullErrno(int e) { return e == ENOSPC || e == EFBIG || e == EDQUOT; }
bool isPermissionErrno(int e) { return e == EACCES || e == EPERM || e == EROFS; }

std::string couldNot(std::string_view operation) { return "Could not " + std::string(operation); }

// SQLite's unix VFS often loses errno (EFBIG, ENOSPC) before it can be read, so a failed write
// is called "disk full" when the process has a file-size limit or the disk is nearly full.
bool storageExhausted(sqlite3* handle, int rc) {
    if (rc != SQLITE_IOERR_WRITE && rc != SQLITE_IOERR_SHMSIZE && rc != SQLITE_IOERR_TRUNCATE) return false;
    rlimit limit{};
    if (::getrlimit(RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY) return true;
    const char* file = handle ? sqlite3_db_filename(handle, "main") : nullptr;
    if (!file || !*file) return false;
    std::string folder(file);
    const auto slash = folder.find_last_of('/');
    folder = slash == std::string::npos ? "." : folder.substr(0, slash == 0 ? 1 : slash);
    struct statvfs fs {};
    constexpr unsigned long long kNearlyFull = 4ull << 20;
    return ::statvfs(folder.c_str(), &fs) == 0 &&
           static_cast<unsigned long long>(fs.f_bavail) * fs.f_frsize < kNearlyFull;
}

}  // namespace

core::Error sqliteError(sqlite3* handle, int rc, std::string_view operation) {
    const int primary = rc & 0xff;
    const int sysErr = handle ? sqlite3_system_errno(handle) : 0;
    const std::string reason = reasonFor(handle, rc);
    const std::string head = couldNot(operation);
    if (primary == SQLITE_FULL || (primary == SQLITE_IOERR && (isFullErrno(sysErr) || storageExhausted(handle, rc))))
        return core::makeError(ErrorCode::DiskFull,
                               head + " (disk is full). Free some space and try again; everything saved before is safe.");
    switch (primary) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return core::makeError(ErrorCode::Busy, head + ": the journal is in use by another KneeLog window; try again (" +
                                                    reason + ")");
    case SQLITE_READONLY:
        return core::makeError(ErrorCode::ReadOnly,
                               head + ": the journal file or its folder is read-only (" + reason + ")");
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
        if (isPermissionErrno(sysErr) || primary == SQLITE_PERM)
            return core::makeError(ErrorCode::ReadOnly,
                                   head + ": permission denied on the journal file or its folder (" + reason + ")");
        return core::makeError(ErrorCode::Io, head + ": the journal file cannot be opened (" + reason + ")");
    case SQLITE_CORRUPT:
        return core::makeError(ErrorCode::Corrupt, head + ": the journal file is damaged (" + reason + ")");
    case SQLITE_NOTADB:
        return core::makeError(ErrorCode::Foreign, head + ": the file is not a KneeLog journal (" + reason + ")");
    case SQLITE_IOERR:
        return core::makeError(ErrorCode::Io, head + ": the disk reported an error (" + reason + ")");
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_RANGE:
    case SQLITE_TOOBIG:
        return core::makeError(ErrorCode::Invalid, head + ": a value was refused (" + reason + ")");
    default:
        return core::makeError(ErrorCode::Internal, head + " (" + reason + ")");
    }
}

// [SECTION] Statement

Statement::Statement(sqlite3_stmt* stmt, sqlite3* handle, std::string operation)
    : m_stmt(stmt), m_db(handle), m_operation(std::move(operation)) {}

Statement::Statement(Statement&& other) noexcept
    : m_stmt(std::exchange(other.m_stmt, nullptr)),
      m_db(other.m_db),
      m_operation(std::move(other.m_operation)),
      m_bindRc(other.m_bindRc) {}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_db = other.m_db;
        m_operation = std::move(other.m_operation);
        m_bindRc = other.m_bindRc;
    }
    return *this;
}

Statement::~Statement() { sqlite3_finalize(m_stmt); }

core::Result<Statement> Statement::prepare(Connection& conn, std::string_view sql, std::string operation) {
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v3(conn.handle(), sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return sqliteError(conn.handle(), rc, operation);
    }
    if (!stmt) return core::makeError(core::ErrorCode::Internal, couldNot(operation) + " (empty statement)");
    return Statement(stmt, conn.handle(), std::move(operation));
}

Statement& Statement::reset() {
    // sqlite3_reset repeats the last step's error, which step() has already reported.
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_bindRc = SQLITE_OK;
    return *this;
}

void Statement::noteBind(int rc) {
    if (rc != SQLITE_OK && m_bindRc == SQLITE_OK) m_bindRc = rc;
}

Statement& Statement::bind(int index, int64_t value) {
    noteBind(sqlite3_bind_int64(m_stmt, index, value));
    return *this;
}

Statement& Statement::bind(int index, int value) {
    noteBind(sqlite3_bind_int(m_stmt, index, value));
    return *this;
}

Statement& Statement::bind(int index, double value) {
    noteBind(sqlite3_bind_double(m_stmt, index, value));
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    noteBind(sqlite3_bind_text64(m_stmt, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
    return *this;
}

Statement& Statement::bindNull(int index) {
    noteBind(sqlite3_bind_null(m_stmt, index));
    return *this;
}

Statement& Statement::bind(int index, const std::optional<int64_t>& value) {
    return value ? bind(index, *value) : bindNull(index);
}

core::Result<bool> Statement::step() {
    if (m_bindRc != SQLITE_OK) {
        const int rc = m_bindRc;
        reset();
        return sqliteError(nullptr, rc, m_operation);
    }
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) {
        sqlite3_reset(m_stmt);
        return false;
    }
    core::Error error = sqliteError(m_db, rc, m_operation);
    reset();
    return error;
}

core::Result<void> Statement::run() {
    for (;;) {
        auto r = step();
        if (!r) return r.error();
        if (!*r) return {};
    }
}

int64_t Statement::columnInt64(int index) const { return sqlite3_column_int64(m_stmt, index); }
int Statement::columnInt(int index) const { return sqlite3_column_int(m_stmt, index); }
double Statement::columnDouble(int index) const { return sqlite3_column_double(m_stmt, index); }

std::string Statement::columnText(int index) const {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, index));
    const int size = sqlite3_column_bytes(m_stmt, index);
    return text ? std::string(text, static_cast<std::size_t>(size)) : std::string();
}

bool Statement::columnIsNull(int index) const { return sqlite3_column_type(m_stmt, index) == SQLITE_NULL; }

std::optional<int64_t> Statement::columnOptionalInt64(int index) const {
    if (columnIsNull(index)) return std::nullopt;
    return columnInt64(index);
}

// [SECTION] Connection

Connection::Connection(Connection&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_cache(std::move(other.m_cache)) {}

Connection& Connection::operator=(Connection&& other) noexcept {
    if (this != &other) {
        close();
        m_db = std::exchange(other.m_db, nullptr);
        m_cache = std::move(other.m_cache);
    }
    return *this;
}

Connection::~Connection() { close(); }

void Connection::close() {
    m_cache.clear();  // statements are finalized before their connection closes
    if (m_db) sqlite3_close_v2(m_db);
    m_db = nullptr;
}

core::Result<Connection> Connection::open(const std::string& path, int flags) {
    sqlite3* handle = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &handle, flags | SQLITE_OPEN_EXRESCODE, nullptr);
    if (rc != SQLITE_OK) {
        core::Error error = sqliteError(handle, rc, "open the journal");
        sqlite3_close_v2(handle);
        return error;
    }
    sqlite3_extended_result_codes(handle, 1);
    return Connection(handle);
}

core::Result<void> Connection::exec(std::string_view sql, std::string_view operation) {
    const std::string text(sql);
    const int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) return sqliteError(m_db, rc, operation);
    return {};
}

core::Result<int64_t> Connection::queryInt(std::string_view sql, std::string_view operation) {
    auto stmt = Statement::prepare(*this, sql, std::string(operation));
    if (!stmt) return stmt.error();
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) return core::makeError(core::ErrorCode::Internal, couldNot(operation) + " (no result)");
    return stmt->columnInt64(0);
}

core::Result<std::string> Connection::queryText(std::string_view sql, std::string_view operation) {
    auto stmt = Statement::prepare(*this, sql, std::string(operation));
    if (!stmt) return stmt.error();
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) return core::makeError(core::ErrorCode::Internal, couldNot(operation) + " (no result)");
    return stmt->columnText(0);
}

core::Result<Statement*> Connection::cached(std::string_view sql, std::string_view operation) {
    if (auto it = m_cache.find(sql); it != m_cache.end()) return it->second.get();
    auto stmt = Statement::prepare(*this, sql, std::string(operation));
    if (!stmt) return stmt.error();
    auto owned = std::make_unique<Statement>(std::move(*stmt));
    Statement* raw = owned.get();
    m_cache.emplace(std::string(sql), std::move(owned));
    return raw;
}

int64_t Connection::lastInsertRowid() const { return sqlite3_last_insert_rowid(m_db); }
int Connection::changes() const { return sqlite3_changes(m_db); }
bool Connection::inTransaction() const { return m_db && sqlite3_get_autocommit(m_db) == 0; }

// [SECTION] Transaction

core::Result<Transaction> Transaction::begin(Connection& conn, std::string_view operation) {
    Transaction tx(conn, std::string(operation));
    if (auto r = conn.exec("BEGIN IMMEDIATE", operation); !r) return r.error();
    tx.m_active = true;
    return tx;
}

Transaction::Transaction(Transaction&& other) noexcept
    : m_conn(other.m_conn), m_operation(std::move(other.m_operation)), m_active(std::exchange(other.m_active, false)) {}

Transaction::~Transaction() { rollback(); }

core::Result<void> Transaction::commit() {
    if (!m_active) return core::makeError(core::ErrorCode::Internal, couldNot(m_operation) + " (no transaction)");
    if (auto r = m_conn->exec("COMMIT", m_operation); !r) {
        rollback();
        return r;
    }
    m_active = false;
    return {};
}

void Transaction::rollback() {
    if (!m_active) return;
    m_active = false;
    // A failed statement may already have rolled SQLite back; only roll back what is open.
    if (m_conn->inTransaction()) sqlite3_exec(m_conn->handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

}  // namespace db
