#include "core/io/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace io {

namespace {

using core::ErrorCode;

struct Fd {
    int fd = -1;
    ~Fd() { close(); }
    int close() {
        const int r = fd >= 0 ? ::close(fd) : 0;
        fd = -1;
        return r;
    }
};

std::string folderOf(const std::string& path) {
    const auto slash = path.find_last_of('/');
    if (slash == std::string::npos) return ".";
    if (slash == 0) return "/";
    return path.substr(0, slash);
}

std::string nameOf(const std::string& path) {
    const auto slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

core::Error fileError(int errnum, const std::string& what, const std::string& path, const char* tail) {
    const std::string head = "Could not " + what + " '" + path + "'";
    switch (errnum) {
        case EACCES:
        case EPERM:
            return core::makeError(ErrorCode::ReadOnly, head + ": permission denied." + tail);
        case EROFS:
            return core::makeError(ErrorCode::ReadOnly, head + ": the disk is read-only." + tail);
        case ENOSPC:
        case EFBIG:
        case EDQUOT:
            return core::makeError(ErrorCode::DiskFull, head + ": the disk is full." + tail);
        case ENOENT:
            return core::makeError(ErrorCode::NotFound, head + ": the folder '" + folderOf(path) + "' does not exist." + tail);
        case ENOTDIR:
            return core::makeError(ErrorCode::Io, head + ": '" + folderOf(path) + "' is not a folder." + tail);
        case EISDIR:
            return core::makeError(ErrorCode::Io, head + ": it is a folder." + tail);
        default:
            return core::makeError(ErrorCode::Io, head + " (" + std::strerror(errnum) + ")." + tail);
    }
}

constexpr const char* kNothingWritten = " Nothing was written.";

bool writeAll(int fd, const char* data, std::size_t size) {
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

}  // namespace

bool isFolder(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

bool fileExists(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0;
}

core::Result<void> writeFileAtomically(const std::string& path, std::string_view bytes) {
    if (path.empty() || path.back() == '/')
        return core::makeError(ErrorCode::Invalid, "Choose a file name to write to, not a folder.");
    if (isFolder(path)) return fileError(EISDIR, "write", path, kNothingWritten);
    const std::string folder = folderOf(path);
    std::string temp = folder + "/." + nameOf(path) + ".XXXXXX";
    std::vector<char> name(temp.begin(), temp.end());
    name.push_back('\0');
    Fd f{::mkostemp(name.data(), O_CLOEXEC)};
    if (f.fd < 0) return fileError(errno, "write", path, kNothingWritten);
    temp = name.data();
    auto failed = [&](int errnum) {
        f.close();
        ::unlink(temp.c_str());
        return fileError(errnum, "write", path, kNothingWritten);
    };
    if (!writeAll(f.fd, bytes.data(), bytes.size())) return failed(errno);
    if (::fchmod(f.fd, 0600) != 0) return failed(errno);
    if (::fsync(f.fd) != 0) return failed(errno);
    if (f.close() != 0) return failed(errno);
    if (::rename(temp.c_str(), path.c_str()) != 0) return failed(errno);
    // The new name is durable only once the folder itself is on disk.
    Fd dir{::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
    if (dir.fd >= 0) ::fsync(dir.fd);
    return {};
}

core::Result<std::string> readWholeFile(const std::string& path, std::size_t maxBytes) {
    Fd f{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
    if (f.fd < 0) {
        if (errno == ENOENT) return core::makeError(ErrorCode::NotFound, "There is no file '" + path + "'.");
        return fileError(errno, "read", path, "");
    }
    struct stat st {};
    if (::fstat(f.fd, &st) != 0) return fileError(errno, "read", path, "");
    if (S_ISDIR(st.st_mode)) return fileError(EISDIR, "read", path, "");
    if (static_cast<unsigned long long>(st.st_size) > maxBytes)
        return core::makeError(ErrorCode::Invalid, "'" + path + "' is larger than " +
                                                       std::to_string(maxBytes / (1024 * 1024)) + " MB; is it the right file?");
    std::string out;
    char buffer[1 << 16];
    for (;;) {
        const ssize_t n = ::read(f.fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return fileError(errno, "read", path, "");
        if (n == 0) break;
        out.append(buffer, static_cast<std::size_t>(n));
        if (out.size() > maxBytes)
            return core::makeError(ErrorCode::Invalid, "'" + path + "' is too large; is it the right file?");
    }
    return out;
}

core::Result<void> makeFolders(const std::string& dir) {
    if (dir.empty() || isFolder(dir)) return {};
    const std::string parent = folderOf(dir);
    if (parent != dir && parent != ".")
        if (auto r = makeFolders(parent); !r) return r;
    if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) return fileError(errno, "create the folder", dir, "");
    return {};
}

}  // namespace io
