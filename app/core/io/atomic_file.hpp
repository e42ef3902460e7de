#pragma once
// kneelog_io: the file helpers the command line and the GUI share for exports and imports.
// POSIX calls, so it lives beside the pure core as its own small library (it links only libc);
// the formats stay pure and this is the one place that puts their bytes on disk.
#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace io {

// Writes `bytes` to `path` so that the file is either absent (or its old self) or complete:
// a temporary file in the same folder is written, fsync'ed, given mode 0600 and renamed over
// `path`, then the folder is fsync'ed. On any failure (no such folder, no permission, disk full)
// the temporary file is removed and the error says what happened in plain words.
core::Result<void> writeFileAtomically(const std::string& path, std::string_view bytes);

// The whole file, refused with a clear message when it is missing, a folder, or over `maxBytes`.
core::Result<std::string> readWholeFile(const std::string& path, std::size_t maxBytes);

// Creates `dir` and any missing parents with mode 0700 (nothing to do when it exists).
core::Result<void> makeFolders(const std::string& dir);

bool isFolder(const std::string& path);
bool fileExists(const std::string& path);

}  // namespace io
