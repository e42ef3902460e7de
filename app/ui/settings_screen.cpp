// Settings: appearance (theme, text size) and the emergency number for the person's region.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
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
                if (auto r = j->setEmergencyNumber(number); !r) app.reportError(r.error().message);
            }
        }

        ImGui::Spacing();
        section("Your data");
        if (!app.ownJournalPath().empty())
            hint(("Your journal is the file " + app.ownJournalPath() + ", readable by you alone.").c_str());
        if (app.canExploreSample() && !app.exploringSample()) {
            if (ImGui::Button("Explore a sample journal", ImVec2(0, layout().minTouch))) app.exploreSample();
            recordItem("settings:sample");
        }
        drawWipe(app);
    }

private:
    // "Delete all my data": typed confirmation, because it cannot be undone.
    void drawWipe(App& app) {
        ImGui::Spacing();
        if (!m_wipeOpen) {
            ImGui::PushStyleColor(ImGuiCol_Text, palette().danger);
            if (ImGui::Button("Delete all my data\xE2\x80\xA6", ImVec2(0, layout().minTouch))) m_wipeOpen = true;
            ImGui::PopStyleColor();
            recordItem("settings:wipe");
            return;
        }
        ImGui::TextWrapped("This deletes every episode, alert and automatic backup from this device. It cannot be "
                           "undone. Export your journal first if you may need it.");
        ImGui::TextWrapped("Type DELETE to confirm:");
        ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, em(12.0f)));
        ImGui::InputText("##confirm", &m_confirm);
        recordItem("settings:wipe-text");
        const bool ready = m_confirm == "DELETE";
        ImGui::BeginDisabled(!ready);
        ImGui::PushStyleColor(ImGuiCol_Button, palette().danger);
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
        if (ImGui::Button("Delete everything", ImVec2(0, layout().minTouch))) {
            auto r = app.wipeOwnJournal();
            if (r) app.flash("All your data was deleted.");
            else app.reportError("Not deleted: " + r.error().message);
            m_wipeOpen = false;
            m_confirm.clear();
        }
        ImGui::PopStyleColor(2);
        ImGui::EndDisabled();
        recordItem("settings:wipe-confirm");
        ImGui::SameLine();
        if (ImGui::Button("Cancel##wipe", ImVec2(0, layout().minTouch))) {
            m_wipeOpen = false;
            m_confirm.clear();
        }
        recordItem("settings:wipe-cancel");
    }

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

    bool m_wipeOpen = false;
    std::string m_confirm;
};

}  // namespace

std::unique_ptr<Screen> makeSettingsScreen() { return std::make_unique<SettingsScreen>(); }

}  // namespace ui
