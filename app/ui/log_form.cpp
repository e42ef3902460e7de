#include "ui/log_form.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>

#include "core/csv.hpp"
#include "core/vocabulary.hpp"
#include "core/words.hpp"
#include "ui/date_words.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace ui {

const char* painWords(int pain) {
    if (pain <= 0) return "no pain";
    if (pain <= 3) return "mild";
    if (pain <= 6) return "moderate";
    if (pain <= 9) return "severe";
    return "worst imaginable";
}

void LogForm::reset(int64_t nowUtc, const std::string& lastSide) {
    m_draft = core::Episode{};
    m_draft.side = lastSide;
    m_draft.startedAt = core::localFromUtc(nowUtc);
    m_hasPain = false;
    m_timeIsNow = true;
    m_pickerOpen = false;
    m_timeError.clear();
    m_tempText.clear();
    m_tempError.clear();
    m_legPreselected = false;
}

void LogForm::load(const core::Episode& e) {
    m_draft = e;
    m_hasPain = true;
    m_timeIsNow = false;
    m_pickerOpen = false;
    m_timeError.clear();
    m_tempText = e.temperatureTenths ? core::formatTemperature(*e.temperatureTenths) : std::string();
    m_tempError.clear();
    m_legPreselected = !e.leg.empty();
}

bool LogForm::legSignTicked() const {
    return m_draft.hasSymptom("calf_pain") || m_draft.hasSymptom("calf_swelling") || m_draft.hasSymptom("leg_swelling") ||
           m_draft.hasWhere("below");
}

core::Episode LogForm::episode() const {
    core::Episode e = m_draft;
    if (m_timeIsNow) e.startedAt = core::localFromUtc(core::nowUtc());
    if (!legSignTicked()) e.leg.clear();  // the leg is asked only for calf or leg signs
    return e;
}

void LogForm::setTime(const core::LocalDateTime& t) {
    m_draft.startedAt = t;
    m_timeIsNow = false;
}

void LogForm::drawWhen(int64_t nowUtc) {
    const core::LocalDateTime now = core::localFromUtc(nowUtc);
    const core::LocalDateTime& t = m_timeIsNow ? now : m_draft.startedAt;
    const std::string when = dayHeading(t.date, now.date) + "  \xC2\xB7  " + core::formatTime(t) + (m_timeIsNow ? " (now)" : "");
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(when.c_str());
    flowItem(ImGui::CalcTextSize("Change time").x + em(1.0f), false);
    if (ImGui::Button(m_pickerOpen ? "Close##time" : "Change time", ImVec2(0, layout().minTouch))) {
        m_pickerOpen = !m_pickerOpen;
        m_timeText = core::formatDate(t.date) + " " + core::formatTime(t);
        m_timeError.clear();
    }
    recordItem("change-time");
    // Late entries land on the wrong day in other diaries: say plainly which day this is.
    if (m_timeIsNow && now.hour < 5) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().textMuted);
        ImGui::TextWrapped("It is after midnight, so this will be logged on %s.", dayHeading(now.date, now.date).c_str());
        ImGui::PopStyleColor();
        if (ImGui::Button("It was yesterday evening")) {
            core::LocalDateTime y = now;
            y.date = core::addDays(now.date, -1);
            y.hour = 23;
            y.minute = 30;
            y.second = 0;
            auto resolved = core::parseDateTime(core::formatDate(y.date) + " 23:30");
            setTime(resolved ? *resolved : y);
        }
        recordItem("yesterday-evening");
    }
    if (m_pickerOpen) drawTimePicker(nowUtc);
}

