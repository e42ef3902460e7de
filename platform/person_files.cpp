// The person's own files: the documents folder, opening a folder in the file manager, and what
// is shared from the exports folder (the newest file and its MIME type). The Android share
// itself is in android_share.cpp.
#include <cstdlib>
#include <filesystem>
#include <system_error>

#ifndef __ANDROID__  // posix_spawn needs Android API 28; Android shares instead of opening a folder
#include <spawn.h>
#include <sys/wait.h>
extern char** environ;
#endif

#include "platform/platform.hpp"

namespace platform {

namespace fs = std::filesystem;

std::string documentsDir() {
#ifdef __ANDROID__
    return "";  // exports stay in app storage and leave through the share sheet
#else
    std::string docs;
    if (const char* x = std::getenv("XDG_DOCUMENTS_DIR"); x && *x) docs = x;
    else if (const char* home = std::getenv("HOME"); home && *home) docs = std::string(home) + "/Documents";
    std::error_code ec;
    return !docs.empty() && fs::is_directory(docs, ec) ? docs : std::string();
#endif
}

bool openFolder([[maybe_unused]] const std::string& folder) {
#ifdef __ANDROID__
    return false;
#else
    const char* argv[] = {"/bin/sh", "-c", "command -v xdg-open >/dev/null || exit 3; xdg-open \"$1\" >/dev/null 2>&1 &",
                          "sh", folder.c_str(), nullptr};
    pid_t pid = 0;
    int status = 0;
    return posix_spawn(&pid, "/bin/sh", nullptr, nullptr, const_cast<char* const*>(argv), environ) == 0 &&
           waitpid(pid, &status, 0) >= 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
#endif
}

std::string newestFile(const std::string& folder) {
    std::error_code ec;
    fs::path newest;
    fs::file_time_type newestTime{};
    for (const auto& entry : fs::directory_iterator(folder, ec))
        if (entry.is_regular_file(ec) && (newest.empty() || entry.last_write_time(ec) > newestTime)) {
            newest = entry.path();
            newestTime = entry.last_write_time(ec);
        }
    return newest.string();
}

std::string mimeType(const std::string& path) {
    const std::string ext = fs::path(path).extension().string();
    return ext == ".pdf"       ? "application/pdf"
           : ext == ".csv"     ? "text/csv"
           : ext == ".json"    ? "application/fhir+json"
                               : "application/octet-stream";  // a bundle or a backup (issue 16): opaque bytes
}

}  // namespace platform
