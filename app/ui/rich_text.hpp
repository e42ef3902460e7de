#pragma once
// Wrapped text with bold spans (ImGui has no rich text): words are laid out by hand.
#include <imgui.h>

#include <string_view>
#include <vector>

#include "core/guidance.hpp"

namespace ui {

// Draws spans wrapped at the right edge of the content region, `indent` px from the cursor.
void richText(const std::vector<core::Span>& spans, ImU32 color, float indent = 0.0f);
// Draws one article body: headings, subheadings, paragraphs, bullets.
void articleBody(const core::Article& article);

}  // namespace ui
