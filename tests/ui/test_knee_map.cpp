// The knee map on the Log screen (issue 18): a tap on each region of each drawing, at desktop and
// phone size, is in the journal; the chips do the same; the PNG loads through stb_image in the
// headless build; a missing or damaged picture gives a clear message and the chips still work.
#include <catch2/catch.hpp>

#include <climits>
#include <fstream>
#include <string>
#include <vector>

#include "core/vocabulary.hpp"
#include "ui/widgets.hpp"
#include "ui_harness.hpp"

using test::UiSession;

namespace {

const std::vector<std::string> kRegions = {"inner", "centre", "outer", "above", "below"};

// Logs one entry per element of `entries` in one session: pain 5, the knee, its taps, Save.
// Returns what was stored, oldest first.
std::vector<core::Episode> logEach(UiSession& s, int w, int h, float scale, const std::string& side,
                                   const std::vector<std::vector<std::string>>& entries) {
    std::vector<std::string> keys;
    for (const auto& taps : entries) {
        keys.push_back("pain:5");
        if (!side.empty() && keys.size() == 1) keys.push_back("side:" + side);  // the form keeps the knee after Save
        keys.insert(keys.end(), taps.begin(), taps.end());
        keys.push_back("save");
    }
    const float footer = 90;
    auto script = test::tapSequence(keys, static_cast<float>(w) - 60, 80, static_cast<float>(h) - footer - (w < 600 ? 80 : 0),
                                    4);  // ends 4 frames after the last Save: the frame count is an upper bound
    auto r = s.render(w, h, scale, 60 + 40 * static_cast<int>(keys.size()), "", script);
    REQUIRE(r.ok);
    auto episodes = s.store->episodes({}, INT_MAX, 0);
    REQUIRE(episodes.ok());
    REQUIRE(episodes->size() == entries.size());
    std::vector<core::Episode> oldestFirst(episodes->rbegin(), episodes->rend());
    return oldestFirst;
}

core::Episode logWith(UiSession& s, int w, int h, float scale, const std::string& side, std::vector<std::string> taps) {
    return logEach(s, w, h, scale, side, {std::move(taps)}).front();
}

platform::ImageLoad loadInHeadlessFrame(const std::string& path) {
    platform::ImageLoad loaded;
    platform::HeadlessConfig cfg;
    cfg.width = 200;
    cfg.height = 200;
    cfg.frames = 1;
    platform::FrameHooks hooks;
    hooks.frame = [&] { loaded = platform::loadImage(path); };
    REQUIRE(platform::runHeadless(cfg, hooks).ok);
    return loaded;
}

}  // namespace

TEST_CASE("a tap on each region of the left and right drawing is stored, at desktop and phone size", "[ui][where]") {
    struct Size {
        int w, h;
        float scale;
    };
    // The default desktop window and a phone: both scroll the form (with the wheel, over the
    // content's right side) to bring the lower regions above the Save bar.
    for (const Size size : {Size{1280, 800, 1.0f}, Size{412, 915, 2.625f}}) {
        for (const std::string side : {"left", "right"}) {
            // One entry per region, in one session (a session per tap made this test take minutes).
            std::vector<std::vector<std::string>> entries;
            for (const auto& region : kRegions) entries.push_back({"map-" + side + ":" + region});
            UiSession s;
            const auto stored = logEach(s, size.w, size.h, size.scale, side, entries);
            for (size_t i = 0; i < kRegions.size(); ++i) {
                INFO(side << " " << kRegions[i] << " at " << size.w << "x" << size.h);
                CHECK(stored[i].side == side);
                CHECK(stored[i].where == std::vector<std::string>{kRegions[i]});
            }
        }
    }
}

TEST_CASE("both knees show both drawings; a second tap on a region unmarks it", "[ui][where]") {
    UiSession s;
    const core::Episode e = logWith(s, 412, 915, 2.625f, "both",
                                    {"map-left:inner", "map-right:outer", "map-right:below", "map-right:below"});
    CHECK(e.side == "both");
    CHECK(e.where == std::vector<std::string>{"inner", "outer"});
}

TEST_CASE("every tapping area of the map is at least 48 px at phone size, with both drawings", "[ui][where]") {
    UiSession s;
    REQUIRE(s.render(412, 915, 2.625f, 30, "", test::clickAll({"pain:4", "side:both"})).ok);
    for (const std::string leg : {"left", "right"}) {
        const auto rect = ui::itemRect("map-" + leg);
        REQUIRE(rect.has_value());
        const float w = rect->z - rect->x, h = rect->w - rect->y;
        INFO(leg << " map " << w << "x" << h << " logical px");
        CHECK(w * (core::knee_map::kSplitFar - core::knee_map::kSplitNear) >= 48.0f);
        CHECK(w * core::knee_map::kSplitNear >= 48.0f);
        CHECK(h * (core::knee_map::kBandBottom - core::knee_map::kBandTop) >= 48.0f);
        CHECK(rect->z <= 412.0f);  // side by side, inside the phone's width
    }
}

TEST_CASE("the chips mark the same places as the map, without the drawing", "[ui][where]") {
    UiSession s;
    const core::Episode e = logWith(s, 1280, 1400, 1.0f, "", {"where:above", "where:centre"});
    CHECK(e.where == std::vector<std::string>{"above", "centre"});
}

TEST_CASE("the knee map's PNGs load through stb_image into a texture in the headless build", "[ui][where]") {
    const std::string dir = std::string(KNEELOG_BINARY_DIR) + "/assets/knee_map/";
    for (const std::string leg : {"left", "right"})
        for (const auto& [suffix, width] : std::vector<std::pair<std::string, int>>{{"", 200}, {"@2x", 400}, {"@3x", 600}}) {
            INFO(leg << suffix);
            const auto loaded = loadInHeadlessFrame(dir + "back_of_knee_" + leg + suffix + ".png");
            CHECK(loaded.error.empty());
            CHECK(loaded.texture.id != nullptr);
            CHECK(loaded.texture.width == width);
            CHECK(loaded.texture.height == width * 3 / 2);
        }
}

TEST_CASE("a missing or damaged picture says why, and the chips and the map still log", "[ui][where]") {
    const auto tmp = test::tempDir("damaged-map");
    const std::string damaged = (tmp / "damaged.png").string();
    std::ofstream(damaged, std::ios::binary) << "\x89PNG\r\n\x1a\n not really a picture";
    const auto bad = loadInHeadlessFrame(damaged);
    CHECK(bad.texture.id == nullptr);
    CHECK(bad.error.find(damaged) != std::string::npos);
    CHECK(bad.error.find("not a readable PNG") != std::string::npos);
    const auto missing = loadInHeadlessFrame((tmp / "missing.png").string());
    CHECK(missing.texture.id == nullptr);
    CHECK(missing.error.find("cannot read") != std::string::npos);

    // The app with a picture folder that has nothing: the screen still works.
    UiSession s;
    ui::Assets assets = test::buildTreeAssets();
    assets.pictures.load = [&](const std::string& path) {
        const auto loaded = platform::loadImage((tmp / path).string());
        return ui::Picture{loaded.texture.id, loaded.texture.width, loaded.texture.height, loaded.error};
    };
    s.app = std::make_unique<ui::App>(s.journal.get(), assets);
    s.app->skipDisclaimer();
    const core::Episode e = logWith(s, 412, 915, 2.625f, "left", {"where:outer", "map-left:below"});
    CHECK(e.where == std::vector<std::string>{"below", "outer"});
    CHECK(ui::kneeMapPictureError().find("cannot read") != std::string::npos);
}
