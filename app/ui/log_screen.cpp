// The Log screen: the screen people open every day, often in pain, often on a phone.
// A pain-only entry is two taps (the number, Save); everything else is optional, one tap each.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>

#include "core/vocabulary.hpp"
#include "ui/app.hpp"
#include "ui/checkin_cards.hpp"
#include "ui/log_form.hpp"
#include "ui/widgets.hpp"

namespace ui {

namespace {

// Keeps (or, with "", drops) the unsaved form in the journal's settings; false when that failed.
bool keepDraft(App& app, const std::string& draft) {
    auto settings = app.journal()->settings();
    if (!settings) return false;
    settings->logDraft = draft;
    return app.journal()->saveSettings(*settings).ok();
}

class LogScreen final : public Screen {
public:
    void draw(App& app) override {
        core::Journal* journal = app.journal();
        if (!journal) return;
        refresh(app, *journal);
        if (m_pendingEdit) {
            m_form.load(*m_pendingEdit);
            m_pendingEdit.reset();
        }
        const float footerH = std::max(layout().minTouch, ImGui::GetFontSize() + em(1.0f)) + em(1.4f);
        ImGui::BeginChild("##logform", ImVec2(0, -footerH), false, ImGuiWindowFlags_NoBackground);
        if (m_scrollToTop) {  // after a save the next entry starts at the top, not mid-form
            ImGui::SetScrollY(0);
            m_scrollToTop = false;
        }
        m_form.setRiskPrompt([&app] { drawClotRiskPrompt(app); });
        drawHeader(app);
        ImGui::Spacing();
        m_form.drawPain();
        ImGui::Spacing();
        m_form.drawSide();
        m_form.drawWhere(app.assets().pictures);
        ImGui::Spacing();
        if (!m_form.editing()) m_cards.draw(app, *journal);
        ImGui::Separator();
        hint("Everything below is optional.");
        m_form.drawDetails();
        ImGui::Dummy(ImVec2(0, em(1.0f)));
        ImGui::EndChild();
        drawFooter(app, *journal);
    }

    bool back() override {
        if (m_form.timePickerOpen()) {
            m_form.closeTimePicker();
            return true;
        }
        if (m_form.editing()) {
            m_form.reset(journalNow(), m_lastSide);
            return true;
        }
        return false;
    }

    void edit(const core::Episode& e) override { m_pendingEdit = e; }

    // Android may end the app in the background: the unsaved form goes into the journal's
    // settings and comes back on the next start (refresh()); an untouched form clears it.
    void pause(App& app) override {
        if (!m_loaded || !app.journal() || app.exploringSample()) return;
        const std::string draft = m_form.draft(m_lastSide);
        if (draft.empty() && !m_draftKept) return;
        m_draftKept = keepDraft(app, draft) && !draft.empty();
    }
    // Still running: the form is in memory, and a kept copy would come back after a later save.
    void resume(App& app) override {
        m_cards.opened();  // back in the foreground: the relief question may be due now
        if (!m_draftKept || !app.journal() || app.exploringSample()) return;
        m_draftKept = !keepDraft(app, "");
    }
    bool ownsScrolling() const override { return true; }

private:
    void refresh(App& app, core::Journal& journal) {
        const uint64_t version = app.dataVersion();
        if (m_loaded && version == m_version) return;
        m_version = version;
        const core::LocalDateTime now = core::localFromUtc(journal.now());
        auto today = journal.countEpisodes(core::DateRange{now.date, now.date});
        m_loggedToday = today ? static_cast<int>(*today) : 0;
        auto all = journal.countEpisodes({});
        m_empty = all && *all == 0;
        if (!today || !all) app.reportError("Your journal could not be read: " + (!today ? today : all).error().message);
        if (!m_loaded) {
            auto settings = journal.settings();
            if (!settings) app.reportError("Your settings could not be read: " + settings.error().message);
            const core::Settings s = settings ? *settings : core::Settings{};
            m_lastSide = s.lastSide;
            m_form.reset(journal.now(), m_lastSide);
            if (!s.logDraft.empty()) {
                // A form kept while the app was in the background comes back once; one that cannot be
                // read is dropped (the person sees an empty form, as before it was kept).
                if (!m_form.restoreDraft(s.logDraft, journal.now())) m_form.reset(journal.now(), m_lastSide);
                if (!keepDraft(app, "")) app.reportError("The form kept from last time could not be cleared.");
            }
            m_loaded = true;
        }
    }

    static int64_t journalNow() { return core::nowUtc(); }

