#pragma once
// Results as values: core and db never throw; a failure carries a code and a message for a person.
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace core {

enum class ErrorCode {
    Invalid,    // bad input from the person or a file (exit code 2 on the command line)
    NotFound,
    Io,         // the file system refused (permissions, missing folder)
    DiskFull,
    Busy,       // another process holds the journal too long
    Corrupt,    // the database fails its integrity check
    Foreign,    // the file is not a KneeLog journal
    TooNew,     // written by a newer KneeLog
    ReadOnly,
    Internal,
};

struct Error {
    ErrorCode code = ErrorCode::Internal;
    std::string message;  // plain words, safe to show; never contains health data
};

inline Error makeError(ErrorCode code, std::string message) { return Error{code, std::move(message)}; }

template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_v(std::move(value)) {}
    Result(Error error) : m_v(std::move(error)) {}
    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() { return std::get<0>(m_v); }
    const T& value() const { return std::get<0>(m_v); }
    T& operator*() { return value(); }
    const T& operator*() const { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    const Error& error() const { return std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}
    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

}  // namespace core
