// The Log screen on a phone (412x915 logical px at 2.625 device px per px, a common Android size):
// nothing is cut off at the sides, the main targets are thumb-sized, and the safe-area insets
// (status bar, cut-outs) keep the content clear.
#include <catch2/catch.hpp>

#include <span>
#include <string>
#include <vector>

#include "core/vocabulary.hpp"
#include "ui/widgets.hpp"
#include "ui_harness.hpp"

using test::UiSession;

namespace {

constexpr int kPhoneW = 412, kPhoneH = 915;
constexpr float kPhoneScale = 2.625f;
constexpr float kThumb = 48.0f;  // Android's minimum touch target, in dp

std::vector<std::string> keysOf(const char* id, std::span<const core::Term> terms) {
    std::vector<std::string> keys;
    for (const auto& t : terms) keys.push_back(std::string(id) + ":" + std::string(t.name));
    return keys;
}

// Every item of the Log screen that must be on the phone: the pain scale, the choices, the
// note, save, and the navigation bar.
std::vector<std::string> logScreenItems() {
    std::vector<std::string> keys;
    for (int n = 0; n <= 10; ++n) keys.push_back("pain:" + std::to_string(n));
    for (const auto& group : {keysOf("side", core::sideTerms()), keysOf("type", core::painTypeTerms()),
                              keysOf("onset", core::onsetTerms()), keysOf("when", core::contextTerms()),
                              keysOf("care", core::careTerms())})
        keys.insert(keys.end(), group.begin(), group.end());
    for (const auto& info : ui::screenInfos()) keys.push_back("nav:" + std::string(info.name));
    keys.insert(keys.end(), {"note", "save"});
    return keys;
}

}  // namespace

TEST_CASE("on a phone every Log screen item lies inside the screen's width", "[ui][phone]") {
    UiSession s;
    REQUIRE(s.render(kPhoneW, kPhoneH, kPhoneScale, 4).ok);
    for (const auto& key : logScreenItems()) {
        const auto r = ui::itemRect(key);
        INFO(key);
        REQUIRE(r.has_value());
        CHECK(r->x >= -0.5f);
        CHECK(r->z <= static_cast<float>(kPhoneW) + 0.5f);
        CHECK(r->z > r->x);
    }
}

TEST_CASE("on a phone the pain scale, save and the navigation are thumb-sized", "[ui][phone]") {
    UiSession s;
    REQUIRE(s.render(kPhoneW, kPhoneH, kPhoneScale, 4).ok);
    std::vector<std::string> keys;
    for (int n = 0; n <= 10; ++n) keys.push_back("pain:" + std::to_string(n));
    keys.push_back("save");
    for (const auto& info : ui::screenInfos()) keys.push_back("nav:" + std::string(info.name));
    for (const auto& key : keys) {
        const auto r = ui::itemRect(key);
        INFO(key);
        REQUIRE(r.has_value());
        CHECK(r->w - r->y >= kThumb - 0.01f);
    }
    // The navigation bar sits at the bottom of the screen, where a thumb reaches.
    const auto nav = ui::itemRect("nav:log");
    REQUIRE(nav.has_value());
    CHECK(nav->w <= static_cast<float>(kPhoneH) + 0.5f);
    CHECK(nav->y >= static_cast<float>(kPhoneH) * 0.8f);
}

TEST_CASE("on a phone the safe-area insets keep the content clear of the status bar", "[ui][phone]") {
    constexpr float kTop = 24, kBottom = 16;  // logical px
    UiSession s;
    s.app->setSafeArea(kTop * kPhoneScale, kBottom * kPhoneScale);  // window pixels
    REQUIRE(s.render(kPhoneW, kPhoneH, kPhoneScale, 4).ok);
    const auto first = ui::itemRect("pain:0");
    const auto nav = ui::itemRect("nav:settings");
    REQUIRE(first.has_value());
    REQUIRE(nav.has_value());
    CHECK(first->y >= kTop);
    CHECK(nav->w <= static_cast<float>(kPhoneH) - kBottom + 0.5f);
    CHECK(nav->w >= static_cast<float>(kPhoneH) - kBottom - kThumb * 1.5f);  // still at the bottom
}
