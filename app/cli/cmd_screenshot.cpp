// kneelog screenshot: reads the flags, then hands plain options to the renderer main supplies.
#include "cli/commands.hpp"
#include "cli/common.hpp"

#include <cstdio>
#include <cstdlib>

namespace cli {

namespace {

bool parseSize(const std::string& text, int& w, int& h) {
    return std::sscanf(text.c_str(), "%dx%d", &w, &h) == 2 && w >= 200 && h >= 200 && w <= 8000 && h <= 8000;
}

}  // namespace

int cmdScreenshot(Invocation& inv, const std::function<int(const app::ScreenshotOptions&)>& render) {
    app::ScreenshotOptions o;
    o.dbPath = inv.dbPath;
    o.screen = inv.get("screen").value_or("log");
    if (o.screen != "log" && o.screen != "history" && o.screen != "trends" && o.screen != "guidance" &&
        o.screen != "export" && o.screen != "settings")
        return usageError("screenshot: unknown screen '" + o.screen +
                          "'; choose log, history, trends, guidance, export or settings");
    const auto out = inv.get("out");
    if (!out) return usageError("screenshot: --out FILE.png is required");
    o.out = *out;
    if (auto s = inv.get("size"); s && !parseSize(*s, o.width, o.height))
        return usageError("screenshot: --size must be WxH, e.g. 412x915");
    if (auto s = inv.get("scale")) {
        o.scale = std::strtof(s->c_str(), nullptr);
        if (!(o.scale >= 0.5f && o.scale <= 4.0f)) return usageError("screenshot: --scale must be 0.5 to 4");
    }
    if (auto f = inv.get("frames")) {
        o.frames = std::atoi(f->c_str());
        if (o.frames < 1 || o.frames > 100000) return usageError("screenshot: --frames must be 1 or more");
    }
    o.theme = inv.get("theme").value_or("light");
    if (o.theme != "light" && o.theme != "dark" && o.theme != "contrast")
        return usageError("screenshot: --theme must be light, dark or contrast");
    o.taps = inv.all("tap");
    o.show = inv.get("show").value_or("");
    o.firstRun = inv.has("first-run");
    if (!render) {
        std::fprintf(stderr, "kneelog: 'screenshot' is not available in this build\n");
        return kExitUsage;
    }
    return render(o);
}

}  // namespace cli
