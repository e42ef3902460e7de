// kneelog: the wiring. No command on the line (only global options such as --db) opens the
// window; anything else is the command line's, which gets the storage engine (SQLite), the
// fonts folder and the screenshot renderer from here, so app/cli never names db/ or platform/.
#include <cstdio>
#include <cstdlib>

#include "app/gui.hpp"
#include "core/time.hpp"
#include "cli/commands.hpp"
#include "db/journal_files.hpp"
#include "platform/platform.hpp"

int main(int argc, char** argv) {
    platform::restrictNewFiles();
    platform::seconds();  // start the clock: start-to-first-frame is measured from here
    // TEST HOOK ONLY: KNEELOG_TEST_NOW=ISO-8601 ("2026-11-30T00:05:00Z") fixes the clock the app
    // and the command line read at that instant, so tests never depend on the time of day they
    // run at (tests/e2e runs the real window just after midnight with it). Not for normal use.
    if (const char* now = std::getenv("KNEELOG_TEST_NOW"); now && *now) {
        auto t = core::parseDateTime(now);
        if (!t) {
            std::fprintf(stderr, "kneelog: KNEELOG_TEST_NOW: %s\n", t.error().message.c_str());
            return cli::kExitUsage;
        }
        core::setTestClock(core::toUtcSeconds(*t));
    }
    const auto defaultDbPath = [] { return platform::userDataDir() + "journal.db"; };
    if (cli::asksForWindow(argc, argv)) {
        const auto db = cli::journalPath(argc, argv, defaultDbPath);
        return db ? app::runGui(*db) : cli::kExitUsage;
    }
    cli::Hooks hooks;
    hooks.defaultDbPath = defaultDbPath;
    hooks.screenshot = app::runScreenshot;
    db::SqliteJournalFiles files;
    hooks.files = &files;
    hooks.fontDir = platform::assetsDir() + "/fonts";
    return cli::run(argc, argv, hooks);
}
