#pragma once
// The weekly check-in (PEG) in Trends: each score as a dot joined by a line on a 0-10 axis, a band
// of +/- 2 points around the first score (a change that reaches outside it is usually
// meaningful), and the change in words (core::pegChangeWords).
#include <span>

#include "core/peg.hpp"

namespace ui {

// The card's body: title, the chart (from 1 check-in on) and the words; what to do when empty.
void drawPegTrend(std::span<const core::PegEntry> oldestFirst);

}  // namespace ui
