#include "core/io/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "core/io/fd.hpp"

namespace io {

namespace {

using core::ErrorCode;
using detail::Fd;

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
            return core::makeError(ErrorCode::NotFound, head + ": the folder '" + parentFolder(path) + "' does not exist." + tail);
        case ENOTDIR:
            return core::makeError(ErrorCode::Io, head + ": '" + parentFolder(path) + "' is not a folder." + tail);
        case EISDIR:
            return core::makeError(ErrorCode::Io, head + ": it is a folder." + tail);
        default:
            return core::makeError(ErrorCode::Io, head + " (" + std::strerror(errnum) + ")." + tail);
    }
}

constexpr const char* kNothingWritten = " Nothing was written.";

}  // namespace

core::Result<void> writeFileAtomically(const std::string& path, std::string_view bytes) {
    if (path.empty() || path.back() == '/')
        return core::makeError(ErrorCode::Invalid, "Choose a file name to write to, not a folder.");
    if (isFolder(path)) return fileError(EISDIR, "write", path, kNothingWritten);
    const std::string folder = parentFolder(path);
    std::string temp = folder + "/." + fileName(path) + ".XXXXXX";
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
    if (!detail::writeAll(f.fd, bytes.data(), bytes.size())) return failed(errno);
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

}  // namespace io
