#pragma once
// kneelog_io: whole files on disk and back, for the exports and imports of the command line and
// the window. POSIX calls, so it lives beside the pure core as its own small library (it links
// only libc); the formats stay pure and this is the one place that puts their bytes on disk.
// The smaller helpers (exists, folders, modes, durable renames) are in files.hpp.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "core/io/files.hpp"
#include "core/result.hpp"
#include "core/sink.hpp"

namespace io {

// A file written piece by piece that appears complete or not at all: the bytes go to a temporary
// file in the same folder (buffered, 64 KiB at a time); commit() fsyncs it, gives it mode 0600,
// renames it over the path and fsyncs the folder. Destroyed without a commit (an export that
// failed half-way), or after a failed write, it removes the temporary file: no partial file is
// ever left at the path.
class AtomicFile final : public core::Sink {
public:
    static core::Result<std::unique_ptr<AtomicFile>> create(const std::string& path);
    ~AtomicFile() override;
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    void write(std::string_view bytes) override;  // after a failure: ignored (the error is kept)
    bool failed() const override { return m_errno != 0; }
    // Puts the file in place; the first write error, if any, instead (and nothing is left).
    core::Result<void> commit();

private:
    AtomicFile() = default;
    bool flush();
    void discard();
    std::string m_path, m_temp;
    int m_fd = -1;
    int m_errno = 0;
    std::string m_buffer;
};

// Writes `bytes` to `path` so that the file is either absent (or its old self) or complete:
// a temporary file in the same folder is written, fsync'ed, given mode 0600 and renamed over
// `path`, then the folder is fsync'ed. On any failure (no such folder, no permission, disk full)
// the temporary file is removed and the error says what happened in plain words.
core::Result<void> writeFileAtomically(const std::string& path, std::string_view bytes);

// The whole file, refused with a clear message when it is missing, a folder, or over `maxBytes`.
core::Result<std::string> readWholeFile(const std::string& path, std::size_t maxBytes);

}  // namespace io
