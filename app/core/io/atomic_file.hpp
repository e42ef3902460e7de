#pragma once
// kneelog_io: whole files on disk and back, for the exports and imports of the command line and
// the window. POSIX calls, so it lives beside the pure core as its own small library (it links
// only libc); the formats stay pure and this is the one place that puts their bytes on disk.
// The smaller helpers (exists, folders, modes, durable renames) are in files.hpp.
#include <cstddef>
#include <string>
#include <string_view>

#include "core/io/files.hpp"
#include "core/result.hpp"

namespace io {

// Writes `bytes` to `path` so that the file is either absent (or its old self) or complete:
// a temporary file in the same folder is written, fsync'ed, given mode 0600 and renamed over
// `path`, then the folder is fsync'ed. On any failure (no such folder, no permission, disk full)
// the temporary file is removed and the error says what happened in plain words.
core::Result<void> writeFileAtomically(const std::string& path, std::string_view bytes);

// The whole file, refused with a clear message when it is missing, a folder, or over `maxBytes`.
core::Result<std::string> readWholeFile(const std::string& path, std::size_t maxBytes);

}  // namespace io
