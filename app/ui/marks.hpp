#pragma once
// Small marks drawn inside rows and cards: text cut to fit, the alert pill, the pain chip.
#include <imgui.h>

#include <string>

#include "core/triage.hpp"

namespace ui {

// Cuts `text` to fit `width` in the current font, ending in "…" when cut (on a UTF-8 boundary).
std::string fitText(const std::string& text, float width);
// "⚠ emergency", "⚠ urgent", "⚠ doctor soon": an alert level in words, with its icon.
const char* alertWords(core::Level level);
// The alert level as a pill in its colour with its words, starting at x (ending there when
// `alignRight`), centred on `cy`; returns its width.
float alertPill(ImDrawList* dl, float x, float cy, core::Level level, bool alignRight);
// A pain score as a filled rounded square with the number always visible.
void painChip(ImDrawList* dl, ImVec2 min, float size, int pain);

}  // namespace ui