void LogForm::drawTimePicker(int64_t nowUtc) {
    ImGui::Indent(em(0.5f));
    hint("Type the date and time it started (YYYY-MM-DD HH:MM), or pick one:");
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, em(12.0f)));
    bool apply = ImGui::InputText("##when", &m_timeText, ImGuiInputTextFlags_EnterReturnsTrue);
    recordItem("time-text");
    ImGui::SameLine();
    apply = ImGui::Button("Set time") || apply;
    recordItem("time-apply");
    struct Quick { const char* label; int64_t minutesAgo; };
    bool first = true;
    for (const Quick& q : {Quick{"Now", 0}, Quick{"1 hour ago", 60}, Quick{"3 hours ago", 180}, Quick{"Yesterday", 24 * 60}}) {
        flowItem(ImGui::CalcTextSize(q.label).x + em(1.5f), first);
        first = false;
        if (ImGui::Button(q.label)) {
            if (q.minutesAgo == 0) {
                m_timeIsNow = true;
                m_pickerOpen = false;
            } else {
                setTime(core::localFromUtc(nowUtc - q.minutesAgo * 60));
                m_timeText = core::formatDate(m_draft.startedAt.date) + " " + core::formatTime(m_draft.startedAt);
            }
        }
    }
    if (apply) {
        auto t = core::parseDateTime(m_timeText);
        if (!t) m_timeError = t.error().message;
        else if (t->date.year < 1970) m_timeError = "Dates before 1970 cannot be logged.";
        else if (core::toUtcSeconds(*t) > nowUtc + core::kFutureToleranceSeconds)
            m_timeError = "That time is in the future. Log an episode once it has started.";
        else {
            setTime(*t);
            m_timeError.clear();
            m_pickerOpen = false;
        }
    }
    if (!m_timeError.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().danger);
        ImGui::TextWrapped("%s", m_timeError.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::Unindent(em(0.5f));
}

void LogForm::drawPain() {
    sectionTitle("Pain right now, 0 to 10", true);
    const bool narrow = layout().narrow;
    const float spacing = em(0.35f);
    const int perRow = narrow ? 6 : 11;
    const float avail = ImGui::GetContentRegionAvail().x;
    const float size = std::clamp((avail - spacing * static_cast<float>(perRow - 1)) / static_cast<float>(perRow),
                                  layout().minTouch, em(3.6f));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(spacing, spacing));
    ImGui::PushFont(fonts().huge);
    float rowRight = 0;  // the anchors line up with the ends of the scale, not of the window
    for (int n = 0; n <= 10; ++n) {
        if (n % perRow != 0) ImGui::SameLine();
        const bool selected = m_hasPain && m_draft.pain == n;
        const ImVec4 fill = painColor(n);
        ImGui::PushStyleColor(ImGuiCol_Button, fill);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(fill.x * 0.9f, fill.y * 0.9f, fill.z * 0.9f, 1));
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImVec4(fill.x * 0.8f, fill.y * 0.8f, fill.z * 0.8f, 1));
        ImGui::PushStyleColor(ImGuiCol_Text, painTextColor(n));
        ImGui::PushStyleColor(ImGuiCol_Border, selected ? palette().text : ImVec4(0, 0, 0, 0));
        ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, selected ? std::max(3.0f, em(0.2f)) : 0.0f);
        ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, em(0.5f));
        char label[16];
        std::snprintf(label, sizeof label, "%d##pain", n);
        if (ImGui::Button(label, ImVec2(size, size))) {
            m_draft.pain = n;
            m_hasPain = true;
        }
        recordItem("pain:" + std::to_string(n));
        rowRight = std::max(rowRight, ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x);
        if (selected) {  // a second cue besides colour: a ring and an underline bar
            const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
            ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(a.x + size * 0.3f, b.y - em(0.35f)),
                                                      ImVec2(b.x - size * 0.3f, b.y - em(0.2f)),
                                                      ImGui::GetColorU32(painTextColor(n)), 2.0f);
        }
        ImGui::PopStyleVar(2);
        ImGui::PopStyleColor(5);
    }
    ImGui::PopFont();
    ImGui::PopStyleVar();
    ImGui::PushStyleColor(ImGuiCol_Text, palette().textMuted);
    ImGui::TextUnformatted("0 = no pain");
    const char* right = "10 = worst pain imaginable";
    ImGui::SameLine(std::max(ImGui::GetCursorPosX() + em(1.0f), rowRight - ImGui::CalcTextSize(right).x));
    ImGui::TextUnformatted(right);
    ImGui::PopStyleColor();
    if (m_hasPain) ImGui::Text("You chose %d: %s.", m_draft.pain, painWords(m_draft.pain));
}

