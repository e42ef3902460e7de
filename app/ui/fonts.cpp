#include "ui/fonts.hpp"

namespace ui {

namespace {

Fonts g_fonts;
ImVector<ImWchar> g_ranges;

// Latin-1 plus the punctuation and symbols the texts use ("–", "’", "€", "°", "✓", "⚠", arrows).
const ImWchar* glyphRanges() {
    if (!g_ranges.empty()) return g_ranges.Data;
    ImFontGlyphRangesBuilder b;
    b.AddRanges(ImGui::GetIO().Fonts->GetGlyphRangesDefault());  // Basic Latin + Latin-1 Supplement
    static const ImWchar kExtra[] = {0x0100, 0x017F,  // Latin Extended-A (ő, ł, š ...)
                                     0x2010, 0x2027,  // dashes, quotes, bullet, ellipsis
                                     0x2030, 0x203A, 0x20AC, 0x20AC, 0x2122, 0x2122, 0x2190, 0x2195,
                                     0x2212, 0x2212, 0x2264, 0x2265, 0x25B2, 0x25BC, 0x25CF, 0x25CF,
                                     0x26A0, 0x26A0, 0x2713, 0x2717, 0};
    b.AddRanges(kExtra);
    b.BuildRanges(&g_ranges);
    return g_ranges.Data;
}

ImFont* addTtf(const std::string& ttf, float size) {
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;  // the bytes stay owned by the caller's string
    cfg.OversampleH = 2;
    cfg.PixelSnapH = false;
    return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<char*>(ttf.data()), static_cast<int>(ttf.size()),
                                                      size, &cfg, glyphRanges());
}

ImFont* addDefault(float size) {
    ImFontConfig cfg;
    cfg.SizePixels = size;
    return ImGui::GetIO().Fonts->AddFontDefault(&cfg);
}

}  // namespace

Fonts buildFonts(const std::string& regularTtf, const std::string& boldTtf, float pixelSize) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    const std::string& bold = boldTtf.empty() ? regularTtf : boldTtf;
    Fonts f;
    if (regularTtf.empty()) {
        f.regular = addDefault(pixelSize);
        f.bold = f.regular;
        f.heading = addDefault(pixelSize * 1.35f);
        f.huge = addDefault(pixelSize * 1.8f);
        f.small = addDefault(pixelSize * 0.82f);
        f.smallBold = f.small;
    } else {
        f.regular = addTtf(regularTtf, pixelSize);
        f.bold = addTtf(bold, pixelSize);
        f.heading = addTtf(bold, pixelSize * 1.35f);
        f.huge = addTtf(bold, pixelSize * 1.8f);
        f.small = addTtf(regularTtf, pixelSize * 0.82f);
        f.smallBold = addTtf(bold, pixelSize * 0.82f);
    }
    io.Fonts->Build();
    io.FontDefault = f.regular;
    g_fonts = f;
    return f;
}

const Fonts& fonts() { return g_fonts; }

}  // namespace ui
