// kneelog: an empty shell over the libraries (the GUI, the command line and the platform).
#include "app/gui.hpp"
#include "cli/commands.hpp"
#include "platform/platform.hpp"

int main(int argc, char** argv) {
    platform::restrictNewFiles();
    platform::seconds();  // start the clock: start-to-first-frame is measured from here
    cli::Hooks hooks;
    hooks.defaultDbPath = [] { return platform::userDataDir() + "journal.db"; };
    hooks.gui = app::runGui;
    hooks.screenshot = app::runScreenshot;
    return cli::run(argc, argv, hooks);
}
