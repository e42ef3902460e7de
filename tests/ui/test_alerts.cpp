#include <catch2/catch.hpp>

#include <climits>

#include "ui/widgets.hpp"
#include "ui_harness.hpp"

using test::UiSession;

namespace {

core::Episode episodeWith(std::vector<std::string> symptoms, int pain = 5) {
    core::Episode e;
    e.startedAt = core::localFromUtc(core::nowUtc() - 600);
    e.pain = pain;
    e.side = "right";
    e.symptoms = std::move(symptoms);
    return e;
}

}  // namespace

TEST_CASE("an emergency logged on the Log screen is pinned until acknowledged", "[ui][alerts]") {
    UiSession s;
    auto script = test::tapSequence({"pain:5", "symptom:breathless", "save"}, 30, 80, 700);
    REQUIRE(s.render(1280, 800, 1.0f, 80, "", script).ok);
    auto pending = s.store->pendingAlerts(core::Level::Urgent);
    REQUIRE(pending.ok());
    REQUIRE(pending->size() == 1);
    CHECK(pending->front().level == core::Level::Emergency);
    CHECK(pending->front().ruleIds == std::vector<std::string>{"E1"});
    // The banner stays on every screen: switch to History, then acknowledge there.
    s.app->show(ui::ScreenId::History);
    REQUIRE(s.render(1280, 800, 1.0f, 8, "", test::clickAt("alert:ack", 3)).ok);
    auto after = s.store->pendingAlerts(core::Level::Urgent);
    REQUIRE(after.ok());
    CHECK(after->empty());
    auto all = s.store->alerts({});
    REQUIRE(all.ok());
    REQUIRE(all->size() == 1);
    CHECK(all->front().acknowledgedAtUtc.has_value());
}

TEST_CASE("why am I seeing this opens the rule on the Guidance screen", "[ui][alerts]") {
    UiSession s;
    REQUIRE(s.journal->add(episodeWith({"calf_swelling", "warmth"})).ok());
    REQUIRE(s.render(412, 915, 2.625f, 8, "", test::clickAt("alert:why", 3)).ok);
    CHECK(s.app->current() == ui::ScreenId::Guidance);
    // The rule view offers the way back to the list.
    REQUIRE(s.render(412, 915, 2.625f, 4).ok);
    CHECK(ui::itemCenter("guidance:back").has_value());
}

TEST_CASE("a soon result shows once on the Log screen and OK dismisses it", "[ui][alerts]") {
    UiSession s;
    auto script = test::tapSequence({"pain:3", "symptom:lump", "save"}, 30, 80, 700);
    REQUIRE(s.render(1280, 800, 1.0f, 60, "", script).ok);
    REQUIRE(s.render(1280, 800, 1.0f, 2).ok);
    CHECK(ui::itemCenter("alert:ok").has_value());
    auto pending = s.store->pendingAlerts(core::Level::Urgent);
    REQUIRE(pending.ok());
    CHECK(pending->empty());  // soon is not pinned
    REQUIRE(s.render(1280, 800, 1.0f, 8, "", test::clickAt("alert:ok", 3)).ok);
    ui::setItemRecording(true);  // forget last frames' items
    REQUIRE(s.render(1280, 800, 1.0f, 2).ok);
    CHECK_FALSE(ui::itemCenter("alert:ok").has_value());
}

TEST_CASE("the first-run disclaimer is shown once and its acknowledgement stored", "[ui][alerts]") {
    const auto dir = test::tempDir("disclaimer");
    const std::string db = (dir / "j.db").string();
    {
        auto store = db::JournalStore::open(db);
        REQUIRE(store.ok());
        core::Journal journal(**store);
        ui::App app(&journal, test::buildTreeAssets());
        ui::setItemRecording(true);
        platform::FrameHooks hooks;
        hooks.setup = [&](float sc) { app.setup(sc); };
        hooks.frame = [&] { app.frame(); };
        platform::HeadlessConfig cfg;
        cfg.frames = 10;
        cfg.input = test::clickAt("disclaimer:ok", 3);
        REQUIRE(platform::runHeadless(cfg, hooks).ok);
        auto stored = (*store)->setting("disclaimer_acknowledged");
        REQUIRE(stored.ok());
        CHECK(stored->has_value());
    }
    std::filesystem::remove_all(dir);
}

TEST_CASE("the Guidance screen lists every article and opens one", "[ui][alerts]") {
    UiSession s;
    s.app->show(ui::ScreenId::Guidance);
    REQUIRE(s.app->articles().size() == 13);
    auto script = test::tapSequence({"article:dvt"}, 30, 80, 700);
    REQUIRE(s.render(1280, 800, 1.0f, 40, "", script).ok);
    CHECK(ui::itemCenter("guidance:back").has_value());
}
