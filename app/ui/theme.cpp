#include "ui/theme.hpp"

#include <algorithm>

namespace ui {

namespace {

ImVec4 rgb(unsigned hex, float a = 1.0f) {
    return ImVec4(static_cast<float>((hex >> 16) & 0xFF) / 255.f, static_cast<float>((hex >> 8) & 0xFF) / 255.f,
                  static_cast<float>(hex & 0xFF) / 255.f, a);
}

ImVec4 mix(const ImVec4& a, const ImVec4& b, float t) {
    return ImVec4(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.z + (b.z - a.z) * t, a.w + (b.w - a.w) * t);
}

ThemeKind g_theme = ThemeKind::Light;
Palette g_palette;

Palette paletteFor(ThemeKind t) {
    switch (t) {
    case ThemeKind::Dark:
        return {rgb(0x15171C), rgb(0x22252D), rgb(0xE8E6E3), rgb(0xA3A7B0), rgb(0x2BB3A3), rgb(0x0B1F1D),
                rgb(0x3A3F4A), rgb(0xF87171), rgb(0x4ADE80)};
    case ThemeKind::Contrast:
        return {rgb(0x000000), rgb(0x000000), rgb(0xFFFFFF), rgb(0xFFFFFF), rgb(0xFFD400), rgb(0x000000),
                rgb(0xFFFFFF), rgb(0xFF6B6B), rgb(0x7CFC9A)};
    case ThemeKind::Light:
    default:
        return {rgb(0xF6F4F0), rgb(0xFFFFFF), rgb(0x1E2329), rgb(0x5B6470), rgb(0x0F766E), rgb(0xFFFFFF),
                rgb(0xD9D4CC), rgb(0xB42318), rgb(0x157F3D)};
    }
}

// Green (no pain) through yellow and orange to deep red (worst pain).
constexpr unsigned kPainRamp[11] = {0x2E9E5B, 0x56A84B, 0x7DB23C, 0xA5B62F, 0xC9B226, 0xE0A21F,
                                    0xE8861C, 0xE2661E, 0xD54622, 0xBE2B27, 0x9A1B26};

}  // namespace

std::string_view themeName(ThemeKind t) {
    switch (t) {
    case ThemeKind::Dark: return "dark";
    case ThemeKind::Contrast: return "contrast";
    case ThemeKind::Light:
    default: return "light";
    }
}

ThemeKind themeFromName(std::string_view name) {
    if (name == "dark") return ThemeKind::Dark;
    if (name == "contrast") return ThemeKind::Contrast;
    return ThemeKind::Light;
}

const Palette& palette() { return g_palette; }

void applyTheme(ThemeKind t, float scale) {
    g_theme = t;
    g_palette = paletteFor(t);
    const Palette& p = g_palette;
    ImGuiStyle style;
    if (t == ThemeKind::Light) ImGui::StyleColorsLight(&style);
    else ImGui::StyleColorsDark(&style);
    style.WindowRounding = 0;
    style.ChildRounding = 8;
    style.FrameRounding = 8;
    style.PopupRounding = 8;
    style.GrabRounding = 8;
    style.ScrollbarSize = 16;
    style.FramePadding = ImVec2(10, 8);
    style.ItemSpacing = ImVec2(10, 10);
    style.ItemInnerSpacing = ImVec2(8, 6);
    style.WindowPadding = ImVec2(16, 14);
    style.FrameBorderSize = t == ThemeKind::Contrast ? 2.0f : 1.0f;
    style.ChildBorderSize = 1.0f;
    style.TouchExtraPadding = ImVec2(2, 2);
    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = p.background;
    c[ImGuiCol_ChildBg] = p.surface;
    c[ImGuiCol_PopupBg] = p.surface;
    c[ImGuiCol_Text] = p.text;
    c[ImGuiCol_TextDisabled] = p.textMuted;
    c[ImGuiCol_Border] = p.border;
    c[ImGuiCol_FrameBg] = p.surface;
    c[ImGuiCol_FrameBgHovered] = mix(p.surface, p.accent, 0.12f);
    c[ImGuiCol_FrameBgActive] = mix(p.surface, p.accent, 0.22f);
    c[ImGuiCol_Button] = mix(p.surface, p.border, 0.5f);
    c[ImGuiCol_ButtonHovered] = mix(p.surface, p.accent, 0.25f);
    c[ImGuiCol_ButtonActive] = mix(p.surface, p.accent, 0.45f);
    c[ImGuiCol_Header] = mix(p.surface, p.accent, 0.18f);
    c[ImGuiCol_HeaderHovered] = mix(p.surface, p.accent, 0.28f);
    c[ImGuiCol_HeaderActive] = mix(p.surface, p.accent, 0.40f);
    c[ImGuiCol_CheckMark] = p.accent;
    c[ImGuiCol_SliderGrab] = p.accent;
    c[ImGuiCol_SliderGrabActive] = p.accent;
    c[ImGuiCol_Separator] = p.border;
    c[ImGuiCol_NavHighlight] = p.accent;
    c[ImGuiCol_ScrollbarBg] = p.background;
    c[ImGuiCol_TitleBg] = p.surface;
    c[ImGuiCol_TitleBgActive] = p.surface;
    c[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, 0.55f);
    c[ImGuiCol_TextSelectedBg] = mix(p.surface, p.accent, 0.35f);
    if (t == ThemeKind::Contrast) {
        c[ImGuiCol_Button] = rgb(0x000000);
        c[ImGuiCol_ButtonHovered] = rgb(0x333300);
        c[ImGuiCol_ButtonActive] = rgb(0x665500);
        c[ImGuiCol_Border] = rgb(0xFFFFFF);
    }
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

ImVec4 painColor(int pain) { return rgb(kPainRamp[std::clamp(pain, 0, 10)]); }

ImVec4 painTextColor(int pain) {
    return pain >= 3 && pain <= 6 ? rgb(0x1A1A1A) : rgb(0xFFFFFF);
}

ImVec4 levelColor(core::Level level) {
    switch (level) {
    case core::Level::Emergency: return rgb(0xB3161B);
    case core::Level::Urgent: return rgb(0xC2410C);
    case core::Level::Soon: return rgb(0x1D4ED8);
    case core::Level::SelfCare:
    default: return rgb(0x157F3D);
    }
}

ImVec4 levelTextColor(core::Level) { return rgb(0xFFFFFF); }

}  // namespace ui
