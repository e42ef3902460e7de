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
constexpr std::size_t kBufferBytes = 64 * 1024;

}  // namespace

core::Result<std::unique_ptr<AtomicFile>> AtomicFile::create(const std::string& path) {
    if (path.empty() || path.back() == '/')
        return core::makeError(ErrorCode::Invalid, "Choose a file name to write to, not a folder.");
    if (isFolder(path)) return fileError(EISDIR, "write", path, kNothingWritten);
    std::unique_ptr<AtomicFile> f(new AtomicFile());
    f->m_path = path;
    const std::string temp = parentFolder(path) + "/." + fileName(path) + ".XXXXXX";
    std::vector<char> name(temp.begin(), temp.end());
    name.push_back('\0');
    f->m_fd = ::mkostemp(name.data(), O_CLOEXEC);
    if (f->m_fd < 0) return fileError(errno, "write", path, kNothingWritten);
    f->m_temp = name.data();
    f->m_buffer.reserve(kBufferBytes);
    return f;
}

AtomicFile::~AtomicFile() { discard(); }

void AtomicFile::discard() {
    if (m_fd >= 0) ::close(m_fd);
    m_fd = -1;
    if (!m_temp.empty()) ::unlink(m_temp.c_str());
    m_temp.clear();
}

bool AtomicFile::flush() {
    if (m_errno == 0 && !detail::writeAll(m_fd, m_buffer.data(), m_buffer.size())) m_errno = errno ? errno : EIO;
    m_buffer.clear();
    return m_errno == 0;
}

void AtomicFile::write(std::string_view bytes) {
    if (m_errno != 0 || m_fd < 0) return;
    if (m_buffer.size() + bytes.size() > kBufferBytes && !flush()) return;
    if (bytes.size() >= kBufferBytes) {
        if (!detail::writeAll(m_fd, bytes.data(), bytes.size())) m_errno = errno ? errno : EIO;
        return;
    }
    m_buffer.append(bytes);
}

core::Result<void> AtomicFile::commit() {
    if (m_fd < 0) return core::makeError(ErrorCode::Internal, "The file '" + m_path + "' was already closed.");
    auto failed = [&](int errnum) {
        discard();
        return fileError(errnum, "write", m_path, kNothingWritten);
    };
    if (!flush()) return failed(m_errno);
    if (::fchmod(m_fd, 0600) != 0) return failed(errno);
    if (::fsync(m_fd) != 0) return failed(errno);
    const int fd = m_fd;
    m_fd = -1;
    if (::close(fd) != 0) return failed(errno);
    if (::rename(m_temp.c_str(), m_path.c_str()) != 0) return failed(errno);
    m_temp.clear();
    // The new name is durable only once the folder itself is on disk.
    Fd dir{::open(parentFolder(m_path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
    if (dir.fd >= 0) ::fsync(dir.fd);
    return {};
}

core::Result<void> writeFileAtomically(const std::string& path, std::string_view bytes) {
    auto file = AtomicFile::create(path);
    if (!file) return file.error();
    (*file)->write(bytes);
    return (*file)->commit();
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
