#include "core/io/file_guard.hpp"

#include <sys/stat.h>

#include <climits>
#include <cstdlib>
#include <optional>

#include "core/io/files.hpp"

namespace io {

namespace {

struct Identity {
    dev_t dev = 0;
    ino_t ino = 0;
    bool operator==(const Identity&) const = default;
};

std::optional<Identity> identityOf(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return std::nullopt;  // follows symlinks
    return Identity{st.st_dev, st.st_ino};
}

// The folder of `path`, trailing slashes ignored ("a/b/" is in "a").
std::string folderOf(std::string p) {
    while (p.size() > 1 && p.back() == '/') p.pop_back();
    return parentFolder(p);
}

// The real folder a file at `path` lives in: symlinks resolved (the file's own, when it exists).
std::optional<Identity> realFolderOf(const std::string& path) {
    char resolved[PATH_MAX];
    if (::realpath(path.c_str(), resolved)) return identityOf(folderOf(resolved));
    return identityOf(folderOf(path));
}

// Whether `out` and `target` name the same file, or would once either is created.
bool lands(const std::string& out, const std::string& target) {
    const auto outId = identityOf(out);
    const auto targetId = identityOf(target);
    if (outId && targetId) return *outId == *targetId;
    if (outId || targetId) return false;
    const auto outFolder = identityOf(folderOf(out));
    const auto targetFolder = identityOf(folderOf(target));
    return outFolder && targetFolder && *outFolder == *targetFolder && fileName(out) == fileName(target);
}

bool inside(const std::string& out, const std::string& folder) {
    const auto folderId = identityOf(folder);
    if (!folderId) return false;
    const auto outFolder = realFolderOf(out);
    return outFolder && *outFolder == *folderId;
}

}  // namespace

bool sameFile(const std::string& a, const std::string& b) {
    const auto x = identityOf(a), y = identityOf(b);
    return x && y && *x == *y;
}

core::Result<void> refuseProtected(const std::string& out, const std::vector<ProtectedPath>& list) {
    for (const ProtectedPath& p : list) {
        if (p.folder ? !inside(out, p.path) : !lands(out, p.path)) continue;
        return core::makeError(core::ErrorCode::Io,
                               "Refusing to write '" + out + "': it is " + p.what + " '" + p.path +
                                   "'. Choose another file; nothing was written.");
    }
    return {};
}

}  // namespace io
