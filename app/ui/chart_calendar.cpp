// The calendar heat map of the worst pain each day, and the colour scale that reads it.
#include "ui/chart.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "ui/date_words.hpp"
#include "ui/draw.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace ui {

void calendarHeatMap(const char* id, std::span<const core::CalendarMonth> months, const core::CivilDate& from,
                     const core::CivilDate& to) {
    const Palette& pal = palette();
    ImFont* small = fonts().small;
    const float labelW = textSize(small, "Sep 2026").x + em(0.6f);
    const float avail = ImGui::GetContentRegionAvail().x;
    const float pitch = std::clamp((avail - labelW) / 31.0f, 4.0f, em(2.0f));
    const float gap = std::max(1.0f, std::round(pitch * 0.12f));
    const float cell = pitch - gap;
    const float rowPitch = std::max(pitch, small->FontSize + em(0.25f));  // narrow screens: taller than wide
    const bool numbers = cell >= textSize(small, "10").x + em(0.25f);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float headerH = small->FontSize + em(0.3f);
    const float height = headerH + rowPitch * static_cast<float>(months.size());
    ImGui::InvisibleButton(id, ImVec2(labelW + pitch * 31.0f, std::max(height, 1.0f)));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (int d = 1; d <= 31; ++d) {
        if (!numbers && d != 1 && d % 5 != 0) continue;
        const std::string t = std::to_string(d);
        centredText(dl, small, ImVec2(origin.x + labelW + pitch * (static_cast<float>(d) - 0.5f), origin.y + small->FontSize * 0.5f),
                    u32(pal.textMuted), t.c_str());
    }
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const bool hovering = ImGui::IsItemHovered();
    for (size_t m = 0; m < months.size(); ++m) {
        const core::CalendarMonth& cm = months[m];
        const float y = origin.y + headerH + rowPitch * static_cast<float>(m);
        const std::string label = monthYear(cm.year, cm.month);
        dl->AddText(small, small->FontSize, ImVec2(origin.x, y + (rowPitch - gap - small->FontSize) * 0.5f), u32(pal.textMuted),
                    label.c_str());
        for (int d = 1; d <= cm.days; ++d) {
            const core::CivilDate day{cm.year, cm.month, d};
            if (day < from || to < day) continue;
            const ImVec2 a(origin.x + labelW + pitch * static_cast<float>(d - 1), y);
            const ImVec2 b(a.x + cell, a.y + rowPitch - gap);
            const auto& v = cm.maxPain[static_cast<size_t>(d - 1)];
            if (v) dl->AddRectFilled(a, b, u32(painColor(*v)), cell * 0.18f);
            else dl->AddRect(a, b, u32(pal.border), cell * 0.18f, 0, 1.0f);
            if (v && numbers)
                centredText(dl, small, ImVec2((a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f), u32(painTextColor(*v)),
                            std::to_string(*v).c_str());
            if (day == to) dl->AddRect(ImVec2(a.x - gap, a.y - gap), ImVec2(b.x + gap, b.y + gap), u32(pal.text), cell * 0.2f, 0, 1.5f);
            if (hovering && mouse.x >= a.x && mouse.x < b.x + gap && mouse.y >= a.y && mouse.y < b.y + gap) {
                ImGui::BeginTooltip();
                if (v) ImGui::Text("%s: worst pain %d", longDate(day).c_str(), *v);
                else ImGui::Text("%s: nothing logged", longDate(day).c_str());
                ImGui::EndTooltip();
            }
        }
    }
}

void painScaleLegend() {
    ImFont* small = fonts().small;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImGui::PushFont(small);
    ImGui::TextColored(palette().textMuted, "Colour = worst pain of the day:");
    const float gap = em(0.2f);
    const float size = std::clamp((ImGui::GetContentRegionAvail().x - gap * 10.0f) / 11.0f, small->FontSize + 2.0f, em(1.6f));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, gap));
    for (int v = 0; v <= 10; ++v) {
        if (v > 0) ImGui::SameLine();
        const ImVec2 a = ImGui::GetCursorScreenPos();
        ImGui::Dummy(ImVec2(size, size));
        dl->AddRectFilled(a, ImVec2(a.x + size, a.y + size), u32(painColor(v)), size * 0.18f);
        centredText(dl, small, ImVec2(a.x + size * 0.5f, a.y + size * 0.5f), u32(painTextColor(v)), std::to_string(v).c_str());
    }
    ImGui::PopStyleVar();
    const char* none = "nothing logged";
    flowItem(size + em(1.2f) + ImGui::CalcTextSize(none).x, false);
    const ImVec2 a = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(size, size));
    dl->AddRect(a, ImVec2(a.x + size, a.y + size), u32(palette().border), size * 0.18f, 0, 1.0f);
    ImGui::SameLine(0, em(0.4f));
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (size - ImGui::GetFontSize()) * 0.5f);
    ImGui::TextColored(palette().textMuted, "%s", none);
    ImGui::PopFont();
}

}  // namespace ui
