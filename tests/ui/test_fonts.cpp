// The window's fonts hold the journal's own characters: Greek from DejaVu, Japanese from the CJK
// font (read only when the journal has such text, not per frame), and a character no font has
// falls back to the visible mark U+25A1.
#include <catch2/catch.hpp>

#include <imgui.h>

#include "pdf/pdf_report.hpp"
#include "platform/platform.hpp"
#include "ui/fonts.hpp"
#include "ui_harness.hpp"

namespace {

core::Episode withNote(const std::string& note) {
    core::Episode e;
    e.startedAt = core::localFromUtc(core::nowUtc() - 3600);
    e.pain = 3;
    e.note = note;
    return e;
}

struct Glyphs {
    bool omega = false, knee = false, mountain = false, fallbackIsMark = false;
};

// Looks at the regular font inside a frame (the atlas lives as long as the ImGui context).
std::function<std::optional<platform::ScriptedInput>(int)> look(Glyphs& g) {
    return [&g](int) -> std::optional<platform::ScriptedInput> {
        const ImFont* f = ui::fonts().regular;
        g.omega = f->FindGlyphNoFallback(0x03A9) != nullptr;     // Ω
        g.knee = f->FindGlyphNoFallback(0x819D) != nullptr;      // 膝
        g.mountain = f->FindGlyphNoFallback(0x5C71) != nullptr;  // 山, in no note
        g.fallbackIsMark = f->FallbackChar == ui::kMissingMark;
        return platform::ScriptedInput{};
    };
}

}  // namespace

TEST_CASE("fonts: the journal's characters are baked, CJK read only when present, a missing one shows the mark",
          "[ui][fonts]") {
    const std::string cjkFont = pdf::cjkFontPath();
    if (!std::filesystem::exists(cjkFont)) FAIL("install fonts-wqy-zenhei (" << cjkFont << ")");
    int reads = 0;
    test::UiSession s(":memory:", [&](ui::Assets& a) {
        a.loadCjkTtf = [&reads, cjkFont] {
            ++reads;
            return platform::mapFile(cjkFont);
        };
    });
    s.app->show(ui::ScreenId::History);
    REQUIRE(s.journal->add(withNote("after the walk, Ωμέγα")).ok());
    Glyphs latin;
    s.render(412, 915, 1.0f, 4, "", look(latin));
    CHECK(reads == 0);  // no CJK text: the font is never read
    CHECK(latin.omega);
    CHECK_FALSE(latin.knee);
    CHECK(latin.fallbackIsMark);

    REQUIRE(s.journal->add(withNote("膝の裏が痛い 😣")).ok());
    Glyphs japanese;
    s.render(412, 915, 1.0f, 8, "", look(japanese));
    CHECK(reads == 1);  // read once for the new characters, not once a frame
    CHECK(japanese.knee);
    CHECK(japanese.omega);
    CHECK_FALSE(japanese.mountain);  // just the characters present
    CHECK(japanese.fallbackIsMark);
}
