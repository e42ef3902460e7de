#pragma once
// The kneelog command line: one binary, one table of subcommands over the journal service.
#include <functional>
#include <string>

#include "cli/args.hpp"

namespace cli {

// What the executable supplies that the command line cannot know (window, renderer, paths).
struct Hooks {
    std::function<std::string()> defaultDbPath;
    std::function<int(Invocation&)> gui;
    std::function<int(Invocation&)> screenshot;
};

// Exit codes: 0 done, 1 the journal or a file refused (or the work was done but today's
// automatic backup failed; the message says so), 2 a usage or input error (an empty --db or
// KNEELOG_DB included).
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

int run(int argc, char** argv, const Hooks& hooks);

// Subcommand bodies (cmd_*.cpp).
int cmdAdd(Invocation& inv);
int cmdList(Invocation& inv);
int cmdDelete(Invocation& inv);
int cmdUndelete(Invocation& inv);
int cmdTriage(Invocation& inv);
int cmdDemo(Invocation& inv);
int cmdCheck(Invocation& inv);
int cmdBackup(Invocation& inv);
int cmdRestore(Invocation& inv);
int cmdWipe(Invocation& inv);
int cmdBackups(Invocation& inv);
int cmdExport(Invocation& inv);
int cmdImport(Invocation& inv);
int cmdProfile(Invocation& inv);
int cmdAlerts(Invocation& inv);
int cmdInsights(Invocation& inv);

}  // namespace cli
