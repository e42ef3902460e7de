#pragma once
// Small widgets shared by the screens: chips, segmented choices, flowing layout, banners.
#include <imgui.h>

#include <optional>
#include <span>
#include <string_view>
#include <string>
#include <vector>

#include "core/vocabulary.hpp"

namespace ui {

// The layout of this frame: device scale and whether the window is phone-narrow (< 600 logical px).
struct Layout {
    float scale = 1.0f;
    bool narrow = false;
    float minTouch = 0;  // 48 logical px on narrow layouts, in device px
};
const Layout& layout();
void updateLayout(float scale);

// Item positions for headless UI tests: when recording is on, named items remember their
// rectangle from the last frame so a test script can click them by name, not by pixel.
void setItemRecording(bool on);
void recordItem(std::string_view key);
// The same for a rectangle that is not one ImGui item (a region of the knee map), in ImGui coordinates.
void recordRect(std::string_view key, ImVec2 min, ImVec2 max);
// Centre of a recorded item in logical px.
std::optional<ImVec2> itemCenter(std::string_view key);
// Rectangle of a recorded item in logical px: (left, top, right, bottom).
std::optional<ImVec4> itemRect(std::string_view key);
// Every recorded item as "name left top right bottom" lines in ImGui coordinates, which are the
// window's coordinates in the real window (the real-window test reads them to click items by
// name; see KNEELOG_TEST_ITEMS in app/gui.cpp).
std::string recordedItemsText();

// A toggle shown as a rounded chip; selected chips carry a check mark, not only a colour.
bool chip(const char* label, bool selected, const char* tooltip = nullptr);
// Chips for a multi-choice list of names, flowing onto new lines as the width requires.
bool chipSet(const char* id, std::span<const core::Term> terms, std::vector<std::string>& values,
             const char* groupFilter = nullptr);
// One-of choice as a row of segments; clicking the chosen one again clears it when `allowNone`.
bool segmented(const char* id, std::span<const core::Term> terms, std::string& value, bool allowNone = true);
// Call before an item of width `w` to continue the line or wrap it.
void flowItem(float w, bool first);
// A filled button in the accent colour.
bool primaryButton(const char* label, const ImVec2& size = ImVec2(0, 0));
// A heading in the heading font.
void heading(const char* text);
// The title of a section or a card, in the bold font; `spaceAbove` adds a line of spacing first
// (form sections).
void sectionTitle(const char* text, bool spaceAbove = false);
// Muted helper text, wrapped.
void hint(const char* text);

// A group of widgets over a rounded fill that sizes to its content: the group is drawn first (on
// the upper draw-list channel), the fill behind it when the panel ends. Content is inset by `pad`.
struct PanelStart {
    ImVec2 start;
    float right = 0;
    float pad = 0;
};
PanelStart beginPanel(float pad);
void endPanel(const PanelStart& panel, const ImVec4& fill, float rounding);

}  // namespace ui
