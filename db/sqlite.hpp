#pragma once
// A thin RAII layer over the sqlite3 C API. Every return code is checked; failures come back
// as core::Error values naming the operation and carrying SQLite's reason. No exceptions.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace db {

class Connection;

// Maps an SQLite result code (extended codes on) to a core::Error for a person.
// `operation` is a verb phrase: "save the episode" gives "Could not save the episode (...)".
core::Error sqliteError(sqlite3* handle, int rc, std::string_view operation);

// A prepared statement, reset and reused. Bind errors are remembered and reported by step().
class Statement {
public:
    Statement() = default;
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    // Compiles `sql` (one statement) on `conn`; `operation` names it in error messages.
    static core::Result<Statement> prepare(Connection& conn, std::string_view sql, std::string operation);

    // Resets the statement and clears its bindings; call before binding a new use.
    Statement& reset();
    // Bind helpers; `index` is 1-based as in SQL (?1, ?2, ...).
    Statement& bind(int index, int64_t value);
    Statement& bind(int index, int value);
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view text);
    Statement& bindNull(int index);
    Statement& bind(int index, const std::optional<int64_t>& value);

    // Advances: true when a row is ready, false when done (then the statement is reset).
    // On failure the statement is reset and the error names the operation.
    core::Result<bool> step();
    // Runs a statement that returns no rows (or ignores them) to completion.
    core::Result<void> run();

    // Column helpers for the current row (0-based, as in sqlite3_column_*).
    int64_t columnInt64(int index) const;
    int columnInt(int index) const;
    double columnDouble(int index) const;
    std::string columnText(int index) const;
    bool columnIsNull(int index) const;
    std::optional<int64_t> columnOptionalInt64(int index) const;

private:
    Statement(sqlite3_stmt* stmt, sqlite3* handle, std::string operation);
    void noteBind(int rc);

    sqlite3_stmt* m_stmt = nullptr;
    sqlite3* m_db = nullptr;
    std::string m_operation;
    int m_bindRc = 0;
};

// Resets a statement when a scope ends early (a query read for one row only), so it does not
// keep a read snapshot open.
class StatementScope {
public:
    explicit StatementScope(Statement& stmt) : m_stmt(stmt) { m_stmt.reset(); }
    ~StatementScope() { m_stmt.reset(); }
    StatementScope(const StatementScope&) = delete;
    StatementScope& operator=(const StatementScope&) = delete;
    Statement& operator*() { return m_stmt; }
    Statement* operator->() { return &m_stmt; }

private:
    Statement& m_stmt;
};

// An open database connection; closing happens in the destructor (after cached statements).
class Connection {
public:
    Connection() = default;
    Connection(Connection&& other) noexcept;
    Connection& operator=(Connection&& other) noexcept;
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
    ~Connection();

    // Opens `path` with sqlite3_open_v2 `flags` (SQLITE_OPEN_*); extended result codes on.
    static core::Result<Connection> open(const std::string& path, int flags);

    // Runs one or more statements without results (DDL, pragmas that return nothing).
    core::Result<void> exec(std::string_view sql, std::string_view operation);
    // Runs a statement that returns one value in one row (e.g. "PRAGMA user_version").
    core::Result<int64_t> queryInt(std::string_view sql, std::string_view operation);
    core::Result<std::string> queryText(std::string_view sql, std::string_view operation);
    // A statement prepared on first use and kept for the life of the connection.
    core::Result<Statement*> cached(std::string_view sql, std::string_view operation);

    int64_t lastInsertRowid() const;
    int changes() const;
    bool inTransaction() const;
    void close();
    sqlite3* handle() const { return m_db; }

private:
    explicit Connection(sqlite3* db) : m_db(db) {}
    sqlite3* m_db = nullptr;
    std::map<std::string, std::unique_ptr<Statement>, std::less<>> m_cache;
};

// BEGIN IMMEDIATE on construction; rolls back in the destructor unless commit() succeeded.
// Never commits in a destructor.
class Transaction {
public:
    static core::Result<Transaction> begin(Connection& conn, std::string_view operation);
    Transaction(Transaction&& other) noexcept;
    Transaction& operator=(Transaction&&) = delete;
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();

    core::Result<void> commit();
    void rollback();

private:
    Transaction(Connection& conn, std::string operation) : m_conn(&conn), m_operation(std::move(operation)) {}
    Connection* m_conn = nullptr;
    std::string m_operation;
    bool m_active = false;
};

}  // namespace db
