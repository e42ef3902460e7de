#include "ui/alerts.hpp"

#include <imgui.h>

#include <algorithm>

#include "core/vocabulary.hpp"
#include "core/words.hpp"
#include "ui/app.hpp"
#include "ui/widgets.hpp"

namespace ui {

namespace {

// A warning triangle drawn with shapes, so it never depends on a font glyph.
void warningIcon(float size, ImU32 fill, ImU32 mark) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddTriangleFilled(ImVec2(p.x + size * 0.5f, p.y), ImVec2(p.x + size, p.y + size * 0.9f),
                          ImVec2(p.x, p.y + size * 0.9f), fill);
    const float w = size * 0.08f;
    dl->AddRectFilled(ImVec2(p.x + size * 0.5f - w, p.y + size * 0.28f), ImVec2(p.x + size * 0.5f + w, p.y + size * 0.62f),
                      mark, w);
    dl->AddCircleFilled(ImVec2(p.x + size * 0.5f, p.y + size * 0.75f), w * 1.1f, mark);
    ImGui::Dummy(ImVec2(size, size * 0.9f));
}

}  // namespace

const char* levelWord(core::Level level) {
    switch (level) {
    case core::Level::Emergency: return "EMERGENCY";
    case core::Level::Urgent: return "URGENT: TODAY";
    case core::Level::Soon: return "SEE A DOCTOR SOON";
    case core::Level::SelfCare:
    default: return "SELF-CARE";
    }
}

std::string describeLogged(const core::Episode& e) {
    std::string out = "pain " + std::to_string(e.pain);
    for (const auto& s : e.symptoms) {
        std::string label = core::termLabel(core::symptomTerms(), s);
        std::transform(label.begin(), label.end(), label.begin(), [](unsigned char c) { return std::tolower(c); });
        out += ", " + label;
    }
    if (!e.side.empty()) out += e.side == "both" ? ", both knees" : ", " + e.side + " knee";
    if (!e.leg.empty()) out += e.leg == "both" ? ", in both legs" : ", in the " + e.leg + " leg";
    if (e.temperatureTenths) out += ", " + core::formatTemperature(*e.temperatureTenths) + " °C";
    if (e.onset == "sudden") out += ", came on suddenly";
    return out;
}

void AlertCenter::refresh(core::Journal& journal, uint64_t version) {
    if (m_loaded && version == m_version) return;
    m_loaded = true;
    m_version = version;
    auto pending = journal.pendingAlerts();
    if (!pending) {  // what was pinned stays pinned; the person is told, and it is read again
        m_loaded = false;
        m_error = "Your alerts could not be read: " + pending.error().message;
        return;
    }
    m_pinned.clear();
    std::stable_sort(pending->begin(), pending->end(),
                     [](const core::PendingAlert& a, const core::PendingAlert& b) { return a.alert.level > b.alert.level; });
    for (const core::PendingAlert& p : *pending) {
        const core::Alert& a = p.alert;
        AlertView v{a.id, a.episodeId, a.level, a.ruleIds, a.fromHistory, {}, std::nullopt};
        if (p.episode) {
            v.logged = describeLogged(*p.episode);
            v.loggedAt = p.episode->startedAt;
        }
        m_pinned.push_back(std::move(v));
    }
}

void AlertCenter::setOutcome(const core::SaveOutcome& outcome, const core::Episode& e) {
    m_outcome.reset();
    if (outcome.level != core::Level::Soon) return;  // urgent and emergency are pinned from the journal
    AlertView v;
    v.episodeId = outcome.id;
    v.level = outcome.level;
    v.ruleIds = outcome.episodeTriage.ruleIds;
    for (const auto& id : outcome.historyTriage.ruleIds) v.ruleIds.push_back(id);
    v.fromHistory = outcome.episodeTriage.ruleIds.empty();
    v.logged = describeLogged(e);
    v.loggedAt = e.startedAt;
    m_outcome = std::move(v);
}

bool AlertCenter::draw(App& app, bool onLogScreen) {
    bool drew = false;
    if (!m_pinned.empty()) {
        drawBanner(app, m_pinned.front(), true);
        if (m_pinned.size() > 1) {
            const size_t more = m_pinned.size() - 1;
            hint((std::to_string(more) + (more == 1 ? " more alert" : " more alerts") +
                  " below this one will show when you acknowledge it.").c_str());
        }
        drew = true;
    }
    if (onLogScreen && m_outcome) {
        drawBanner(app, *m_outcome, false);
        drew = true;
    }
    if (m_dismissOutcome) {
        m_outcome.reset();
        m_dismissOutcome = false;
    }
    return drew;
}

