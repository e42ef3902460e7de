#include "ui/period_choice.hpp"

#include <imgui.h>

#include <string>

#include "ui/fonts.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace ui {

namespace {

// Wide screens: a chip for each choice, flowing onto new lines.
bool periodChips(const char* idPrefix, std::span<const PeriodChoice> choices, size_t& selected) {
    bool changed = false;
    for (size_t i = 0; i < choices.size(); ++i) {
        flowItem(ImGui::CalcTextSize(choices[i].label).x + em(2.6f), i == 0);
        if (chip(choices[i].label, selected == i)) {
            changed = selected != i;
            selected = i;
        }
        recordItem(std::string(idPrefix) + choices[i].key);
    }
    return changed;
}

// Phones: one row of equal segments with the short labels.
bool periodSegments(const char* idPrefix, std::span<const PeriodChoice> choices, size_t& selected) {
    bool changed = false;
    const float gap = em(0.3f);
    const float w = (ImGui::GetContentRegionAvail().x - gap * static_cast<float>(choices.size() - 1)) /
                    static_cast<float>(choices.size());
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, ImGui::GetStyle().ItemSpacing.y));
    for (size_t i = 0; i < choices.size(); ++i) {
        if (i > 0) ImGui::SameLine();
        const Palette& p = palette();
        const bool on = selected == i;
        ImGui::PushStyleColor(ImGuiCol_Button, on ? p.accent : p.surface);
        ImGui::PushStyleColor(ImGuiCol_Text, on ? p.accentText : p.text);
        ImGui::PushStyleColor(ImGuiCol_Border, on ? p.accent : p.border);
        ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, em(0.5f));
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(em(0.1f), ImGui::GetStyle().FramePadding.y));
        ImGui::PushFont(on ? fonts().bold : fonts().regular);
        const std::string label = (on ? std::string("\xE2\x9C\x93 ") : std::string()) + choices[i].shortLabel + "##" + choices[i].key;
        if (ImGui::Button(label.c_str(), ImVec2(w, layout().minTouch))) {
            changed = selected != i;
            selected = i;
        }
        ImGui::PopFont();
        ImGui::PopStyleVar(2);
        ImGui::PopStyleColor(3);
        recordItem(std::string(idPrefix) + choices[i].key);
    }
    ImGui::PopStyleVar();
    return changed;
}

}  // namespace

bool periodChoice(const char* idPrefix, std::span<const PeriodChoice> choices, size_t& selected) {
    return layout().narrow ? periodSegments(idPrefix, choices, selected) : periodChips(idPrefix, choices, selected);
}

}  // namespace ui
