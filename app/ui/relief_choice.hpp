#pragma once
// How much an entry's medication helped, as one row of chips: None, A little, A lot, Complete
// (core/relief.hpp). The Log screen's prompt and History's entry details share it.
#include <optional>

#include "core/relief.hpp"

namespace ui {

// Draws the chips for `current` (0-3 or none). Returns what was tapped: a rating, or (when
// `canClear` is false never) nullopt-inside for "clear" when the chosen chip is tapped again;
// the outer nullopt means nothing was tapped this frame.
std::optional<std::optional<core::Relief>> reliefChoice(const char* id, std::optional<int> current, bool canClear);

}  // namespace ui
