// What a phone does to the app, checked without one: the headless runner delivers the real SDL
// events (AC_BACK, SDL_APP_WILLENTERBACKGROUND, SDL_RENDER_DEVICE_RESET) to the same handler the
// window uses, and the soft keyboard's rule is a plain function.
#include <catch2/catch.hpp>

#include <climits>
#include <filesystem>
#include <string>

#include "ui/widgets.hpp"
#include "ui_harness.hpp"

using platform::KeyboardStep;
using platform::ScriptedInput;
using test::UiSession;

namespace {

// Nothing but one system event at frame `at`.
std::function<std::optional<ScriptedInput>(int)> systemAt(ScriptedInput::System what, int at) {
    return [what, at](int f) -> std::optional<ScriptedInput> {
        ScriptedInput in;
        if (f == at) in.system = what;
        return in;
    };
}

}  // namespace

TEST_CASE("back at the root goes to the system; elsewhere the app uses it", "[ui][android]") {
    UiSession s;
    auto r = s.render(412, 915, 2.625f, 4, "", systemAt(ScriptedInput::System::Back, 2));
    REQUIRE(r.ok);
    CHECK(r.backToSystem == 1);  // Log screen, nothing open: SDL_AndroidBackButton() on Android
    CHECK(s.app->current() == ui::ScreenId::Log);

    s.app->show(ui::ScreenId::History);
    r = s.render(412, 915, 2.625f, 4, "", systemAt(ScriptedInput::System::Back, 2));
    REQUIRE(r.ok);
    CHECK(r.backToSystem == 0);
    CHECK(s.app->current() == ui::ScreenId::Log);
}

TEST_CASE("a lost render device uploads the font texture again", "[ui][android]") {
    UiSession s;
    auto r = s.render(412, 915, 2.625f, 4, "", systemAt(ScriptedInput::System::RenderDeviceReset, 2));
    REQUIRE(r.ok);
    CHECK(r.fontTextureUploads == 2);  // the first frame, and the frame after the reset
    r = s.render(412, 915, 2.625f, 4);
    REQUIRE(r.ok);
    CHECK(r.fontTextureUploads == 1);  // no reset: the first frame only
}

TEST_CASE("going to the background keeps the unsaved form for the next start", "[ui][android]") {
    const auto dir = test::tempDir("draft");
    const std::string db = (dir / "j.db").string();
    {
        UiSession first(db);
        auto script = [taps = test::clickAll({"pain:7", "side:left", "type:sharp"})](int f) -> std::optional<ScriptedInput> {
            auto in = taps(f);
            if (f == 14 && in) in->system = ScriptedInput::System::EnterBackground;
            return in;
        };
        // Tall enough that "Sharp" is on screen below the knee map without scrolling.
        REQUIRE(first.render(412, 2400, 2.625f, 16, "", script).ok);
        auto count = first.store->countEpisodes({});
        REQUIRE(count.ok());
        CHECK(*count == 0);  // kept, not saved
    }
    {
        UiSession again(db);  // the process was ended in the background; a new start
        REQUIRE(again.render(412, 915, 2.625f, 10, "", test::clickAll({"save"})).ok);
        auto episodes = again.store->episodes({}, INT_MAX, 0);
        REQUIRE(episodes.ok());
        REQUIRE(episodes->size() == 1);
        CHECK(episodes->front().pain == 7);
        CHECK(episodes->front().side == "left");
        CHECK(episodes->front().painType == "sharp");
    }
    {
        UiSession third(db);  // restored once: after the save the form is fresh
        REQUIRE(third.render(412, 915, 2.625f, 8, "", systemAt(ScriptedInput::System::EnterBackground, 4)).ok);
        auto draft = third.store->setting("log_draft");
        REQUIRE(draft.ok());
        CHECK((!draft->has_value() || (*draft)->empty()));
    }
    std::filesystem::remove_all(dir);
}