// The banner is a group drawn over a rounded fill (draw-list channels), so it sizes to its content.
void AlertCenter::drawBanner(App& app, const AlertView& a, bool pinned) {
    core::Journal* journal = app.journal();
    if (!journal) return;
    const ImVec4 bg = levelColor(a.level);
    const ImVec4 fg = levelTextColor(a.level);
    const float pad = em(0.9f);
    ImGui::PushID(static_cast<int>(a.alertId ? a.alertId : -a.episodeId));
    const PanelStart panel = beginPanel(pad);
    ImGui::PushStyleColor(ImGuiCol_Text, fg);
    ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x - pad);
    warningIcon(em(1.6f), ImGui::GetColorU32(fg), ImGui::GetColorU32(bg));
    ImGui::SameLine();
    ImGui::PushFont(fonts().bold);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + em(0.3f));
    ImGui::TextUnformatted(levelWord(a.level));
    ImGui::PopFont();
    ImGui::PushFont(fonts().heading);
    ImGui::TextWrapped("%s", core::actionText(a.level, journal->region()).c_str());
    ImGui::PopFont();
    ImGui::TextWrapped("%s", a.fromHistory ? "Because of your entries over the last two weeks:" : "Why:");
    for (const auto& id : a.ruleIds)
        if (const core::Rule* r = core::findRule(id))
            ImGui::TextWrapped("\xE2\x80\xA2 %.*s", static_cast<int>(r->title.size()), r->title.data());
    if (!a.logged.empty() && !a.fromHistory) ImGui::TextWrapped("You logged: %s.", a.logged.c_str());
    if (a.loggedAt) {
        const core::LocalDateTime now = core::localFromUtc(journal->now());
        const std::string when = core::daysAgoText(*a.loggedAt, now);
        ImGui::TextWrapped("Logged %s (%s at %s).", when.c_str(), core::formatDate(a.loggedAt->date).c_str(),
                           core::formatTime(*a.loggedAt).c_str());
    }
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::Spacing();
    drawActions(app, a, pinned, bg, panel.right - pad);
    endPanel(panel, bg, em(0.5f));
    ImGui::PopID();
    ImGui::Spacing();
}

void AlertCenter::drawActions(App& app, const AlertView& a, bool pinned, const ImVec4& bg, float right) {
    core::Journal* journal = app.journal();
    const float h = layout().minTouch;
    // On phones each action takes the full width of the banner: big targets, nothing cut off.
    const auto width = [&] { return layout().narrow ? right - ImGui::GetCursorScreenPos().x : 0.0f; };
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(1, 1, 1, 0.96f));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(1, 1, 1, 0.85f));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImVec4(1, 1, 1, 0.75f));
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(bg.x * 0.55f, bg.y * 0.55f, bg.z * 0.55f, 1));
    const char* ack = !pinned ? "OK" : a.level == core::Level::Emergency ? "I have called / I am getting help"
                                                                           : "I understand";
    ImGui::PushFont(fonts().bold);
    if (ImGui::Button(ack, ImVec2(width(), h))) {
        if (pinned) app.reportIfFailed(journal->acknowledge(a.alertId), "The alert could not be marked as read");
        else m_dismissOutcome = true;  // `a` may be the outcome itself: reset it after drawing
    }
    ImGui::PopFont();
    recordItem(pinned ? "alert:ack" : "alert:ok");
    ImGui::PopStyleColor(4);
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0.20f));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0, 0, 0, 0.30f));
    ImGui::PushStyleColor(ImGuiCol_Text, levelTextColor(a.level));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.0f);
    flowItem(ImGui::CalcTextSize("Why am I seeing this?").x + em(1.5f), false);
    if (ImGui::Button("Why am I seeing this?", ImVec2(width(), h)) && !a.ruleIds.empty())
        app.openRule(a.ruleIds.front(), a.logged);
    recordItem("alert:why");
    if (!a.ruleIds.empty())
        if (const core::Rule* r = core::findRule(a.ruleIds.front()); r && !r->articles.empty()) {
            const std::string article(r->articles.front());
            const std::string label = layout().narrow ? "Read the guidance" : "Read: " + app.articleTitle(article);
            flowItem(ImGui::CalcTextSize(label.c_str()).x + em(1.5f), false);
            if (ImGui::Button(label.c_str(), ImVec2(width(), h))) app.openArticle(article);
            recordItem("alert:read");
        }
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(3);
}

}  // namespace ui
