#pragma once
// kneelog_io: the guard that keeps every export and backup off the journal's own files.
//
// A path is compared by what it is, not by how it is spelled: files that exist are compared by
// device and inode (so a symlink, a hard link, "./x/../journal.db" or a relative path to the
// journal are all caught); a file that does not exist yet (the journal's -wal before SQLite
// makes it) is compared by its folder's device and inode and its name. A protected folder (the
// journal's backups) protects every file inside it, existing or not.
#include <string>
#include <vector>

#include "core/result.hpp"

namespace io {

struct ProtectedPath {
    std::string path;     // as the person or the program spelled it; named in the message
    std::string what;     // "the journal", "the journal's write-ahead log", ...
    bool folder = false;  // true: nothing may be written inside this folder
};

// Refuses (ErrorCode::Io, exit 1 on the command line) when writing `out` would land on one of
// `list`; the message names both paths and says nothing was written.
core::Result<void> refuseProtected(const std::string& out, const std::vector<ProtectedPath>& list);

// True when both paths exist and are the same file (device and inode).
bool sameFile(const std::string& a, const std::string& b);

}  // namespace io
