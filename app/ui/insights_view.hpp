#pragma once
// The Insights section of the Trends screen: what helps and what hurts, as a ranked list of
// plain sentences with a small interval bar each; tap one for the entries behind it.
#include <string>

#include "core/insights.hpp"

namespace ui {

// Draws the findings; `open` is the finding whose entries are shown ("" for none), toggled by a tap.
void drawInsights(const core::Insights& insights, std::string& open);

}  // namespace ui
