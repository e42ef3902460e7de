#include "ui/fonts.hpp"

#include <algorithm>

#include "core/journal.hpp"

namespace ui {

namespace {

Fonts g_fonts;
ImVector<ImWchar> g_ranges, g_cjkRanges;

constexpr char32_t kFirstCjk = 0x2E80;  // CJK radicals onwards: from the CJK font (as in the PDF)

bool fromCjk(char32_t c) { return c >= kFirstCjk && c <= 0xFFFF; }

// Latin-1 plus the punctuation and symbols the texts use ("–", "’", "€", "°", "✓", "⚠", arrows,
// the missing mark), plus the journal's own characters below the CJK blocks.
const ImWchar* glyphRanges(const std::vector<char32_t>& typed) {
    ImFontGlyphRangesBuilder b;
    b.AddRanges(ImGui::GetIO().Fonts->GetGlyphRangesDefault());  // Basic Latin + Latin-1 Supplement
    static const ImWchar kExtra[] = {0x0100, 0x017F,  // Latin Extended-A (ő, ł, š ...)
                                     0x2010, 0x2027,  // dashes, quotes, bullet, ellipsis
                                     0x2030, 0x203A, 0x20AC, 0x20AC, 0x2122, 0x2122, 0x2190, 0x2195,
                                     0x2212, 0x2212, 0x2264, 0x2265, 0x25A1, 0x25A1, 0x25B2, 0x25BC,
                                     0x25CF, 0x25CF, 0x26A0, 0x26A0, 0x2713, 0x2717, 0};
    b.AddRanges(kExtra);
    for (char32_t c : typed)
        if (c < kFirstCjk) b.AddChar(static_cast<ImWchar>(c));
    g_ranges.clear();
    b.BuildRanges(&g_ranges);
    return g_ranges.Data;
}

// Just the journal's CJK characters; nullptr when there are none.
const ImWchar* cjkRanges(const std::vector<char32_t>& typed) {
    ImFontGlyphRangesBuilder b;
    bool any = false;
    for (char32_t c : typed) {
        if (!fromCjk(c)) continue;
        b.AddChar(static_cast<ImWchar>(c));
        any = true;
    }
    g_cjkRanges.clear();
    if (!any) return nullptr;
    b.BuildRanges(&g_cjkRanges);
    return g_cjkRanges.Data;
}

// The atlas reads the caller's bytes in place: ImGui would copy them for every font added when it
// does not own them (six copies of DejaVu, five of the 16 MB CJK font), so it is told it owns
// them, and forgetBytes() takes them back right after the build, before it could free them.
ImFont* addTtf(std::string_view ttf, float size, const ImWchar* ranges, bool merge = false) {
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = true;  // no copy; see forgetBytes()
    // No horizontal oversampling, glyphs on whole pixels: crisp at every text size, and half the
    // atlas (and baking time) of OversampleH = 2 (tests/bench/startup.sh).
    cfg.OversampleH = 1;
    cfg.PixelSnapH = true;
    cfg.MergeMode = merge;
    return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<char*>(ttf.data()), static_cast<int>(ttf.size()),
                                                      size, &cfg, ranges);
}

ImFont* addDefault(float size) {
    ImFontConfig cfg;
    cfg.SizePixels = size;
    return ImGui::GetIO().Fonts->AddFontDefault(&cfg);
}

// The glyphs are in the atlas: the TTF bytes (the caller's) are no longer read, and never freed
// by ImGui. Only buildFonts() builds the atlas again, after Clear(), with the bytes given anew.
void forgetBytes() {
    for (ImFontConfig& c : ImGui::GetIO().Fonts->ConfigData) {
        c.FontData = nullptr;
        c.FontDataSize = 0;
        c.FontDataOwnedByAtlas = false;
    }
}

// Each font draws a character it lacks as the missing mark (ImGui would pick '?').
void markMissing(ImFont* font) {
    if (!font || !font->FindGlyphNoFallback(kMissingMark)) return;
    font->FallbackChar = kMissingMark;
    font->BuildLookupTable();
}

}  // namespace

bool TypedText::refresh(core::Journal* journal, uint64_t dataVersion) {
    if (!journal || dataVersion == version) return false;
    version = dataVersion;
    auto read = journal->typedCharacters();
    if (!read || *read == characters) return false;  // unreadable: the screens report it; keep the last set
    characters = std::move(*read);
    return true;
}

bool TypedText::needsCjk() const { return std::any_of(characters.begin(), characters.end(), fromCjk); }

Fonts buildFonts(std::string_view regularTtf, std::string_view boldTtf, float pixelSize, const TypedText& typed) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    // The atlas is as tall as its glyphs need, not rounded up to a power of two (up to half of it
    // empty): every renderer SDL offers, GLES2 on Android included, takes such a texture.
    io.Fonts->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    const std::string_view bold = boldTtf.empty() ? regularTtf : boldTtf;
    Fonts f;
    if (regularTtf.empty()) {
        f.regular = addDefault(pixelSize);
        f.bold = f.regular;
        f.heading = addDefault(pixelSize * 1.35f);
        f.huge = addDefault(pixelSize * 1.8f);
        f.small = addDefault(pixelSize * 0.82f);
        f.smallBold = f.small;
    } else {
        const ImWchar* ranges = glyphRanges(typed.characters);
        const ImWchar* cjk = typed.loadCjkTtf ? cjkRanges(typed.characters) : nullptr;
        // Mapped, not read: stb_truetype touches only the tables and glyphs it bakes (fonts.md).
        const SharedBytes cjkTtf = cjk ? typed.loadCjkTtf() : nullptr;
        // Each text font, followed by the journal's CJK characters merged into it.
        auto add = [&](std::string_view ttf, float size) {
            ImFont* font = addTtf(ttf, size, ranges);
            if (cjkTtf && !cjkTtf->empty()) addTtf(*cjkTtf, size, cjk, true);
            return font;
        };
        f.regular = add(regularTtf, pixelSize);
        f.bold = add(bold, pixelSize);
        f.heading = add(bold, pixelSize * 1.35f);
        static const ImWchar kDigits[] = {0x0020, 0x003F, 0x25A1, 0x25A1, 0};  // the pain numbers (and the missing mark)
        f.huge = addTtf(bold, pixelSize * 1.8f, kDigits);
        f.small = add(regularTtf, pixelSize * 0.82f);
        f.smallBold = add(bold, pixelSize * 0.82f);
        io.Fonts->Build();  // before cjkTtf's bytes go: the glyphs are in the atlas from here on
        forgetBytes();
    }
    if (!io.Fonts->IsBuilt()) io.Fonts->Build();
    for (ImFont* font : {f.regular, f.bold, f.heading, f.huge, f.small, f.smallBold}) markMissing(font);
    io.FontDefault = f.regular;
    g_fonts = f;
    return f;
}

const Fonts& fonts() { return g_fonts; }

}  // namespace ui
