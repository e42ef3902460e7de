#pragma once
// kneelog_io internals: a descriptor closed at the end of its scope and a write loop that
// survives EINTR and short writes. Not for use outside app/core/io.
#include <unistd.h>

#include <cerrno>
#include <cstddef>

namespace io::detail {

struct Fd {
    int fd = -1;
    Fd() = default;
    explicit Fd(int f) : fd(f) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() { close(); }
    int close() {
        const int r = fd >= 0 ? ::close(fd) : 0;
        fd = -1;
        return r;
    }
};

// Writes all of `data`; false with errno set on failure (ENOSPC when write(2) makes no progress).
inline bool writeAll(int fd, const char* data, std::size_t size) {
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return false;
        if (n == 0) {
            errno = ENOSPC;
            return false;
        }
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

}  // namespace io::detail
