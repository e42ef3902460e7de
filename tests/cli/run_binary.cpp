#include "run_binary.hpp"

#include <cstdio>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "support/read_file.hpp"

extern char** environ;

namespace test {

RunResult runKneelog(const std::vector<std::string>& args, const std::vector<std::string>& env) {
    static int counter = 0;
    const auto dir = std::filesystem::temp_directory_path() / ("kneelog-run-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    const auto outPath = dir / ("out" + std::to_string(counter));
    const auto errPath = dir / ("err" + std::to_string(counter++));

    // A home of its own: a command without --db never reads or writes the person's real journal
    // (or another test run's) in ~/.local/share. A test may still give its own HOME.
    const auto home = dir / "home";
    std::filesystem::create_directories(home);
    std::vector<std::string> given = {"HOME=" + home.string(), "XDG_DATA_HOME=" + (home / ".local/share").string()};
    for (const auto& add : env) {
        const std::string name = add.substr(0, add.find('=') + 1);
        std::erase_if(given, [&](const std::string& g) { return g.rfind(name, 0) == 0; });
        given.push_back(add);
    }
    std::vector<std::string> envStore;
    for (char** e = environ; *e; ++e) {
        std::string entry = *e;
        const std::string name = entry.substr(0, entry.find('='));
        bool replaced = false;
        for (const auto& add : given)
            if (add.substr(0, add.find('=')) == name) replaced = true;
        if (!replaced) envStore.push_back(entry);
    }
    envStore.insert(envStore.end(), given.begin(), given.end());
    std::vector<char*> envp;
    for (auto& e : envStore) envp.push_back(e.data());
    envp.push_back(nullptr);

    // KNEELOG_TEST_EXE runs the suite against another build (e.g. the one before a fix).
    const char* other = std::getenv("KNEELOG_TEST_EXE");
    const std::string exe = other && *other ? other : KNEELOG_EXE;
    std::vector<std::string> argStore = {exe};
    argStore.insert(argStore.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argStore) argv.push_back(a.data());
    argv.push_back(nullptr);

    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&fa, 2, errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    pid_t pid = 0;
    RunResult r;
    if (posix_spawn(&pid, exe.c_str(), &fa, nullptr, argv.data(), envp.data()) == 0) {
        int status = 0;
        waitpid(pid, &status, 0);
        r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    posix_spawn_file_actions_destroy(&fa);
    r.out = test::readFile(outPath);
    r.err = test::readFile(errPath);
    std::filesystem::remove(outPath);
    std::filesystem::remove(errPath);
    return r;
}

std::filesystem::path freshDir(const std::string& name) {
    const auto dir = std::filesystem::temp_directory_path() / ("kneelog-cli-" + name + "-" + std::to_string(getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

std::string shellOutput(const std::string& command) {
    std::string out;
    if (FILE* p = ::popen((command + " 2>/dev/null").c_str(), "r")) {
        char buf[1 << 14];
        std::size_t n = 0;
        while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
        ::pclose(p);
    }
    return out;
}

}  // namespace test
