// Settings: appearance (theme, text size), the person's region (emergency number and same-day
// line) and their risk profile (red flags version 2), and the data actions.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>

#include "ui/app.hpp"
#include "ui/data_actions.hpp"
#include "ui/move_device.hpp"
#include "ui/widgets.hpp"

namespace ui {

namespace {

constexpr core::Term kThemes[] = {
    {"light", "Light", "", ""}, {"dark", "Dark", "", ""}, {"contrast", "High contrast", "", ""}};
constexpr core::Term kTextSizes[] = {
    {"0.9", "Small", "", ""}, {"1", "Normal", "", ""}, {"1.15", "Large", "", ""},
    {"1.3", "Larger", "", ""}, {"1.5", "Largest", "", ""}};
}  // namespace

// "United Kingdom · 999": one chip per region of the table in core/profile.cpp.
std::span<const core::Term> regionTerms() {
    static const std::vector<std::string> labels = [] {
        std::vector<std::string> out;
        for (const core::Region& r : core::regions()) out.push_back(std::string(r.name) + " · " + std::string(r.emergency));
        return out;
    }();
    static const std::vector<core::Term> terms = [] {
        std::vector<core::Term> out;
        std::size_t i = 0;
        for (const core::Region& r : core::regions()) out.push_back(core::Term{r.code, labels[i++], "", ""});
        return out;
    }();
    return terms;
}

void drawRegionChoice(App& app) {
    core::Journal* j = app.journal();
    if (!j) return;
    std::string region = j->region();
    if (region.empty())
        hint("Not chosen yet: the advice names 112, the emergency number in most of Europe, which also works "
             "on most mobile phones.");
    if (segmented("region", regionTerms(), region, false)) {
        if (auto r = j->setRegion(region); !r) app.reportError(r.error().message);
    }
}

void drawRiskProfile(App& app) {
    core::Journal* j = app.journal();
    if (!j) return;
    auto profile = j->profile();
    if (!profile) {
        app.reportError(profile.error().message);
        return;
    }
    for (const std::string& due : profile->dueForReview(j->now())) {
        const core::Term* t = core::findTerm(core::riskTerms(), due);
        ImGui::PushID(due.c_str());
        const auto mark = std::find_if(profile->risks.begin(), profile->risks.end(),
                                       [&](const core::RiskMark& m) { return m.name == due; });
        const std::string since = core::formatDate(core::localFromUtc(mark->setAtUtc).date);
        ImGui::TextWrapped("You ticked \xE2\x80\x9C%.*s\xE2\x80\x9D on %s. Is it still true?",
                           static_cast<int>(t->label.size()), t->label.data(), since.c_str());
        if (ImGui::Button("Still true", ImVec2(0, layout().minTouch)))
            if (auto r = j->setRisk(due, true); !r) app.reportError(r.error().message);
        recordItem("risk-still:" + due);
        ImGui::SameLine();
        if (ImGui::Button("No longer", ImVec2(0, layout().minTouch)))
            if (auto r = j->setRisk(due, false); !r) app.reportError(r.error().message);
        recordItem("risk-gone:" + due);
        ImGui::PopID();
    }
    std::vector<std::string> names = profile->riskNames();
    const std::vector<std::string> before = names;
    if (chipSet("risk", core::riskTerms(), names)) {
        for (const auto& n : names)
            if (std::find(before.begin(), before.end(), n) == before.end())
                if (auto r = j->setRisk(n, true); !r) app.reportError(r.error().message);
        for (const auto& n : before)
            if (std::find(names.begin(), names.end(), n) == names.end())
                if (auto r = j->setRisk(n, false); !r) app.reportError(r.error().message);
    }
}

namespace {

class SettingsScreen final : public Screen {
public:
    void draw(App& app) override {
        heading("Settings");
        ImGui::Spacing();
        sectionTitle("Appearance");
        std::string theme(themeName(app.theme()));
        if (segmented("theme", kThemes, theme, false)) app.setTheme(themeFromName(theme));
        ImGui::Spacing();
        ImGui::TextUnformatted("Text size");
        std::string size = sizeName(app.fontScale());
        if (segmented("textsize", kTextSizes, size, false)) app.setFontScale(std::stof(size));

        ImGui::Spacing();
        sectionTitle("Where you live");
        hint("Urgent and emergency advice names your region's emergency number and same-day line.");
        drawRegionChoice(app);

        ImGui::Spacing();
        sectionTitle("Risks that change the advice");
        hint("Things that raise the risk of a clot, a bleed or an infection. Tick what applies to you: KneeLog "
             "uses it when it checks what you log, and your doctor's report lists it. Time-bound ones are "
             "asked about again when their time has passed.");
        drawRiskProfile(app);

        ImGui::Spacing();
        sectionTitle("Your data");
        if (!app.ownJournalPath().empty())
            hint(("Your journal is the file " + app.ownJournalPath() + ", readable by you alone.").c_str());
        if (app.canExploreSample() && !app.exploringSample()) {
            if (ImGui::Button("Explore a sample journal", ImVec2(0, layout().minTouch))) app.exploreSample();
            recordItem("settings:sample");
        }
        m_data.draw(app);
        m_move.draw(app);
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

    static std::string sizeName(float s) {
        for (const auto& t : kTextSizes)
            if (std::fabs(std::stof(std::string(t.name)) - s) < 0.01f) return std::string(t.name);
        return "1";
    }

    bool m_wipeOpen = false;
    std::string m_confirm;
    DataActions m_data;
    MoveToDevice m_move;
};

}  // namespace

std::unique_ptr<Screen> makeSettingsScreen() { return std::make_unique<SettingsScreen>(); }

}  // namespace ui
