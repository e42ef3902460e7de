#pragma once
// Drawing helpers shared by the charts and the row lists: colours as ImU32, text measured and
// centred in a given font.
#include <imgui.h>

#include <cfloat>
#include <cmath>

namespace ui {

inline ImU32 u32(const ImVec4& c, float alpha = 1.0f) { return ImGui::GetColorU32(ImVec4(c.x, c.y, c.z, c.w * alpha)); }

inline ImVec2 textSize(ImFont* font, const char* text) { return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, text); }

// Text centred on `c` in the given font.
inline void centredText(ImDrawList* dl, ImFont* font, ImVec2 c, ImU32 col, const char* text) {
    const ImVec2 ts = textSize(font, text);
    dl->AddText(font, font->FontSize, ImVec2(std::round(c.x - ts.x * 0.5f), std::round(c.y - ts.y * 0.5f)), col, text);
}

}  // namespace ui
