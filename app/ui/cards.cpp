#include "ui/cards.hpp"

#include <imgui.h>

#include <cmath>

#include "ui/fonts.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace ui {

void beginCard(const char* id, float width, float height, bool scroll) {
    const Palette& p = palette();
    ImGui::PushStyleColor(ImGuiCol_ChildBg, p.surface);
    ImGui::PushStyleColor(ImGuiCol_Border, p.border);
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, em(0.6f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(em(layout().narrow ? 0.8f : 1.1f), em(0.8f)));
    ImGui::BeginChild(id, ImVec2(width, height), true,
                      scroll ? ImGuiWindowFlags_None : ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
}

float endCard() {
    const float needed = ImGui::GetCursorPosY() - ImGui::GetStyle().ItemSpacing.y + ImGui::GetStyle().WindowPadding.y;
    ImGui::EndChild();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor(2);
    return std::ceil(needed);
}

void field(const char* label, const std::string& value) {
    if (value.empty()) return;
    ImGui::PushFont(fonts().small);
    ImGui::TextColored(palette().textMuted, "%s", label);
    ImGui::PopFont();
    ImGui::TextWrapped("%s", value.c_str());
}

bool emptyCard(const char* id, float& height, const char* title, const char* text, const char* button,
               const char* buttonKey) {
    beginCard(id, 0, height > 0 ? height : em(10.0f));
    sectionTitle(title);
    ImGui::TextWrapped("%s", text);
    ImGui::Spacing();
    const bool clicked = primaryButton(button);
    recordItem(buttonKey);
    height = endCard();
    return clicked;
}

}  // namespace ui
