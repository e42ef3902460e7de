#pragma once
// What `kneelog screenshot` asks the renderer for: plain data shared by the command line, which
// reads the flags (cli/cmd_screenshot.cpp), and the window code, which renders (app/gui.cpp).
#include <string>
#include <vector>

namespace app {

struct ScreenshotOptions {
    std::string dbPath;
    std::string screen = "log";  // log | history | trends | guidance | export | settings
    std::string out;             // the PNG to write
    int width = 0, height = 0;   // logical size; 0: the renderer's default
    float scale = 0;             // device pixels per logical pixel; 0: the default
    std::string theme = "light"; // light | dark | contrast
    int frames = 0;              // > 0: render this many frames and print their times
    std::vector<std::string> taps;
    std::string show;
    bool firstRun = false;
};

}  // namespace app
