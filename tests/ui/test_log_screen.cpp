#include <catch2/catch.hpp>

#include <climits>

#include "ui/widgets.hpp"
#include "ui_harness.hpp"

using test::UiSession;

namespace {

void logPainSevenWithSwellingAndWarmth(int w, int h, float scale) {
    UiSession s;
    const float footer = 90;  // the Save bar and, on phones, the navigation bar stay fixed
    auto script = test::tapSequence({"pain:7", "symptom:swelling", "symptom:warmth", "save"}, 30, 80,
                                    static_cast<float>(h) - footer - (w < 600 ? 80 : 0));
    auto r = s.render(w, h, scale, 160, "", script);
    REQUIRE(r.ok);
    auto episodes = s.store->episodes({}, INT_MAX, 0);
    REQUIRE(episodes.ok());
    REQUIRE(episodes->size() == 1);
    const core::Episode& e = episodes->front();
    CHECK(e.pain == 7);
    CHECK(e.symptoms == std::vector<std::string>{"swelling", "warmth"});
    CHECK(e.when.empty());
    CHECK(e.note.empty());
    // Redness is not ticked, so U7 does not fire; warmth alone is a sign of inflammation (S4).
    auto alerts = s.store->alerts({});
    REQUIRE(alerts.ok());
    REQUIRE(alerts->size() == 1);
    CHECK(alerts->front().ruleIds == std::vector<std::string>{"S4"});
}

}  // namespace

TEST_CASE("the Log screen saves pain 7 with swelling and warmth at desktop size", "[ui][log]") {
    logPainSevenWithSwellingAndWarmth(1280, 800, 1.0f);
}

TEST_CASE("the Log screen saves pain 7 with swelling and warmth at phone size", "[ui][log]") {
    logPainSevenWithSwellingAndWarmth(412, 915, 2.625f);
}

TEST_CASE("a pain-only entry takes two taps", "[ui][log]") {
    UiSession s;
    auto r = s.render(412, 915, 2.625f, 20, "", test::clickAll({"pain:3", "save"}));
    REQUIRE(r.ok);
    auto episodes = s.store->episodes({}, INT_MAX, 0);
    REQUIRE(episodes.ok());
    REQUIRE(episodes->size() == 1);
    CHECK(episodes->front().pain == 3);
}

TEST_CASE("Save does nothing until a pain number is chosen", "[ui][log]") {
    UiSession s;
    auto r = s.render(1280, 800, 1.0f, 12, "", test::clickAll({"save", "symptom:swelling", "save"}));
    REQUIRE(r.ok);
    auto count = s.store->countEpisodes({});
    REQUIRE(count.ok());
    CHECK(*count == 0);
}

TEST_CASE("the last side used is remembered for the next entry", "[ui][log]") {
    const auto dir = test::tempDir("lastside");
    const std::string db = (dir / "j.db").string();
    {
        UiSession s(db);
        REQUIRE(s.render(1280, 800, 1.0f, 14, "", test::clickAll({"pain:4", "side:right", "save"})).ok);
    }
    UiSession again(db);
    REQUIRE(again.render(1280, 800, 1.0f, 12, "", test::clickAll({"pain:2", "save"})).ok);
    auto episodes = again.store->episodes({}, INT_MAX, 0);
    REQUIRE(episodes.ok());
    REQUIRE(episodes->size() == 2);
    for (const auto& e : *episodes) CHECK(e.side == "right");
    std::filesystem::remove_all(dir);
}

TEST_CASE("typing in the note opens the text input and counts characters", "[ui][log]") {
    UiSession s;
    auto tap = test::tapSequence({"note"}, 30, 80, 915 - 170);
    auto script = [tap](int f) -> std::optional<platform::ScriptedInput> {
        if (f < 60) return tap(f);
        platform::ScriptedInput in;
        if (f == 62) in.text = "Stairs were bad, \xC3\xA4 \xE2\x80\x93 ok";
        return in;
    };
    REQUIRE(s.render(412, 915, 2.625f, 70, "", script).ok);
    REQUIRE_FALSE(s.textInputEdges.empty());
    CHECK(s.textInputEdges.front() == true);
}
