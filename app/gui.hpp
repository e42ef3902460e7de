#pragma once
// The two commands that need a renderer: the window and headless screenshots.
#include "cli/args.hpp"

namespace app {

int runGui(cli::Invocation& inv);
int runScreenshot(cli::Invocation& inv);

}  // namespace app
