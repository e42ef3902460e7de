#pragma once
// Helpers shared by the db tests: a private temp folder, file bytes, sample episodes, and a
// forked child that reports an error code and message back through a pipe.
#include <catch2/catch.hpp>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <memory>
#include <string>

#include "core/episode.hpp"
#include "db/journal_store.hpp"
#include "support/read_file.hpp"

namespace dbtest {

// A fresh folder under /tmp, removed (with everything in it) at the end of the test.
class TempDir {
public:
    TempDir() {
        char pattern[] = "/tmp/kneelog-db-test-XXXXXX";
        const char* made = ::mkdtemp(pattern);
        REQUIRE(made != nullptr);
        m_path = made;
    }
    ~TempDir() {
        std::error_code ec;
        for (auto it = std::filesystem::recursive_directory_iterator(m_path, ec);
             !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec))
            ::chmod(it->path().c_str(), 0700);
        ::chmod(m_path.c_str(), 0700);
        std::filesystem::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::string& path() const { return m_path; }
    std::string file(const std::string& name) const { return m_path + "/" + name; }

private:
    std::string m_path;
};

inline std::string readBytes(const std::string& path) {
    return test::readFile(path);
}

inline void writeBytes(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
}

inline unsigned modeOf(const std::string& path) {
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    return static_cast<unsigned>(st.st_mode & 07777);
}

inline core::Episode episodeAt(core::CivilDate day, int hour, int minute, int pain, int offsetMinutes = 60) {
    core::Episode e;
    e.startedAt = core::LocalDateTime{day, hour, minute, 0, offsetMinutes};
    e.recordedAtUtc = core::toUtcSeconds(e.startedAt) + 120;
    e.side = "right";
    e.pain = pain;
    return e;
}

inline std::unique_ptr<db::JournalStore> openStore(const std::string& path, db::OpenOptions opts = {}) {
    auto store = db::JournalStore::open(path, opts);
    INFO((store ? std::string() : store.error().message));
    REQUIRE(store.ok());
    return std::move(*store);
}

// What a forked child reported: its exit status, an error code (-1 for success) and a message.
struct ChildReport {
    int status = -1;
    int code = -1;
    long long count = 0;
    std::string message;
};

// Runs `body` in a forked child (never touching Catch there) and collects what it reports.
// With `asNobody`, a child running as root drops to uid/gid 65534 first, so file permissions
// apply to it as they would to a person.
inline ChildReport runInChild(const std::function<ChildReport()>& body, bool asNobody = false) {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::close(fds[0]);
        if (asNobody && ::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0)) ::_exit(3);
        const ChildReport r = body();
        const std::string line = std::to_string(r.code) + " " + std::to_string(r.count) + " " + r.message;
        const ssize_t written = ::write(fds[1], line.data(), line.size());
        ::_exit(written == static_cast<ssize_t>(line.size()) ? 0 : 4);
    }
    ::close(fds[1]);
    std::string text;
    char buffer[4096];
    for (ssize_t n; (n = ::read(fds[0], buffer, sizeof buffer)) > 0;) text.append(buffer, static_cast<std::size_t>(n));
    ::close(fds[0]);
    ChildReport report;
    REQUIRE(::waitpid(pid, &report.status, 0) == pid);
    const auto first = text.find(' ');
    const auto second = first == std::string::npos ? first : text.find(' ', first + 1);
    if (second != std::string::npos) {
        report.code = std::atoi(text.substr(0, first).c_str());
        report.count = std::atoll(text.substr(first + 1, second - first - 1).c_str());
        report.message = text.substr(second + 1);
    }
    return report;
}

inline ChildReport reportOf(const core::Result<void>& r, long long count = 0) {
    if (r) return ChildReport{0, -1, count, ""};
    return ChildReport{0, static_cast<int>(r.error().code), count, r.error().message};
}

}  // namespace dbtest
