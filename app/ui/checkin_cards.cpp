#include "ui/checkin_cards.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <string>

#include "core/peg.hpp"
#include "core/relief.hpp"
#include "ui/app.hpp"
#include "ui/cards.hpp"
#include "ui/fonts.hpp"
#include "ui/relief_choice.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace ui {

namespace {

float buttonHeight() { return std::max(layout().minTouch, ImGui::GetFontSize() + em(1.0f)); }

// 0-10 as a row of plain buttons (two rows on a phone); the chosen one filled and ticked.
void numberScale(const char* id, int& value, bool& answered) {
    const int perRow = layout().narrow ? 6 : 11;
    const float spacing = em(0.3f);
    const float avail = ImGui::GetContentRegionAvail().x;
    const float size = std::clamp((avail - spacing * static_cast<float>(perRow - 1)) / static_cast<float>(perRow),
                                  layout().minTouch, em(2.6f));
    ImGui::PushID(id);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(spacing, spacing));
    for (int n = 0; n <= 10; ++n) {
        if (n % perRow != 0) ImGui::SameLine();
        const bool selected = answered && value == n;
        if (selected) {
            ImGui::PushStyleColor(ImGuiCol_Button, palette().accent);
            ImGui::PushStyleColor(ImGuiCol_Text, palette().accentText);
        }
        char label[24];
        std::snprintf(label, sizeof label, selected ? "\xE2\x9C\x93%d##n" : "%d##n", n);
        if (ImGui::Button(label, ImVec2(size, size))) {
            value = n;
            answered = true;
        }
        if (selected) ImGui::PopStyleColor(2);
        recordItem(std::string("peg:") + id + ":" + std::to_string(n));
    }
    ImGui::PopStyleVar();
    ImGui::PopID();
}

}  // namespace

void CheckInCards::refresh(App& app, core::Journal& journal) {
    if (m_lookForRelief) {
        m_lookForRelief = false;
        auto ask = journal.reliefToAsk();
        m_relief = ask ? *ask : std::optional<core::Episode>{};
    }
    const uint64_t version = app.dataVersion();
    if (m_loaded && version == m_version) return;
    m_loaded = true;
    m_version = version;
    auto due = journal.pegDue();
    m_pegDue = due && *due;
    if (!m_pegDue) m_pegOpen = false;
}

void CheckInCards::draw(App& app, core::Journal& journal) {
    if (app.exploringSample()) return;  // the sample journal is for looking around, not for answering
    refresh(app, journal);
    if (m_relief) drawRelief(app, journal);
    if (m_pegDue) drawPeg(app, journal);
}

void CheckInCards::drawRelief(App& app, core::Journal& journal) {
    const core::Episode e = *m_relief;
    const std::string name = core::medicationName(e.medication);
    beginCard("##reliefcard", 0, m_reliefHeight > 0 ? m_reliefHeight : em(8.0f));
    sectionTitle(("Did " + (name.empty() ? std::string("the medication") : "the " + name) + " help?").c_str());
    hint(("For your entry at " + core::formatTime(e.startedAt) + ", pain " + std::to_string(e.pain) +
          ". One tap is enough; you can change it later in History.")
             .c_str());
    const std::optional<std::optional<core::Relief>> tap = reliefChoice("prompt", e.relief, false);
    const bool later = ImGui::Button("Not now##relief", ImVec2(0, buttonHeight()));
    recordItem("relief:later");
    m_reliefHeight = endCard();
    ImGui::Spacing();
    if (tap && *tap) {
        if (app.reportIfFailed(journal.setRelief(e.id, **tap), "The rating could not be saved"))
            app.flash("Noted: " + std::string(core::reliefLabel(**tap)) + ". Insights in Trends use it.");
    }
    if ((tap && *tap) || later) {
        app.reportIfFailed(journal.reliefAsked(e.id), "The question could not be put away");
        m_relief.reset();
    }
}

void CheckInCards::drawPeg(App& app, core::Journal& journal) {
    beginCard("##pegcard", 0, m_pegHeight > 0 ? m_pegHeight : em(8.0f));
    sectionTitle("Weekly check-in, 3 questions");
    if (!m_pegOpen) {
        hint("How has the past week been? Three numbers, under a minute; your scores show in Trends. "
             "Logging works as usual without it.");
        if (ImGui::Button("Answer now", ImVec2(0, buttonHeight()))) m_pegOpen = true;
        recordItem("peg:answer");
        ImGui::SameLine();
        if (ImGui::Button("Not now##peg", ImVec2(0, buttonHeight()))) {
            app.reportIfFailed(journal.dismissPeg(), "The check-in could not be put off");
            m_pegDue = false;
        }
        recordItem("peg:later");
    } else {
        drawPegQuestions(app, journal);
    }
    m_pegHeight = endCard();
    ImGui::Spacing();
}

void CheckInCards::drawPegQuestions(App& app, core::Journal& journal) {
    hint("Think about the past 7 days. 0 is the best answer, 10 the worst.");
    const auto questions = core::pegQuestions();
    for (std::size_t i = 0; i < questions.size(); ++i) {
        const core::PegQuestion& q = questions[i];
        ImGui::Spacing();
        ImGui::TextWrapped("%zu. %.*s", i + 1, static_cast<int>(q.text.size()), q.text.data());
        numberScale(std::string(q.id).c_str(), m_peg.*q.field, m_answered[i]);
        ImGui::PushFont(fonts().small);
        ImGui::TextColored(palette().textMuted, "0 = %.*s   \xC2\xB7   10 = %.*s", static_cast<int>(q.low.size()),
                           q.low.data(), static_cast<int>(q.high.size()), q.high.data());
        ImGui::PopFont();
    }
    ImGui::Spacing();
    const bool complete = m_answered[0] && m_answered[1] && m_answered[2];
    ImGui::BeginDisabled(!complete);
    const bool save = primaryButton(complete ? "Save check-in" : "Answer all three to save", ImVec2(0, buttonHeight()));
    ImGui::EndDisabled();
    recordItem("peg:save");
    ImGui::SameLine();
    if (ImGui::Button("Not now##pegopen", ImVec2(0, buttonHeight()))) {
        app.reportIfFailed(journal.dismissPeg(), "The check-in could not be put off");
        m_pegDue = m_pegOpen = false;
    }
    recordItem("peg:later");
    if (!save) return;
    m_peg.at = core::localFromUtc(journal.now());
    auto saved = journal.addPeg(m_peg);
    if (!saved) {
        app.reportError("Check-in not saved: " + saved.error().message);
        return;
    }
    app.flash("Check-in saved: score " + core::pegScoreText(saved->score()) + " of 10. See it in Trends.");
    m_pegDue = m_pegOpen = false;
    m_peg = core::PegEntry{};
    std::fill(std::begin(m_answered), std::end(m_answered), false);
}

}  // namespace ui
