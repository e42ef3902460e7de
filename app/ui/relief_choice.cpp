#include "ui/relief_choice.hpp"

#include <imgui.h>

#include <string>

#include "ui/fonts.hpp"
#include "ui/widgets.hpp"

namespace ui {

std::optional<std::optional<core::Relief>> reliefChoice(const char* id, std::optional<int> current, bool canClear) {
    std::optional<std::optional<core::Relief>> tapped;
    ImGui::PushID(id);
    bool first = true;
    for (const core::Term& t : core::reliefTerms()) {
        const std::string label(t.label);
        const auto value = core::reliefFromName(t.name);
        const bool on = current && value && *current == static_cast<int>(*value);
        flowItem(ImGui::CalcTextSize(label.c_str()).x + em(2.6f), first);
        first = false;
        if (chip((label + "##relief").c_str(), on)) {
            if (on && canClear) tapped = std::optional<core::Relief>{};
            else if (!on) tapped = value;
        }
        recordItem(std::string("relief:") + id + ":" + std::string(t.name));
    }
    ImGui::PopID();
    return tapped;
}

}  // namespace ui
