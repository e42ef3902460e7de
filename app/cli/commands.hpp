#pragma once
// The kneelog command line: one binary, one table of subcommands over the journal service.
#include <functional>
#include <optional>
#include <string>

#include "cli/invocation.hpp"
#include "core/storage.hpp"
#include "screenshot_options.hpp"

namespace cli {

// What the executable supplies that the command line cannot know (renderer, paths).
struct Hooks {
    std::function<std::string()> defaultDbPath;
    std::function<int(const app::ScreenshotOptions&)> screenshot;
    core::JournalFiles* files = nullptr;  // the storage engine (db::SqliteJournalFiles in main)
    std::string fontDir;                  // the PDF's DejaVu fonts (the app's assets folder)
};

// Exit codes: 0 done, 1 the journal or a file refused (or the work was done but today's
// automatic backup failed; the message says so), 2 a usage or input error (an empty --db or
// KNEELOG_DB included).
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

// Runs the command the line names (or prints the help, the version or a usage error).
int run(int argc, char** argv, const Hooks& hooks);

// True when the line names no command, only global options (or the alias `gui`): main opens the
// window then. --help and --version are answered by run().
bool asksForWindow(int argc, char** argv);

// The journal the line names: --db, else $KNEELOG_DB, else `defaultDbPath()`. An empty --db or
// KNEELOG_DB is refused (printed; nullopt): it must never fall back to the person's journal.
std::optional<std::string> journalPath(int argc, char** argv, const std::function<std::string()>& defaultDbPath);

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
int cmdBundle(Invocation& inv);
int cmdProfile(Invocation& inv);
int cmdAlerts(Invocation& inv);
int cmdInsights(Invocation& inv);
int cmdPeg(Invocation& inv);
int cmdRelief(Invocation& inv);
int cmdScreenshot(Invocation& inv, const std::function<int(const app::ScreenshotOptions&)>& render);

}  // namespace cli
