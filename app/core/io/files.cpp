#include "core/io/files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/io/fd.hpp"

namespace io {

using detail::Fd;

core::Error systemError(int errnum, std::string_view operation, const std::string& path) {
    const std::string head = "Could not " + std::string(operation) + " '" + path + "'";
    switch (errnum) {
    case EACCES:
    case EPERM:
    case EROFS:
        return core::makeError(core::ErrorCode::ReadOnly, head + ": permission denied (read-only file or folder)");
    case ENOSPC:
    case EFBIG:
    case EDQUOT:
        return core::makeError(core::ErrorCode::DiskFull, head + " (disk is full)");
    case ENOENT:
        return core::makeError(core::ErrorCode::NotFound, head + ": it does not exist");
    default:
        return core::makeError(core::ErrorCode::Io, head + " (" + std::strerror(errnum) + ")");
    }
}

std::string parentFolder(const std::string& path) {
    const auto slash = path.find_last_of('/');
    if (slash == std::string::npos) return ".";
    if (slash == 0) return "/";
    return path.substr(0, slash);
}

std::string fileName(const std::string& path) {
    const auto slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool fileExists(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0;
}

bool isFolder(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

bool writable(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return false;
    return (st.st_mode & 0222) != 0 && ::access(path.c_str(), W_OK) == 0;
}

long long fileSize(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return -1;
    return static_cast<long long>(st.st_size);
}

int64_t modifiedTime(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return -1;
    return static_cast<int64_t>(st.st_mtime);
}

void setModifiedTime(const std::string& path, int64_t utcSeconds) {
    const struct timespec times[2] = {{static_cast<time_t>(utcSeconds), 0}, {static_cast<time_t>(utcSeconds), 0}};
    ::utimensat(AT_FDCWD, path.c_str(), times, 0);
}

core::Result<void> makeFolders(const std::string& dir) {
    if (dir.empty() || isFolder(dir)) return {};
    const std::string parent = parentFolder(dir);
    if (parent != dir && parent != ".")
        if (auto r = makeFolders(parent); !r) return r;
    if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) return systemError(errno, "create the folder", dir);
    return {};
}

core::Result<void> createPrivateFile(const std::string& path) {
    Fd f{::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)};
    if (f.fd < 0) return systemError(errno, "create the file", path);
    return {};
}

void makePrivate(const std::string& path) {
    if (fileExists(path)) ::chmod(path.c_str(), 0600);
}

core::Result<void> syncPath(const std::string& path) {
    Fd f{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
    if (f.fd < 0) return systemError(errno, "open", path);
    if (::fsync(f.fd) != 0) return systemError(errno, "flush to disk", path);
    return {};
}

core::Result<void> renameDurably(const std::string& from, const std::string& to) {
    if (::rename(from.c_str(), to.c_str()) != 0) return systemError(errno, "move a file into place at", to);
    return syncPath(parentFolder(to));
}

core::Result<void> copyFile(const std::string& from, const std::string& to) {
    Fd in{::open(from.c_str(), O_RDONLY | O_CLOEXEC)};
    if (in.fd < 0) return systemError(errno, "read", from);
    Fd out{::open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)};
    if (out.fd < 0) return systemError(errno, "create the file", to);
    char buffer[1 << 16];
    for (;;) {
        const ssize_t n = ::read(in.fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return systemError(errno, "read", from);
        if (n == 0) break;
        if (!detail::writeAll(out.fd, buffer, static_cast<std::size_t>(n))) return systemError(errno, "write", to);
    }
    if (::fsync(out.fd) != 0) return systemError(errno, "flush to disk", to);
    return {};
}

void removeFile(const std::string& path) { ::unlink(path.c_str()); }

}  // namespace io
