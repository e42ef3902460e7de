// Paths and file access through SDL, so the same calls work on the desktop and inside an APK.
#include <SDL.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <system_error>

#include "platform/platform.hpp"

namespace platform {

namespace fs = std::filesystem;

std::string userDataDir() {
    char* p = SDL_GetPrefPath("KneeLog", "kneelog");
    if (!p) return ".";
    std::string out(p);
    SDL_free(p);
    std::error_code ec;
    fs::permissions(out, fs::perms::owner_all, fs::perm_options::replace, ec);  // 0700: health data
    return out;
}

std::string assetsDir() {
    if (const char* env = SDL_getenv("KNEELOG_ASSETS"); env && *env) return env;
#ifdef __ANDROID__
    return "";  // APK assets are addressed by relative path
#else
    char* base = SDL_GetBasePath();
    const std::string dir = base ? base : "./";
    SDL_free(base);
    for (const char* rel : {"assets", "../share/kneelog/assets", "../assets"}) {
        std::error_code ec;
        const fs::path p = fs::path(dir) / rel;
        if (fs::is_directory(p / "guidance", ec)) return fs::weakly_canonical(p, ec).string();
    }
    return (fs::path(dir) / "assets").string();
#endif
}

std::optional<std::string> loadFile(const std::string& path) {
    size_t size = 0;
    void* data = SDL_LoadFile(path.c_str(), &size);
    if (!data) return std::nullopt;
    std::string out(static_cast<const char*>(data), size);
    SDL_free(data);
    return out;
}

namespace {

struct Mapping {
    std::string_view view;
    void* address = MAP_FAILED;
    std::string copy;  // when the file could not be mapped (an APK asset)
    ~Mapping() {
        if (address != MAP_FAILED) ::munmap(address, view.size());
    }
};

}  // namespace

std::shared_ptr<const std::string_view> mapFile(const std::string& path) {
    auto m = std::make_shared<Mapping>();
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    struct stat st {};
    if (fd >= 0 && ::fstat(fd, &st) == 0 && st.st_size > 0) {
        m->address = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
        if (m->address != MAP_FAILED) m->view = {static_cast<const char*>(m->address), static_cast<size_t>(st.st_size)};
    }
    if (fd >= 0) ::close(fd);
    if (m->address == MAP_FAILED) {
        auto bytes = loadFile(path);
        if (!bytes) return nullptr;
        m->copy = std::move(*bytes);
        m->view = m->copy;
    }
    return {m, &m->view};
}

std::vector<std::string> listAssets(const std::string& subdir, const std::string& suffix) {
    std::vector<std::string> out;
#ifdef __ANDROID__
    // APK assets cannot be listed through SDL: the build writes an index file beside them.
    if (auto index = loadFile(subdir + "/index.txt")) {
        size_t start = 0;
        while (start < index->size()) {
            size_t end = index->find('\n', start);
            if (end == std::string::npos) end = index->size();
            std::string name = index->substr(start, end - start);
            if (name.size() > suffix.size() && name.ends_with(suffix)) out.push_back(subdir + "/" + name);
            start = end + 1;
        }
    }
#else
    std::error_code ec;
    const fs::path dir = fs::path(assetsDir()) / subdir;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (entry.is_regular_file(ec) && name.ends_with(suffix)) out.push_back(entry.path().string());
    }
#endif
    std::sort(out.begin(), out.end());
    return out;
}

double seconds() {
    using Clock = std::chrono::steady_clock;
    static const Clock::time_point start = Clock::now();
    return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace platform
