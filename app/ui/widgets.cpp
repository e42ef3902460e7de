#include "ui/widgets.hpp"

#include <algorithm>
#include <cstdio>

#include "ui/fonts.hpp"
#include "ui/theme.hpp"

namespace ui {

namespace {
Layout g_layout;
bool g_recording = false;
std::vector<std::pair<std::string, ImVec4>> g_items;
}  // namespace

void setItemRecording(bool on) {
    g_recording = on;
    g_items.clear();
}

void recordItem(std::string_view key) { recordRect(key, ImGui::GetItemRectMin(), ImGui::GetItemRectMax()); }

void recordRect(std::string_view key, ImVec2 a, ImVec2 b) {
    if (!g_recording) return;
    for (auto& [k, r] : g_items)
        if (k == key) {
            r = ImVec4(a.x, a.y, b.x, b.y);
            return;
        }
    g_items.emplace_back(std::string(key), ImVec4(a.x, a.y, b.x, b.y));
}

std::optional<ImVec2> itemCenter(std::string_view key) {
    for (const auto& [k, r] : g_items)
        if (k == key) return ImVec2((r.x + r.z) * 0.5f / g_layout.scale, (r.y + r.w) * 0.5f / g_layout.scale);
    return std::nullopt;
}

std::optional<ImVec4> itemRect(std::string_view key) {
    const float s = g_layout.scale;
    for (const auto& [k, r] : g_items)
        if (k == key) return ImVec4(r.x / s, r.y / s, r.z / s, r.w / s);
    return std::nullopt;
}

std::string recordedItemsText() {
    std::string out;
    char line[64];
    for (const auto& [k, r] : g_items) {
        std::snprintf(line, sizeof line, " %.0f %.0f %.0f %.0f\n", r.x, r.y, r.z, r.w);
        out += k + line;
    }
    return out;
}

const Layout& layout() { return g_layout; }

void updateLayout(float scale) {
    const ImGuiIO& io = ImGui::GetIO();
    g_layout.scale = scale;
    g_layout.narrow = io.DisplaySize.x / scale < 600.0f;
    g_layout.minTouch = (g_layout.narrow ? 48.0f : 34.0f) * scale;
}

void flowItem(float w, bool first) {
    if (first) return;
    ImGui::SameLine();
    // The room left on this line: in a window or in a table's column alike.
    if (ImGui::GetContentRegionAvail().x < w) ImGui::NewLine();
}

bool chip(const char* label, bool selected, const char* tooltip) {
    const Palette& p = palette();
    std::string text = selected ? std::string("\xE2\x9C\x93 ") + label : std::string(label);
    // The width always leaves room for the check mark, so ticking a chip never moves the chips
    // after it (the next tap must land where the finger expects).
    const ImVec2 ts = ImGui::CalcTextSize((std::string("\xE2\x9C\x93 ") + label).c_str(), nullptr, true);
    const float h = std::max(layout().minTouch, ts.y + em(0.9f));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, h * 0.5f);
    ImGui::PushStyleColor(ImGuiCol_Button, selected ? p.accent : p.surface);
    ImGui::PushStyleColor(ImGuiCol_Text, selected ? p.accentText : p.text);
    ImGui::PushStyleColor(ImGuiCol_Border, selected ? p.accent : p.border);
    int colors = 3;
    if (selected) {  // a touch leaves the chip hovered: keep the ticked chip's text readable
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, p.accent);
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, p.accent);
        colors += 2;
    }
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, std::max(1.0f, layout().scale));
    text += "##";
    text += label;
    const bool clicked = ImGui::Button(text.c_str(), ImVec2(ts.x + em(1.4f), h));
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor(colors);
    if (tooltip && *tooltip && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tooltip);
    return clicked;
}

bool chipSet(const char* id, std::span<const core::Term> terms, std::vector<std::string>& values,
             const char* groupFilter) {
    bool changed = false;
    bool first = true;
    ImGui::PushID(id);
    for (const core::Term& t : terms) {
        if (groupFilter && t.group != groupFilter) continue;
        const std::string label(t.label);
        const bool on = std::find(values.begin(), values.end(), t.name) != values.end();
        const float w = ImGui::CalcTextSize(("\xE2\x9C\x93 " + label).c_str()).x + em(1.4f) +
                        ImGui::GetStyle().ItemSpacing.x;
        flowItem(w, first);
        first = false;
        const std::string tip = t.explanation.empty() ? "" : label + ": " + std::string(t.explanation);
        const bool clicked = chip(label.c_str(), on, tip.c_str());
        recordItem(std::string(id) + ":" + std::string(t.name));
        if (clicked) {
            if (on) std::erase(values, std::string(t.name));
            else values.emplace_back(t.name);
            changed = true;
        }
    }
    ImGui::PopID();
    return changed;
}

bool segmented(const char* id, std::span<const core::Term> terms, std::string& value, bool allowNone) {
    bool changed = false;
    bool first = true;
    ImGui::PushID(id);
    for (const core::Term& t : terms) {
        const std::string label(t.label);
        const bool on = value == t.name;
        const float w = ImGui::CalcTextSize(label.c_str()).x + em(2.6f);
        flowItem(w, first);
        first = false;
        const bool clicked = chip(label.c_str(), on, t.explanation.empty() ? nullptr : std::string(t.explanation).c_str());
        recordItem(std::string(id) + ":" + std::string(t.name));
        if (clicked) {
            value = on && allowNone ? std::string() : std::string(t.name);
            changed = true;
        }
    }
    ImGui::PopID();
    return changed;
}

bool primaryButton(const char* label, const ImVec2& size) {
    const Palette& p = palette();
    ImGui::PushStyleColor(ImGuiCol_Button, p.accent);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(p.accent.x * 0.9f, p.accent.y * 0.9f, p.accent.z * 0.9f, 1));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImVec4(p.accent.x * 0.8f, p.accent.y * 0.8f, p.accent.z * 0.8f, 1));
    ImGui::PushStyleColor(ImGuiCol_Text, p.accentText);
    ImGui::PushFont(fonts().bold);
    ImVec2 sz = size;
    if (sz.y <= 0) sz.y = std::max(layout().minTouch, ImGui::GetFontSize() + em(1.0f));
    const bool clicked = ImGui::Button(label, sz);
    ImGui::PopFont();
    ImGui::PopStyleColor(4);
    return clicked;
}

void heading(const char* text) {
    ImGui::PushFont(fonts().heading);
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
}

void sectionTitle(const char* text, bool spaceAbove) {
    if (spaceAbove) ImGui::Spacing();
    ImGui::PushFont(fonts().bold);
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
}

void hint(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette().textMuted);
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
}

PanelStart beginPanel(float pad) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    PanelStart p;
    p.start = ImGui::GetCursorScreenPos();
    p.right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    p.pad = pad;
    ImGui::SetCursorScreenPos(ImVec2(p.start.x + pad, p.start.y + pad));
    ImGui::BeginGroup();
    return p;
}

void endPanel(const PanelStart& panel, const ImVec4& fill, float rounding) {
    ImGui::EndGroup();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 end(panel.right, ImGui::GetItemRectMax().y + panel.pad);
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(panel.start, end, ImGui::GetColorU32(fill), rounding);
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(panel.start.x, end.y));
    ImGui::Dummy(ImVec2(panel.right - panel.start.x, 0));
}

}  // namespace ui
