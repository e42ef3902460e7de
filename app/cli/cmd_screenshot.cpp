// kneelog screenshot: reads the flags, then hands plain options to the renderer main supplies.
#include "cli/commands.hpp"
#include "cli/common.hpp"

#include <cstdio>
#include <string_view>

namespace cli {

namespace {

// "WxH", each 200 to 8000.
bool parseSize(const std::string& text, int& w, int& h) {
    const auto x = text.find('x');
    if (x == std::string::npos) return false;
    const auto width = wholeNumber(std::string_view(text).substr(0, x), 200, 8000);
    const auto height = wholeNumber(std::string_view(text).substr(x + 1), 200, 8000);
    if (!width || !height) return false;
    w = static_cast<int>(*width);
    h = static_cast<int>(*height);
    return true;
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
        const auto scale = decimalNumber(*s);
        if (!scale || *scale < 0.5 || *scale > 4.0) return usageError("screenshot: --scale must be 0.5 to 4");
        o.scale = static_cast<float>(*scale);
    }
    if (auto f = inv.get("frames")) {
        const auto frames = wholeNumber(*f, 1, 100000);
        if (!frames) return usageError("screenshot: --frames must be 1 to 100000");
        o.frames = static_cast<int>(*frames);
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
