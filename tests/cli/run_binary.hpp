#pragma once
// Runs the built kneelog binary as a user would, capturing exit code, stdout and stderr.
#include <filesystem>
#include <string>
#include <vector>

namespace test {

struct RunResult {
    int exitCode = -1;
    std::string out;
    std::string err;
};

// `env` entries are "NAME=value" added to (or replacing in) the current environment.
RunResult runKneelog(const std::vector<std::string>& args, const std::vector<std::string>& env = {});

// What a shell command prints on stdout (stderr discarded), e.g. pdftotext or pdfinfo.
std::string shellOutput(const std::string& command);

// A fresh temp folder for one test (removed by the caller when it wants).
std::filesystem::path freshDir(const std::string& name);

}  // namespace test
