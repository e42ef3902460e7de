// The parts of the app window drawn over or around the screens: the recovery page when the
// journal cannot be opened, the error strip, the sample-journal strip, the first-run disclaimer
// and the short confirmation ("flash") at the bottom.
#include <algorithm>
#include <string>

#include "core/profile.hpp"
#include "ui/app.hpp"
#include "ui/widgets.hpp"

namespace ui {

std::string App::disclaimerText() {
    const std::string number(core::emergencyNumberFor(m_journal ? m_journal->region() : std::string()));
    return "KneeLog helps you keep track of your knee and tells you when what you log needs a doctor. "
           "It gives general information only: it does not diagnose, and it is not a substitute for a "
           "doctor, physiotherapist or pharmacist. In an emergency, call " + number + " now.";
}

void App::drawRecovery() {
    ImGui::SetCursorPos(ImVec2(em(1.5f), em(1.5f)));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetIO().DisplaySize.x - em(1.5f));
    drawErrors();
    heading("Your journal could not be opened");
    ImGui::TextWrapped("%s", m_openError.c_str());
    ImGui::Spacing();
    hint("KneeLog has not changed the file. Nothing in it has been written to or deleted.");
    ImGui::Spacing();
    if (m_restoreBackup) {
        if (primaryButton("Restore the newest automatic backup")) {
            if (auto r = m_restoreBackup(); r) m_openError = "The backup was restored. Please start KneeLog again.";
            else m_openError = r.error().message;
            m_restoreBackup = {};
        }
    } else {
        hint("There is no automatic backup to restore. You can choose another file with: kneelog --db PATH");
    }
    if (ImGui::Button("Close KneeLog")) m_quit = true;
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
}

void App::drawErrors() {
    if (m_errors.empty()) return;
    const Palette& p = palette();
    ImGui::PushStyleColor(ImGuiCol_Text, p.danger);
    ImGui::PushFont(fonts().bold);
    ImGui::TextWrapped("%s", m_errors.front().c_str());
    ImGui::PopFont();
    ImGui::PopStyleColor();
    if (m_errors.size() > 1) hint((std::to_string(m_errors.size() - 1) + " more after this one.").c_str());
    if (ImGui::Button("OK, I have seen this##error", ImVec2(0, layout().minTouch))) m_errors.erase(m_errors.begin());
    recordItem("error:ok");
    ImGui::Separator();
}

void App::drawSampleStrip() {
    const Palette& p = palette();
    ImGui::PushStyleColor(ImGuiCol_Text, p.accent);
    ImGui::PushFont(fonts().bold);
    ImGui::TextWrapped("You are exploring a sample journal: made-up entries, kept apart from your own.");
    ImGui::PopFont();
    ImGui::PopStyleColor();
    if (ImGui::Button("Back to my journal", ImVec2(0, layout().minTouch))) leaveSample();
    recordItem("sample:leave");
    ImGui::Separator();
}

void App::drawDisclaimer() {
    if (!m_disclaimerPending) return;
    const ImGuiIO& io = ImGui::GetIO();
    if (!ImGui::IsPopupOpen("Before you start")) ImGui::OpenPopup("Before you start");
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(io.DisplaySize.x - em(1.5f), em(30.0f)), 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(em(1.2f), em(1.0f)));
    if (ImGui::BeginPopupModal("Before you start", nullptr,
                               ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoTitleBar)) {
        heading("Before you start");
        ImGui::Spacing();
        ImGui::TextWrapped("%s", disclaimerText().c_str());
        ImGui::Spacing();
        hint("Your journal stays on this device. Nothing is sent anywhere unless you export it.");
        ImGui::Spacing();
        ImGui::TextUnformatted("Where do you live?");
        hint("So that urgent advice names your emergency number and same-day line. You can change it in "
             "Settings.");
        drawRegionChoice(*this);
        ImGui::Spacing();
        if (primaryButton("I understand", ImVec2(-1, 0))) {
            // Closed either way (the person has read it); a failed save is shown and it is asked again next time.
            core::Settings s = readSettings();
            s.disclaimerSeenAt = m_journal->now();
            reportIfFailed(m_journal->saveSettings(s), "Your acknowledgement could not be saved");
            m_disclaimerPending = false;
            ImGui::CloseCurrentPopup();
        }
        recordItem("disclaimer:ok");
        ImGui::EndPopup();
    }
    ImGui::PopStyleVar();
}

void App::drawFlash() {
    if (m_flash.empty()) return;
    if (ImGui::GetTime() > m_flashUntil) {
        m_flash.clear();
        return;
    }
    const ImGuiIO& io = ImGui::GetIO();
    const float bottom = layout().narrow ? std::max(layout().minTouch * 1.25f, em(3.2f)) + em(0.8f) : em(1.2f);
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y - bottom), 0, ImVec2(0.5f, 1.0f));
    ImGui::SetNextWindowBgAlpha(0.95f);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, palette().text);
    ImGui::PushStyleColor(ImGuiCol_Text, palette().background);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, em(0.6f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(em(1.0f), em(0.7f)));
    ImGui::Begin("##flash", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing |
                     ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs);
    ImGui::PushTextWrapPos(std::min(io.DisplaySize.x * 0.85f, em(30.0f)));
    ImGui::TextUnformatted(m_flash.c_str());
    ImGui::PopTextWrapPos();
    ImGui::End();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor(2);
}

}  // namespace ui
