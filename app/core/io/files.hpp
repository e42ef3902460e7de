#pragma once
// kneelog_io: the file-system helpers of KneeLog (POSIX, libc only), used by db/, the command
// line, the window and the tests: path parts, existence and modes, private files (0600) and
// folders (0700), durable renames and copies, and errno turned into messages for a person.
// atomic_file.hpp puts whole files on disk and reads them back; file_guard.hpp keeps writes
// off the journal's own files.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace io {

// The folder holding `path` ("." when it has none).
std::string parentFolder(const std::string& path);
// The last component of `path`.
std::string fileName(const std::string& path);

bool fileExists(const std::string& path);
bool isFolder(const std::string& path);
// True when KneeLog may write `path`: access(2) allows it and the file or folder has at least
// one write permission bit (so a file marked read-only is never written, even by root).
bool writable(const std::string& path);
// -1 when the file cannot be inspected.
long long fileSize(const std::string& path);
// Modification time in UTC seconds; -1 when the file cannot be inspected.
int64_t modifiedTime(const std::string& path);
// Sets the modification time (UTC seconds); for backups made under a test clock.
void setModifiedTime(const std::string& path, int64_t utcSeconds);

// Creates `dir` and any missing parents with mode 0700 (nothing to do when it exists).
core::Result<void> makeFolders(const std::string& dir);
// Creates an empty file with mode 0600; fails if it exists.
core::Result<void> createPrivateFile(const std::string& path);
// Sets mode 0600 when the file exists.
void makePrivate(const std::string& path);
// fsync of a file or a folder (after a rename, so the new name is durable).
core::Result<void> syncPath(const std::string& path);
// rename(2) and fsync of the folder.
core::Result<void> renameDurably(const std::string& from, const std::string& to);
// Byte copy into a new 0600 file, fsync'ed.
core::Result<void> copyFile(const std::string& from, const std::string& to);
void removeFile(const std::string& path);

// An error for a failed system call: `errnum` mapped to a code, with the operation and path.
core::Error systemError(int errnum, std::string_view operation, const std::string& path);

}  // namespace io
