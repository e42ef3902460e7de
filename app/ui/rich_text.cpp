#include "ui/rich_text.hpp"

#include "ui/fonts.hpp"
#include "ui/theme.hpp"

namespace ui {

void richText(const std::vector<core::Span>& spans, ImU32 color, float indent) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float left = start.x + indent;
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    const float lineH = ImGui::GetTextLineHeightWithSpacing();
    const float size = ImGui::GetFontSize();
    float x = left, y = start.y;
    for (const core::Span& span : spans) {
        ImFont* font = span.bold ? fonts().bold : ImGui::GetFont();
        const float space = font->CalcTextSizeA(size, FLT_MAX, 0.0f, " ").x;
        std::string_view rest = span.text;
        while (!rest.empty()) {
            const size_t sp = rest.find(' ');
            const std::string_view word = rest.substr(0, sp);
            rest = sp == std::string_view::npos ? std::string_view() : rest.substr(sp + 1);
            if (word.empty()) {
                x += space;
                continue;
            }
            const float w = font->CalcTextSizeA(size, FLT_MAX, 0.0f, word.data(), word.data() + word.size()).x;
            if (x + w > right && x > left) {
                x = left;
                y += lineH;
            }
            dl->AddText(font, size, ImVec2(x, y), color, word.data(), word.data() + word.size());
            x += w + space;
        }
    }
    ImGui::Dummy(ImVec2(right - start.x, y + lineH - start.y));
}

void articleBody(const core::Article& article) {
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    for (const core::Block& b : article.blocks) {
        switch (b.kind) {
        case core::Block::Kind::Heading:
            ImGui::Spacing();
            ImGui::PushFont(fonts().heading);
            richText(b.spans, text);
            ImGui::PopFont();
            break;
        case core::Block::Kind::Subheading:
            ImGui::PushFont(fonts().bold);
            richText(b.spans, text);
            ImGui::PopFont();
            break;
        case core::Block::Kind::Bullet: {
            const ImVec2 p = ImGui::GetCursorScreenPos();
            const float r = ImGui::GetFontSize() * 0.16f;
            ImGui::GetWindowDrawList()->AddCircleFilled(
                ImVec2(p.x + ImGui::GetFontSize() * 0.5f, p.y + ImGui::GetFontSize() * 0.55f), r, text);
            richText(b.spans, text, ImGui::GetFontSize() * 1.2f);
            break;
        }
        case core::Block::Kind::Paragraph:
        default:
            richText(b.spans, text);
            ImGui::Spacing();
            break;
        }
    }
}

}  // namespace ui
