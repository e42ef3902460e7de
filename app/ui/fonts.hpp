#pragma once
// Fonts baked at the DPI-scaled size: DejaVu Sans when available, ImGui's built-in font otherwise.
#include <imgui.h>

#include <string>

namespace ui {

struct Fonts {
    ImFont* regular = nullptr;
    ImFont* bold = nullptr;
    ImFont* heading = nullptr;  // bold, larger
    ImFont* huge = nullptr;     // bold, for the pain numbers
    ImFont* small = nullptr;    // the bottom navigation bar on phones
    ImFont* smallBold = nullptr;
};

// TTF bytes (may be empty: the built-in font is used). Rebuilds io.Fonts.
Fonts buildFonts(const std::string& regularTtf, const std::string& boldTtf, float pixelSize);
const Fonts& fonts();

// n times the current font size: every size in the screens is expressed with it.
inline float em(float n) { return n * ImGui::GetFontSize(); }

}  // namespace ui
