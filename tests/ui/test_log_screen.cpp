#include <catch2/catch.hpp>

#include <climits>
#include <cstdlib>
#include <ctime>

#include "core/vocabulary.hpp"
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
    // Redness is not ticked, so U7 does not fire; a new hot, swollen knee is U8 (red flags v2), which
    // takes the place of the lone-sign S4.
    auto alerts = s.store->alerts({});
    REQUIRE(alerts.ok());
    REQUIRE(alerts->size() == 1);
    CHECK(alerts->front().ruleIds == std::vector<std::string>{"U8"});
    CHECK(alerts->front().level == core::Level::Urgent);
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

TEST_CASE("after midnight the Log screen offers it was yesterday evening in one tap", "[ui][log]") {
    // A fixed-offset time zone in which it is now between 02:00 and 03:00.
    const int64_t now = core::nowUtc();
    int offsetHours = (2 - static_cast<int>((now % 86400) / 3600) + 24) % 24;
    if (offsetHours > 14) offsetHours -= 24;
    const char* old = std::getenv("TZ");
    const std::string saved = old ? old : "";
    const std::string tz = "KLT" + std::string(offsetHours > 0 ? "-" : "+") + std::to_string(std::abs(offsetHours));
    setenv("TZ", tz.c_str(), 1);
    tzset();
    {
        UiSession s;
        auto r = s.render(412, 915, 2.625f, 20, "", test::clickAll({"yesterday-evening", "pain:4", "save"}));
        REQUIRE(r.ok);
        auto episodes = s.store->episodes({}, INT_MAX, 0);
        REQUIRE(episodes.ok());
        REQUIRE(episodes->size() == 1);
        const core::LocalDateTime local = core::localFromUtc(now);
        CHECK(episodes->front().startedAt.date == core::addDays(local.date, -1));
        CHECK(episodes->front().startedAt.hour == 23);
        CHECK(episodes->front().startedAt.minute == 30);
    }
    if (old) setenv("TZ", saved.c_str(), 1); else unsetenv("TZ");
    tzset();
}

TEST_CASE("a back-dated time in the future is refused with a clear message", "[ui][log]") {
    UiSession s;
    auto script = test::steps({{"change-time", ""}, {"time-text", "2999-01-01 10:00"}, {"time-apply", ""},
                               {"pain:5", ""}, {"save", ""}});
    REQUIRE(s.render(1280, 800, 1.0f, 30, "", script).ok);
    auto episodes = s.store->episodes({}, INT_MAX, 0);
    REQUIRE(episodes.ok());
    REQUIRE(episodes->size() == 1);
    // The refused time was not taken: the episode is logged now, not in 2999.
    CHECK(episodes->front().startedAt.date.year < 2999);
}

// [SECTION] Red flags version 2 on the Log screen

TEST_CASE("a leg sign asks which leg, preselected to the knee side, and the leg is saved", "[ui][log][redflags]") {
    UiSession s;
    auto script = test::tapSequence({"pain:4", "side:right", "symptom:calf_pain", "leg:right", "save"}, 30, 80, 700);
    REQUIRE(s.render(1280, 800, 1.0f, 200, "", script).ok);
    auto episodes = s.store->episodes({}, INT_MAX, 0);
    REQUIRE(episodes.ok());
    REQUIRE(episodes->size() == 1);
    CHECK(episodes->front().side == "right");
    // Tapping the preselected "Right leg" again clears it (allowNone): the test proves it was preselected.
    CHECK(episodes->front().leg.empty());

    UiSession t;
    auto kept = test::tapSequence({"pain:4", "side:left", "symptom:calf_swelling", "save"}, 30, 80, 700);
    REQUIRE(t.render(1280, 800, 1.0f, 200, "", kept).ok);
    auto saved = t.store->episodes({}, INT_MAX, 0);
    REQUIRE(saved->size() == 1);
    CHECK(saved->front().leg == "left");
}

TEST_CASE("the follow-up questions open below every symptom chip, so no chip moves", "[ui][log][redflags]") {
    for (const char* sign : {"symptom:swelling", "symptom:calf_pain"}) {
        INFO(sign);
        UiSession s;
        // A phone-narrow layout, tall enough that every chip is on screen without scrolling.
        REQUIRE(s.render(412, 3200, 1.0f, 4).ok);
        // Every symptom chip, before and after the tap that opens the questions.
        std::vector<std::pair<std::string, ImVec4>> before;
        for (const auto& t : core::symptomTerms()) {
            const std::string key = "symptom:" + std::string(t.name);
            if (auto r = ui::itemRect(key)) before.emplace_back(key, *r);
        }
        REQUIRE(before.size() > 10);
        auto c = ui::itemCenter(sign);
        REQUIRE(c.has_value());
        REQUIRE(c->y < 3000);
        REQUIRE(s.render(412, 3200, 1.0f, 8, "", test::clickAll({sign})).ok);
        CHECK(ui::itemCenter("followup:fever").has_value());
        for (const auto& [key, rect] : before) {
            INFO(key);
            auto now = ui::itemRect(key);
            REQUIRE(now.has_value());
            CHECK(now->y == rect.y);
            CHECK(now->x == rect.x);
        }
    }
}

TEST_CASE("a temperature typed on the Log screen is saved, and an unreadable one blocks Save", "[ui][log][redflags]") {
    UiSession s;
    auto bad = test::steps({{"pain:3", ""}, {"symptom:warmth", ""}, {"temperature", "44.5"}, {"save", ""}});
    REQUIRE(s.render(1280, 2400, 1.0f, 40, "", bad).ok);
    CHECK(*s.store->countEpisodes({}) == 0);
    UiSession t;
    auto good = test::steps({{"pain:3", ""}, {"symptom:warmth", ""}, {"temperature", "38.4"}, {"save", ""}});
    REQUIRE(t.render(1280, 2400, 1.0f, 40, "", good).ok);
    auto episodes = t.store->episodes({}, INT_MAX, 0);
    REQUIRE(episodes->size() == 1);
    CHECK(episodes->front().temperatureTenths == std::optional<int>(384));
    auto alerts = t.store->alerts({});
    REQUIRE(alerts->size() == 1);
    CHECK(alerts->front().ruleIds == std::vector<std::string>{"U3"});  // fever with pain: today
}

TEST_CASE("after a save from far down the form, the next entry starts at the top", "[ui][log]") {
    UiSession s;
    const int h = 915;
    auto script = test::tapSequence({"pain:3", "symptom:popping", "care:physio", "save"}, 30, 80, h - 250);
    REQUIRE(s.render(412, h, 1.0f, 160, "", script).ok);
    REQUIRE(*s.store->countEpisodes({}) == 1);
    // The form was scrolled down to reach "Physio exercises"; after Save the pain scale is back in view.
    auto pain = ui::itemRect("pain:0");
    REQUIRE(pain.has_value());
    CHECK(pain->y >= 0);
    CHECK(pain->w < static_cast<float>(h) * 0.6f);
}
