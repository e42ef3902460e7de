#include "core/io/file_guard.hpp"

#include <sys/stat.h>

#include <climits>
#include <cstdlib>
#include <optional>

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

std::string folderOf(const std::string& path) {
    std::string p = path;
    while (p.size() > 1 && p.back() == '/') p.pop_back();
    const auto slash = p.find_last_of('/');
    if (slash == std::string::npos) return ".";
    if (slash == 0) return "/";
    return p.substr(0, slash);
}

std::string nameOf(const std::string& path) {
    const auto slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
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
    return outFolder && targetFolder && *outFolder == *targetFolder && nameOf(out) == nameOf(target);
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