    void drawHeader(App& app) {
        if (m_form.editing()) {
            heading("Edit episode");
            hint("Change what you need, then save. Esc or Back cancels.");
        } else {
            heading("How is your knee right now?");
            if (m_empty) {
                hint("Welcome. Your journal is empty and stays on this device. Tap a number below to log how "
                     "your knee feels now: a pain number alone is enough.");
                if (app.canExploreSample() && !app.exploringSample()) {
                    if (ImGui::Button("Or look around a sample journal first", ImVec2(0, layout().minTouch)))
                        app.exploreSample();
                    recordItem("log:sample");
                }
            } else if (m_loggedToday == 0) hint("Nothing logged today yet. A pain number alone is enough.");
            else {
                char buf[96];
                std::snprintf(buf, sizeof buf, "%d episode%s logged today. Log each one as it happens.", m_loggedToday,
                              m_loggedToday == 1 ? "" : "s");
                hint(buf);
            }
        }
        ImGui::Spacing();
        m_form.drawWhen(app.journal()->now());
    }

    void drawFooter(App& app, core::Journal& journal) {
        ImGui::Separator();
        ImGui::Spacing();
        const bool canSave = m_form.hasPain() && m_form.blockingError().empty();
        char label[64];
        if (canSave) std::snprintf(label, sizeof label, "Save  \xC2\xB7  pain %d", m_form.episode().pain);
        else if (m_form.hasPain()) std::snprintf(label, sizeof label, "Check the temperature to save");
        else std::snprintf(label, sizeof label, "Choose a pain number to save");
        const float w = layout().narrow ? ImGui::GetContentRegionAvail().x
                                        : std::min(ImGui::GetContentRegionAvail().x, em(18.0f));
        ImGui::BeginDisabled(!canSave);
        const bool enter = canSave && !ImGui::GetIO().WantTextInput &&
                           (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
                            ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false));
        const bool clicked = primaryButton(label, ImVec2(w, 0));
        ImGui::EndDisabled();
        recordItem("save");
        if (m_form.editing()) {
            ImGui::SameLine();
            if (ImGui::Button("Cancel", ImVec2(0, std::max(layout().minTouch, ImGui::GetFontSize() + em(1.0f)))))
                m_form.reset(journal.now(), m_lastSide);
            recordItem("cancel");
        }
        if (clicked || enter) save(app, journal);
    }

    void save(App& app, core::Journal& journal) {
        core::Episode e = m_form.episode();
        const bool editing = m_form.editing();
        auto saved = editing ? journal.edit(e) : journal.add(e);
        if (!saved) {
            app.reportError("Not saved: " + saved.error().message);
            return;
        }
        if (!e.side.empty() && e.side != m_lastSide) {
            m_lastSide = e.side;
            auto settings = journal.settings();
            if (settings) settings->lastSide = m_lastSide;
            app.reportIfFailed(settings ? journal.saveSettings(*settings) : core::Result<void>(settings.error()),
                               "The side could not be remembered");
        }
        char msg[160];
        std::snprintf(msg, sizeof msg, "%s \xE2\x9C\x93  %s %s, pain %d", editing ? "Changes saved" : "Saved",
                      core::formatDate(e.startedAt.date).c_str(), core::formatTime(e.startedAt).c_str(), e.pain);
        app.flash(msg);
        e.id = saved->id;
        app.showOutcome(*saved, e);
        m_form.reset(journal.now(), m_lastSide);
        m_scrollToTop = true;
        if (editing) app.show(ScreenId::History);
    }

    // While a calf or leg sign is ticked: the clot risks, one tap each, stored in the profile
    // (Settings shows the same list) and read by triage on this save.
    static void drawClotRiskPrompt(App& app) {
        core::Journal* journal = app.journal();
        if (!journal) return;
        auto profile = journal->profile();
        if (!profile) return;
        static constexpr std::string_view kClotRisks[] = {"recent_surgery", "long_journey", "immobile",
                                                          "pregnant_or_postpartum", "hormones", "cancer",
                                                          "previous_clot", "blood_thinners"};
        ImGui::Spacing();
        hint("Does any of these apply to you? It changes the advice for calf and leg signs, and is kept for "
             "next time (Settings > risks).");
        bool first = true;
        for (std::string_view name : kClotRisks) {
            const core::Term* t = core::findTerm(core::riskTerms(), name);
            const bool on = profile->has(name);
            const std::string label(t->label);
            flowItem(ImGui::CalcTextSize(label.c_str()).x + em(2.6f), first);
            first = false;
            if (chip((label + "##risk").c_str(), on, std::string(t->explanation).c_str()))
                app.reportIfFailed(journal->setRisk(std::string(name), !on), "The risk could not be saved");
            recordItem("risk:" + std::string(name));
        }
    }

    LogForm m_form;
    CheckInCards m_cards;
    std::optional<core::Episode> m_pendingEdit;
    std::string m_lastSide;
    uint64_t m_version = 0;
    bool m_loaded = false;
    bool m_draftKept = false;  // the journal holds a copy of the form (Settings::logDraft)
    int m_loggedToday = 0;
    bool m_empty = false;
    bool m_scrollToTop = false;
};

}  // namespace

std::unique_ptr<Screen> makeLogScreen() { return std::make_unique<LogScreen>(); }

}  // namespace ui
