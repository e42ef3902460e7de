// The desktop's own file chooser for opening a file and for saving a copy: zenity (GNOME and most
// desktops) or kdialog (KDE), whichever is installed, run beside the window (platform.hpp,
// chooseFileToOpen, saveCopyOutside). Android's system document picker is in android_share.cpp.
#include <algorithm>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#ifndef __ANDROID__  // posix_spawn needs Android API 28
#include <fcntl.h>
#include <spawn.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sys/wait.h>
#include <unistd.h>
extern char** environ;
#endif

#include "platform/platform.hpp"

namespace platform {

#ifndef __ANDROID__
namespace {

std::string inPath(const std::string& program) {
    const char* path = std::getenv("PATH");
    std::string dirs = path ? path : "";
    std::size_t start = 0;
    while (start <= dirs.size()) {
        const std::size_t end = std::min(dirs.find(':', start), dirs.size());
        const std::string candidate = dirs.substr(start, end - start) + "/" + program;
        if (end > start && ::access(candidate.c_str(), X_OK) == 0) return candidate;
        start = end + 1;
    }
    return {};
}

// The command line of the installed chooser asking where to save `suggested` (a full path), or
// empty.
std::vector<std::string> saveCommand(const std::string& title, const std::string& suggested) {
    if (const std::string zenity = inPath("zenity"); !zenity.empty())
        return {zenity, "--file-selection", "--save", "--confirm-overwrite", "--title=" + title, "--filename=" + suggested};
    if (const std::string kdialog = inPath("kdialog"); !kdialog.empty())
        return {kdialog, "--title", title, "--getsavefilename", suggested};
    return {};
}

// Copies `file` to `to`, written aside and renamed into place (an existing file is replaced: the
// chooser asked). The outcome in words.
SaveOutcome copyOut(const std::string& file, const std::string& to) {
    std::ifstream in(file, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) return {false, "Not saved: " + file + " could not be read."};
    const std::string aside = to + ".kneelog-part";
    const int fd = ::open(aside.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    bool ok = fd >= 0;
    for (std::size_t done = 0; ok && done < bytes.size();) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        ok = n > 0;
        if (ok) done += static_cast<std::size_t>(n);
    }
    ok = ok && ::fsync(fd) == 0;
    const int writeError = errno;
    if (fd >= 0) ::close(fd);
    if (!ok || ::rename(aside.c_str(), to.c_str()) != 0) {
        const std::string why = std::strerror(ok ? errno : writeError);
        ::unlink(aside.c_str());
        return {false, "Not saved: " + to + ": " + why + "."};
    }
    return {true, "Saved a copy as " + to + "."};
}

// The command line for the chooser that is installed, or empty.
std::vector<std::string> chooserCommand(const std::string& title, const std::string& folder,
                                        const std::vector<std::string>& extensions) {
    std::string patterns;
    for (const auto& e : extensions) patterns.append(patterns.empty() ? "" : " ").append("*").append(e);
    if (const std::string zenity = inPath("zenity"); !zenity.empty()) {
        std::vector<std::string> argv = {zenity, "--file-selection", "--title=" + title, "--filename=" + folder + "/"};
        if (!patterns.empty()) argv.push_back("--file-filter=" + patterns);
        return argv;
    }
    if (const std::string kdialog = inPath("kdialog"); !kdialog.empty())
        return {kdialog, "--title", title, "--getopenfilename", folder, patterns};
    return {};
}

// Runs the chooser and reads the chosen path from its output: nullopt when cancelled.
std::optional<std::string> runChooser(const std::vector<std::string>& args) {
    int out[2];
    if (::pipe2(out, O_CLOEXEC) != 0) return std::nullopt;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    pid_t pid = 0;
    const bool started = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) == 0;
    posix_spawn_file_actions_destroy(&actions);
    ::close(out[1]);
    std::string text;
    char buf[4096];
    for (ssize_t n; started && (n = ::read(out[0], buf, sizeof buf)) != 0;) {
        if (n < 0) break;
        text.append(buf, static_cast<std::size_t>(n));
    }
    ::close(out[0]);
    int status = 0;
    if (!started || ::waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) return std::nullopt;
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    if (text.empty()) return std::nullopt;
    return text;
}

}  // namespace
#endif

#ifndef __ANDROID__
std::optional<std::future<std::optional<std::string>>> chooseFileToOpen(const std::string& title, const std::string& folder,
                                                                        const std::vector<std::string>& extensions) {
    if (const char* off = std::getenv("KNEELOG_NO_FILE_CHOOSER"); off && *off) return std::nullopt;
    std::vector<std::string> args = chooserCommand(title, folder, extensions);
    if (args.empty()) return std::nullopt;
    std::promise<std::optional<std::string>> promise;
    auto future = promise.get_future();
    // Detached: the window never waits for the chooser; the answer arrives through the future.
    std::thread([args = std::move(args), promise = std::move(promise)]() mutable { promise.set_value(runChooser(args)); }).detach();
    return future;
}

std::optional<std::future<SaveOutcome>> saveCopyOutside(const std::string& file, const std::string& title,
                                                        std::function<std::string(const std::string&)> refuse) {
    if (const char* off = std::getenv("KNEELOG_NO_FILE_CHOOSER"); off && *off) return std::nullopt;
    std::vector<std::string> args = saveCommand(title, file);
    if (args.empty()) return std::nullopt;
    std::promise<SaveOutcome> promise;
    auto future = promise.get_future();
    std::thread([args = std::move(args), file, refuse = std::move(refuse), promise = std::move(promise)]() mutable {
        const std::optional<std::string> to = runChooser(args);
        if (!to || *to == file) return promise.set_value({false, ""});  // cancelled, or "save" onto itself
        if (std::string why = refuse ? refuse(*to) : std::string(); !why.empty()) return promise.set_value({false, "Not saved: " + why});
        promise.set_value(copyOut(file, *to));
    }).detach();
    return future;
}
#endif

}  // namespace platform
