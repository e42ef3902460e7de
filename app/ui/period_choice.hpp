#pragma once
// One choice among a few periods (History and Trends).
#include <cstddef>
#include <span>

namespace ui {

struct PeriodChoice {
    const char* key;
    const char* label;
    const char* shortLabel;
};
// Chips on wide screens; on phones one row of equal segments with the short labels, so it never
// wraps. Each is recorded as `idPrefix` + key for tests. True when the choice changed.
bool periodChoice(const char* idPrefix, std::span<const PeriodChoice> choices, size_t& selected);

}  // namespace ui
