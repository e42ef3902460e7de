// Horizontal count bars with their counts and shares.
#include "ui/chart.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "ui/draw.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"

namespace ui {

void countBars(const char* id, std::span<const BarItem> items, int total) {
    const Palette& pal = palette();
    const float avail = ImGui::GetContentRegionAvail().x;
    float labelW = 0;
    for (const BarItem& it : items) labelW = std::max(labelW, ImGui::CalcTextSize(it.label.c_str()).x);
    labelW = std::min(labelW + em(0.6f), avail * 0.48f);
    const float countW = ImGui::CalcTextSize("9999 \xC2\xB7 100%").x + em(0.4f);
    const float barMax = std::max(em(2.0f), avail - labelW - countW);
    const float rowH = ImGui::GetTextLineHeight() + em(0.45f);
    int top = 1;
    for (const BarItem& it : items) top = std::max(top, it.count);
    ImGui::PushID(id);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (const BarItem& it : items) {
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        ImGui::Dummy(ImVec2(avail, rowH));
        const float ty = pos.y + (rowH - ImGui::GetTextLineHeight()) * 0.5f;
        ImGui::PushClipRect(pos, ImVec2(pos.x + labelW - em(0.3f), pos.y + rowH), true);
        dl->AddText(ImVec2(pos.x, ty), u32(pal.text), it.label.c_str());
        ImGui::PopClipRect();
        const float len = std::max(2.0f, barMax * static_cast<float>(it.count) / static_cast<float>(top));
        dl->AddRectFilled(ImVec2(pos.x + labelW, pos.y + em(0.2f)), ImVec2(pos.x + labelW + len, pos.y + rowH - em(0.2f)),
                          u32(pal.accent, 0.85f), em(0.2f));
        char buf[48];
        const int pct = total > 0 ? static_cast<int>(std::lround(100.0 * it.count / total)) : 0;
        std::snprintf(buf, sizeof buf, "%d \xC2\xB7 %d%%", it.count, pct);
        dl->AddText(ImVec2(pos.x + labelW + len + em(0.4f), ty), u32(pal.text), buf);
    }
    ImGui::PopID();
}

}  // namespace ui
