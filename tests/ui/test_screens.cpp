#include <catch2/catch.hpp>

#include <tuple>

#include "ui_harness.hpp"

using test::UiSession;

namespace {

void renderEveryScreen(int w, int h, float scale, const char* tag) {
    const auto dir = test::tempDir(tag);
    for (const auto& info : ui::screenInfos()) {
        UiSession s;
        s.app->show(info.id);
        const std::string png = (dir / (std::string(info.name) + ".png")).string();
        auto r = s.render(w, h, scale, 3, png);
        INFO(info.name << ": " << r.error);
        REQUIRE(r.ok);
        int pw = 0, ph = 0;
        const int colours = test::distinctColours(png, &pw, &ph);
        CHECK(pw == static_cast<int>(static_cast<float>(w) * scale + 0.5f));
        CHECK(ph == static_cast<int>(static_cast<float>(h) * scale + 0.5f));
        CHECK(colours > 40);  // text, antialiasing and fills: not a flat image
    }
}

}  // namespace

TEST_CASE("every screen renders headless at desktop size and is not blank", "[ui]") {
    renderEveryScreen(1280, 800, 1.0f, "desktop");
}

TEST_CASE("every screen renders headless at phone size and is not blank", "[ui]") {
    renderEveryScreen(412, 915, 2.625f, "phone");
}

TEST_CASE("the navigation bar switches screens when clicked", "[ui]") {
    for (auto [w, h, scale] : {std::tuple{1280, 800, 1.0f}, std::tuple{412, 915, 2.625f}}) {
        UiSession s;
        REQUIRE(s.app->current() == ui::ScreenId::Log);
        auto r = s.render(w, h, scale, 8, "", test::clickAt("nav:settings", 3));
        REQUIRE(r.ok);
        CHECK(s.app->current() == ui::ScreenId::Settings);
    }
}

TEST_CASE("the theme setting persists in the journal", "[ui]") {
    const auto dir = test::tempDir("theme");
    const std::string db = (dir / "j.db").string();
    {
        UiSession s(db);
        s.app->show(ui::ScreenId::Settings);
        REQUIRE(s.render(800, 600, 1.0f, 8, "", test::clickAt("theme:dark", 3)).ok);
        CHECK(s.app->theme() == ui::ThemeKind::Dark);
    }
    UiSession again(db);
    CHECK(again.app->theme() == ui::ThemeKind::Dark);
    std::filesystem::remove_all(dir);
}

TEST_CASE("the text size setting persists and rebuilds the fonts", "[ui]") {
    const auto dir = test::tempDir("textsize");
    const std::string db = (dir / "j.db").string();
    {
        UiSession s(db);
        s.app->show(ui::ScreenId::Settings);
        REQUIRE(s.render(800, 600, 1.0f, 8, "", test::clickAt("textsize:1.3", 3)).ok);
        CHECK(s.app->fontScale() == Approx(1.3f));
    }
    UiSession again(db);
    CHECK(again.app->fontScale() == Approx(1.3f));
    std::filesystem::remove_all(dir);
}

TEST_CASE("a stored text size is read back (no floating-point from_chars: Android's libc++)", "[ui]") {
    const auto dir = test::tempDir("textsizeread");
    const std::string db = (dir / "j.db").string();
    const std::pair<const char*, float> cases[] = {
        {"1.300000", 1.3f}, {"1.25", 1.25f}, {"2", 2.0f}, {"1.", 1.0f}, {"9.5", 2.0f},
        {"0.5", 0.8f},      {"", 1.0f},      {"big", 1.0f}, {"1,5", 1.0f},
    };
    for (const auto& [text, expected] : cases) {
        INFO("stored: '" << text << "'");
        {
            UiSession s(db);
            REQUIRE(s.store->setSetting("font_scale", std::string(text)));
        }
        UiSession again(db);
        CHECK(again.app->fontScale() == Approx(expected));
    }
    std::filesystem::remove_all(dir);
}

TEST_CASE("delete all my data needs the typed confirmation", "[ui]") {
    const auto dir = test::tempDir("wipeui");
    const std::string db = (dir / "j.db").string();
    UiSession s(db);
    core::Episode e;
    e.startedAt = core::localFromUtc(core::nowUtc() - 60);
    e.pain = 4;
    REQUIRE(s.journal->add(e).ok());
    ui::App::JournalActions actions;
    actions.wipeOwn = [&] { return s.store->wipe(); };
    s.app->setJournalActions(actions);
    s.app->show(ui::ScreenId::Settings);
    // The wrong word deletes nothing.
    auto wrong = test::steps({{"settings:wipe", ""}, {"settings:wipe-text", "delete"}, {"settings:wipe-confirm", ""},
                              {"settings:wipe-cancel", ""}});
    // Tall enough that the data section sits below the region and risk choices without scrolling.
    REQUIRE(s.render(800, 1400, 1.0f, 26, "", wrong).ok);
    CHECK(*s.store->countEpisodes({}) == 1);
    auto right = test::steps({{"settings:wipe", ""}, {"settings:wipe-text", "DELETE"}, {"settings:wipe-confirm", ""}});
    REQUIRE(s.render(800, 1400, 1.0f, 22, "", right).ok);
    CHECK(*s.store->countEpisodes({}) == 0);
    std::filesystem::remove_all(dir);
}

TEST_CASE("Settings asks whether a time-bound risk is still true, and the answer is saved", "[ui][redflags]") {
    UiSession s;
    REQUIRE(s.store->setSetting("risks", "long_journey@0;recent_surgery@0;hormones@0").ok());
    s.app->show(ui::ScreenId::Settings);
    auto script = test::clickAll({"risk-gone:long_journey", "risk-still:recent_surgery"});
    REQUIRE(s.render(1000, 1100, 1.0f, 14, "", script).ok);
    auto profile = s.journal->profile();
    REQUIRE(profile.ok());
    CHECK(profile->riskNames() == std::vector<std::string>{"hormones", "recent_surgery"});
    CHECK(profile->dueForReview(s.journal->now()).empty());  // renewed: asked again in 12 weeks
    // The region chosen in Settings is the one the advice names.
    REQUIRE(s.render(1000, 1100, 1.0f, 8, "", test::clickAll({"region:nz"})).ok);
    CHECK(s.journal->region() == "nz");
}
