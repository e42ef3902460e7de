#pragma once
// Themes (light, dark, high contrast), the pain colour ramp and the escalation colours.
// Colour is never the only cue: every use pairs it with a number, a word or an icon.
#include <imgui.h>

#include <string_view>

#include "core/triage.hpp"

namespace ui {

enum class ThemeKind { Light, Dark, Contrast };

std::string_view themeName(ThemeKind t);  // "light", "dark", "contrast"
ThemeKind themeFromName(std::string_view name);

struct Palette {
    ImVec4 background, surface, text, textMuted, accent, accentText, border, danger, success;
};

// Applies colours and sizes (scaled from the base style by `scale`).
void applyTheme(ThemeKind t, float scale);
const Palette& palette();

// Fill colour for a pain score 0-10 and a text colour that reads on it.
ImVec4 painColor(int pain);
ImVec4 painTextColor(int pain);
// Banner colour for an escalation level, and the text colour on it.
ImVec4 levelColor(core::Level level);
ImVec4 levelTextColor(core::Level level);

}  // namespace ui