void LogForm::drawSide() {
    sectionTitle("Which knee?", true);
    segmented("side", core::sideTerms(), m_draft.side);
}

void LogForm::drawWhere(const PictureSource& pictures) { kneeMapPicker(pictures, m_draft.side, m_draft.where); }

void LogForm::drawDetails() {
    sectionTitle("Type of pain", true);
    segmented("type", core::painTypeTerms(), m_draft.painType);
    sectionTitle("How it started", true);
    segmented("onset", core::onsetTerms(), m_draft.onset);
    sectionTitle("When does it hurt?", true);
    chipSet("when", core::contextTerms(), m_draft.when);
    drawSymptoms();
    sectionTitle("What you did for it", true);
    chipSet("care", core::careTerms(), m_draft.care);
    if (std::find(m_draft.care.begin(), m_draft.care.end(), "medication") != m_draft.care.end()) {
        ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, em(20.0f)));
        ImGui::InputTextWithHint("##medication", "Medication and dose, e.g. ibuprofen 400 mg", &m_draft.medication);
        recordItem("medication");
    }
    drawNote();
}

void LogForm::drawSymptoms() {
    sectionTitle("Symptoms", true);
    std::string group;
    for (const core::Term& t : core::symptomTerms()) {
        if (t.group == group) continue;
        group = std::string(t.group);
        ImGui::PushStyleColor(ImGuiCol_Text, palette().textMuted);
        ImGui::TextUnformatted(group.c_str());
        ImGui::PopStyleColor();
        chipSet("symptom", core::symptomTerms(), m_draft.symptoms, group.c_str());
    }
    // The questions open below every symptom chip, so nothing the person is tapping moves.
    drawLegQuestion();
    drawFollowUp();
    if (legSignTicked() && m_riskPrompt) m_riskPrompt();
    // One line for each ticked symptom whose word may be unclear.
    for (const auto& name : m_draft.symptoms)
        if (const core::Term* t = core::findTerm(core::symptomTerms(), name); t && !t->explanation.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, palette().textMuted);
            ImGui::TextWrapped("\xE2\x9C\x93 %.*s: %.*s", static_cast<int>(t->label.size()), t->label.data(),
                               static_cast<int>(t->explanation.size()), t->explanation.data());
            ImGui::PopStyleColor();
        }
}

// A calf or leg sign: which leg (one tap), preselected to the knee side when one knee is chosen.
// The knee side never decides a leg rule, so both are asked (red flags version 2).
void LogForm::drawLegQuestion() {
    if (!legSignTicked()) return;
    if (!m_legPreselected && m_draft.leg.empty() && (m_draft.side == "left" || m_draft.side == "right"))
        m_draft.leg = m_draft.side;
    m_legPreselected = true;
    sectionTitle("Which leg is the calf or leg sign in?", true);
    segmented("leg", core::legTerms(), m_draft.leg);
}

// A joint sign or a leg sign: ask about the signs that change the advice, with the temperature.
void LogForm::drawFollowUp() {
    const bool joint = m_draft.hasSymptom("swelling") || m_draft.hasSymptom("redness") || m_draft.hasSymptom("warmth");
    if (!joint && !legSignTicked()) return;
    ImGui::Spacing();
    const PanelStart panel = beginPanel(em(0.6f));
    ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x - panel.pad);
    ImGui::TextWrapped("Please also check these, they change the advice:");
    static constexpr core::Term kAsk[] = {{"fever", "Fever", "", ""},
                                          {"calf_swelling", "Calf swelling", "", ""},
                                          {"breathless", "Short of breath", "", ""}};
    chipSet("followup", kAsk, m_draft.symptoms);
    drawTemperature();
    ImGui::PopTextWrapPos();
    const ImVec4 a = palette().accent;
    endPanel(panel, ImVec4(a.x, a.y, a.z, 0.10f), em(0.4f));
}

