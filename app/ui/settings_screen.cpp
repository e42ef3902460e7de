// Settings: appearance (theme, text size) and the emergency number for the person's region.
#include <cmath>

#include "ui/app.hpp"
#include "ui/widgets.hpp"

namespace ui {

namespace {

constexpr core::Term kThemes[] = {
    {"light", "Light", "", ""}, {"dark", "Dark", "", ""}, {"contrast", "High contrast", "", ""}};
constexpr core::Term kTextSizes[] = {
    {"0.9", "Small", "", ""}, {"1", "Normal", "", ""}, {"1.15", "Large", "", ""},
    {"1.3", "Larger", "", ""}, {"1.5", "Largest", "", ""}};
constexpr core::Term kNumbers[] = {
    {"112", "112 · Europe", "", ""}, {"999", "999 · UK", "", ""},
    {"911", "911 · US, Canada", "", ""}, {"000", "000 · Australia", "", ""}};

class SettingsScreen final : public Screen {
public:
    void draw(App& app) override {
        heading("Settings");
        ImGui::Spacing();
        section("Appearance");
        std::string theme(themeName(app.theme()));
        if (segmented("theme", kThemes, theme, false)) app.setTheme(themeFromName(theme));
        ImGui::Spacing();
        ImGui::TextUnformatted("Text size");
        std::string size = sizeName(app.fontScale());
        if (segmented("textsize", kTextSizes, size, false)) app.setFontScale(std::stof(size));

        ImGui::Spacing();
        section("Emergency number");
        hint("Shown on urgent and emergency advice. Choose the number that works where you live.");
        if (core::Journal* j = app.journal()) {
            std::string number = j->emergencyNumber();
            if (segmented("emergency", kNumbers, number, false)) {
                if (auto r = j->setEmergencyNumber(number); !r) app.flash(r.error().message);
            }
        }
    }

private:
    static void section(const char* title) {
        ImGui::PushFont(fonts().bold);
        ImGui::TextUnformatted(title);
        ImGui::PopFont();
    }
    static std::string sizeName(float s) {
        for (const auto& t : kTextSizes)
            if (std::fabs(std::stof(std::string(t.name)) - s) < 0.01f) return std::string(t.name);
        return "1";
    }
};

}  // namespace

std::unique_ptr<Screen> makeSettingsScreen() { return std::make_unique<SettingsScreen>(); }

}  // namespace ui