TEST_CASE("back in the foreground the kept form leaves the journal again", "[ui][android]") {
    UiSession s;
    auto script = [taps = test::clickAll({"pain:5"})](int f) -> std::optional<ScriptedInput> {
        auto in = taps(f);
        if (f == 8) in->system = ScriptedInput::System::EnterBackground;
        if (f == 10) in->system = ScriptedInput::System::EnterForeground;
        return in;
    };
    REQUIRE(s.render(412, 915, 2.625f, 9, "", script).ok);
    auto kept = s.store->setting("log_draft");
    REQUIRE(kept.ok());
    REQUIRE(kept->has_value());
    CHECK_FALSE((*kept)->empty());  // in the background: kept
    REQUIRE(s.render(412, 915, 2.625f, 12, "", script).ok);
    kept = s.store->setting("log_draft");
    REQUIRE(kept.ok());
    CHECK((!kept->has_value() || (*kept)->empty()));  // running again: the form is in memory only
}

TEST_CASE("a draft that is not one is ignored", "[ui][android]") {
    const auto dir = test::tempDir("baddraft");
    const std::string db = (dir / "j.db").string();
    {
        UiSession s(db);
        REQUIRE(s.store->setSetting("log_draft", "kneelog-draft 1 0 1 1\nnot,a,csv"));
    }
    UiSession again(db);
    REQUIRE(again.render(412, 915, 2.625f, 4).ok);
    CHECK_FALSE(ui::itemRect("cancel").has_value());  // a fresh entry, not an edit
    std::filesystem::remove_all(dir);
}

TEST_CASE("the soft keyboard: shown for a new field, again on a tap after the person hid it", "[ui][android]") {
    using platform::keyboardStep;
    // wanted, wantedBefore, active (SDL_IsTextInputActive), tapped
    CHECK(keyboardStep(true, false, false, true) == KeyboardStep::Show);   // a field was tapped
    CHECK(keyboardStep(true, true, true, false) == KeyboardStep::Keep);    // typing
    CHECK(keyboardStep(true, true, false, false) == KeyboardStep::Keep);   // the person hid it: stays hidden
    CHECK(keyboardStep(true, true, false, true) == KeyboardStep::Show);    // ...until they tap the field again
    CHECK(keyboardStep(false, true, true, true) == KeyboardStep::Hide);    // tapped elsewhere
    CHECK(keyboardStep(false, false, false, false) == KeyboardStep::Keep);
}

TEST_CASE("on a phone in landscape the left and right insets keep the content clear", "[ui][phone][android]") {
    constexpr int kW = 915, kH = 412;
    constexpr float kScale = 2.625f, kLeft = 40, kRight = 24, kTop = 0, kBottom = 0;  // logical px
    UiSession s;
    s.app->setSafeArea(kTop * kScale, kBottom * kScale, kLeft * kScale, kRight * kScale);  // window pixels
    REQUIRE(s.render(kW, kH, kScale, 4).ok);
    for (const char* key : {"pain:0", "pain:10", "save"}) {
        const auto r = ui::itemRect(key);
        INFO(key);
        REQUIRE(r.has_value());
        CHECK(r->x >= kLeft - 0.5f);
        CHECK(r->z <= static_cast<float>(kW) - kRight + 0.5f);
    }
}

TEST_CASE("checkpoint empties the write-ahead log into the journal file", "[ui][android]") {
    const auto dir = test::tempDir("checkpoint");
    const std::string db = (dir / "j.db").string();
    UiSession s(db);
    core::Episode e;
    e.startedAt = core::localFromUtc(core::nowUtc() - 60);
    e.pain = 3;
    REQUIRE(s.journal->add(e));
    REQUIRE(std::filesystem::file_size(db + "-wal") > 0);
    REQUIRE(s.store->checkpoint());
    CHECK(std::filesystem::file_size(db + "-wal") == 0);
    std::filesystem::remove_all(dir);
}