void LogForm::drawTemperature() {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Temperature, if you took it:");
    flowItem(em(8.5f), false);
    ImGui::SetNextItemWidth(em(6.0f));
    ImGui::InputTextWithHint("##temperature", "e.g. 38.2", &m_tempText, ImGuiInputTextFlags_CharsDecimal);
    recordItem("temperature");
    ImGui::SameLine();
    ImGui::TextUnformatted("\xC2\xB0""C");
    m_tempError.clear();
    m_draft.temperatureTenths.reset();
    if (!m_tempText.empty()) {
        auto t = core::parseTemperature(m_tempText);
        if (t) m_draft.temperatureTenths = *t;
        else m_tempError = "Temperature: type it in \xC2\xB0""C between 34.0 and 43.0, e.g. 38.2.";
    }
    if (!m_tempError.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().danger);
        ImGui::TextWrapped("%s", m_tempError.c_str());
        ImGui::PopStyleColor();
    } else if (m_draft.temperatureTenths && *m_draft.temperatureTenths >= core::kFeverTenths) {
        hint("That counts as a fever.");
    }
}

void LogForm::drawNote() {
    sectionTitle("Note", true);
    const std::size_t count = core::utf8Length(m_draft.note);
    const float h = layout().narrow ? em(5.0f) : em(6.0f);
    ImGui::InputTextMultiline("##note", &m_draft.note, ImVec2(-1, h));
    recordItem("note");
    const bool over = count > core::kMaxNoteChars;
    ImGui::PushStyleColor(ImGuiCol_Text, over ? palette().danger : palette().textMuted);
    const std::string counter = core::withThousands(count) + " / " + core::withThousands(core::kMaxNoteChars) + " characters";
    ImGui::TextUnformatted(counter.c_str());
    if (over)
        ImGui::TextWrapped("The note is %s characters too long. Shorten it to save; nothing is cut off for you.",
                           core::withThousands(count - core::kMaxNoteChars).c_str());
    ImGui::PopStyleColor();
}

// [SECTION] the draft kept while in the background: a first line "kneelog-draft 1 <id> <hasPain>
// <timeIsNow>", then the episode as the CSV export writes it (header and one row).
namespace {
constexpr std::string_view kDraftMagic = "kneelog-draft 1 ";
}

std::string LogForm::draft(const std::string& lastSide) const {
    const core::Episode& d = m_draft;
    const bool untouched = !m_hasPain && m_timeIsNow && d.id == 0 && d.side == lastSide && d.leg.empty() &&
                           !d.temperatureTenths && m_tempText.empty() && d.painType.empty() && d.onset.empty() &&
                           d.when.empty() && d.symptoms.empty() && d.care.empty() && d.where.empty() && d.medication.empty() &&
                           d.note.empty();
    if (untouched) return {};
    return std::string(kDraftMagic) + std::to_string(d.id) + " " + (m_hasPain ? "1" : "0") + " " +
           (m_timeIsNow ? "1" : "0") + "\n" + core::episodesToCsv({&d, 1});
}

bool LogForm::restoreDraft(std::string_view text, int64_t nowUtc) {
    if (text.substr(0, kDraftMagic.size()) != kDraftMagic) return false;
    const std::size_t eol = text.find('\n');
    if (eol == std::string_view::npos) return false;
    long long id = 0;
    int hasPain = 0, timeIsNow = 0;
    const std::string flags(text.substr(kDraftMagic.size(), eol - kDraftMagic.size()));
    if (std::sscanf(flags.c_str(), "%lld %d %d", &id, &hasPain, &timeIsNow) != 3) return false;
    const core::CsvReadResult read = core::parseEpisodesCsv(text.substr(eol + 1), nowUtc);
    if (read.rows.size() != 1 || !read.problems.empty()) return false;
    m_draft = read.rows.front().episode;
    m_draft.id = id;
    m_hasPain = hasPain != 0;
    m_timeIsNow = timeIsNow != 0;
    if (m_timeIsNow) m_draft.startedAt = core::localFromUtc(nowUtc);
    m_pickerOpen = false;
    m_timeError.clear();
    m_tempText = m_draft.temperatureTenths ? core::formatTemperature(*m_draft.temperatureTenths) : std::string();
    m_tempError.clear();
    m_legPreselected = !m_draft.leg.empty();
    return true;
}

}  // namespace ui
