#pragma once
// The two entry points that need a renderer: the window and headless screenshots.
#include <string>

#include "app/screenshot_options.hpp"

namespace app {

// Opens the window on the journal at `dbPath`.
int runGui(const std::string& dbPath);
// Renders one screen to a PNG with no display (the flags are read by `kneelog screenshot`).
int runScreenshot(const ScreenshotOptions& options);

}  // namespace app
