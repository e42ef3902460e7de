#include "ui/marks.hpp"

#include "ui/draw.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"

namespace ui {

std::string fitText(const std::string& text, float width) {
    if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
    size_t lo = 0, hi = text.size();
    while (lo < hi) {
        size_t mid = (lo + hi + 1) / 2;
        while (mid > 0 && (static_cast<unsigned char>(text[mid]) & 0xC0) == 0x80) --mid;
        if (mid <= lo) break;
        if (ImGui::CalcTextSize((text.substr(0, mid) + "\xE2\x80\xA6").c_str()).x <= width) lo = mid;
        else hi = mid - 1;
    }
    return text.substr(0, lo) + "\xE2\x80\xA6";
}

const char* alertWords(core::Level level) {
    switch (level) {
    case core::Level::Emergency: return "\xE2\x9A\xA0 emergency";
    case core::Level::Urgent: return "\xE2\x9A\xA0 urgent";
    default: return "\xE2\x9A\xA0 doctor soon";
    }
}

float alertPill(ImDrawList* dl, float x, float cy, core::Level level, bool alignRight) {
    const char* text = alertWords(level);
    const ImVec2 ts = ImGui::CalcTextSize(text);
    const float w = ts.x + em(1.0f);
    const ImVec2 a(alignRight ? x - w : x, cy - ts.y * 0.5f - em(0.2f));
    dl->AddRectFilled(a, ImVec2(a.x + w, cy + ts.y * 0.5f + em(0.2f)), u32(levelColor(level)), em(0.6f));
    dl->AddText(ImVec2(a.x + em(0.5f), a.y + em(0.2f)), u32(levelTextColor(level)), text);
    return w;
}

void painChip(ImDrawList* dl, ImVec2 min, float size, int pain) {
    dl->AddRectFilled(min, ImVec2(min.x + size, min.y + size), u32(painColor(pain)), size * 0.22f);
    ImFont* font = fonts().bold;
    centredText(dl, font, ImVec2(min.x + size * 0.5f, min.y + size * 0.5f), u32(painTextColor(pain)), std::to_string(pain).c_str());
}

}  // namespace ui
