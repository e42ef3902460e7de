// The History screen: every episode, newest first, grouped by day, drawn through an
// ImGuiListClipper over the row model of history_model.hpp (read a page at a time, cached per
// data version and filter). Tap a row to see everything, edit or delete.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "core/triage.hpp"
#include "core/vocabulary.hpp"
#include "core/words.hpp"
#include "ui/app.hpp"
#include "ui/relief_choice.hpp"
#include "ui/cards.hpp"
#include "ui/date_words.hpp"
#include "ui/draw.hpp"
#include "ui/fonts.hpp"
#include "ui/history_model.hpp"
#include "ui/log_form.hpp"
#include "ui/marks.hpp"
#include "ui/period_choice.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace ui {

namespace {

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// [SECTION] the screen

constexpr PeriodChoice kPresets[] = {{"all", "All", "All"},         {"2w", "2 weeks", "2 wk"}, {"1m", "Month", "1 mo"},
                                     {"3m", "3 months", "3 mo"},  {"1y", "Year", "1 yr"}};
constexpr int kPresetDays[] = {0, 14, 30, 91, 365};  // 0: everything

class HistoryScreen final : public Screen {
public:
    void draw(App& app) override {
        core::Journal* journal = app.journal();
        if (!journal) return;
        m_today = core::localFromUtc(journal->now()).date;
        const uint64_t version = app.dataVersion();
        m_model.refresh(*journal, version, m_filter);
        if (version != m_selectionVersion && m_selected) select(*journal, m_selected->id);  // edited or deleted?
        m_selectionVersion = version;
        if (m_selected && layout().narrow) {  // a phone shows the details in place of the list
            ImGui::BeginChild("##details", ImVec2(0, 0), false, ImGuiWindowFlags_NoBackground);
            drawDetails(app, *journal);
            ImGui::EndChild();
            return;
        }
        if (m_model.journalEmpty() && !m_undo) return drawEmpty(app);
        drawFilters();
        drawUndo(app, *journal);
        if (!m_model.error().empty()) ImGui::TextColored(palette().danger, "History could not be read: %s", m_model.error().c_str());
        const float paneW = m_selected ? std::min(em(26.0f), ImGui::GetContentRegionAvail().x * 0.45f) : 0.0f;
        ImGui::PushStyleVar(ImGuiStyleVar_GrabMinSize, em(2.5f));  // thousands of rows: keep the grab visible
        ImGui::BeginChild("##list", ImVec2(m_selected ? -(paneW + em(1.0f)) : 0.0f, 0), false, ImGuiWindowFlags_NoBackground);
        drawList(*journal);
        ImGui::EndChild();
        ImGui::PopStyleVar();
        if (!m_selected) return;
        ImGui::SameLine(0, em(1.0f));
        beginCard("##details", 0, ImGui::GetContentRegionAvail().y - em(0.1f), true);
        drawDetails(app, *journal);
        (void)endCard();
    }

    bool back() override {
        if (!m_selected) return false;
        m_selected.reset();
        return true;
    }
    bool ownsScrolling() const override { return true; }

private:
    // [SECTION] filters
    void drawFilters() {
        heading("History");
        size_t preset = activePreset();
        if (periodChoice("history:range:", kPresets, preset)) applyPreset(preset);
        bool changed = dateField("From", "from", m_fromText, true);
        changed |= dateField("to", "to", m_toText, false);
        flowItem(em(14.0f), false);
        ImGui::SetNextItemWidth(layout().narrow ? -1.0f : std::min(em(20.0f), ImGui::GetContentRegionAvail().x));
        changed |= ImGui::InputTextWithHint("##search", "Search in notes", &m_noteText);
        recordItem("history:search");
        if (changed) applyTexts();
        if (!m_filterError.empty()) ImGui::TextColored(palette().danger, "%s", m_filterError.c_str());
        char summary[128];
        std::snprintf(summary, sizeof summary, "%d episode%s on %d day%s%s", m_model.episodes(),
                      m_model.episodes() == 1 ? "" : "s", m_model.days(), m_model.days() == 1 ? "" : "s",
                      m_filter.note.empty() ? "" : " with matching notes");
        hint(summary);
    }

    static bool dateField(const char* label, const char* key, std::string& text, bool first) {
        if (first) ImGui::AlignTextToFramePadding();
        else ImGui::SameLine();
        ImGui::TextUnformatted(label);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(em(7.6f));
        const bool changed = ImGui::InputTextWithHint((std::string("##") + key).c_str(), "YYYY-MM-DD", &text);
        recordItem(std::string("history:") + key);
        return changed;
    }

    // The preset the filter's dates match, or SIZE_MAX for dates typed by hand.
    size_t activePreset() const {
        for (size_t i = 0; i < std::size(kPresets); ++i) {
            const int days = kPresetDays[i];
            if (days == 0 ? !m_filter.range.from && !m_filter.range.to
                          : m_filter.range.to == m_today && m_filter.range.from == core::addDays(m_today, -(days - 1)))
                return i;
        }
        return SIZE_MAX;
    }

    void applyPreset(size_t i) {
        const int days = kPresetDays[i];
        m_fromText = days == 0 ? "" : core::formatDate(core::addDays(m_today, -(days - 1)));
        m_toText = days == 0 ? "" : core::formatDate(m_today);
        applyTexts();
    }

    // Applies the typed dates and search; an invalid date keeps the last good filter and says why.
    void applyTexts() {
        HistoryFilter f;
        m_filterError.clear();
        const auto parse = [&](const std::string& text, const char* which, std::optional<core::CivilDate>& out) {
            if (text.empty()) return;
            auto d = core::parseDate(text);
            if (d) out = *d;
            else if (m_filterError.empty()) m_filterError = std::string(which) + ": " + d.error().message;
        };
        parse(m_fromText, "From", f.range.from);
        parse(m_toText, "To", f.range.to);
        if (m_filterError.empty() && f.range.from && f.range.to && *f.range.to < *f.range.from)
            m_filterError = "The first date is after the second: swap them to see that period.";
        f.note = lower(m_noteText);
        if (m_filterError.empty()) m_filter = f;
    }

    // [SECTION] the list
    float rowHeight() const { return std::max(layout().minTouch, em(layout().narrow ? 3.1f : 2.3f)); }

    void drawList(core::Journal& journal) {
        if (m_model.rowCount() == 0) {
            ImGui::Spacing();
            hint("No episodes match these filters.");
            if (ImGui::Button("Show everything")) {
                m_noteText.clear();
                applyPreset(0);
            }
            recordItem("history:clear");
            return;
        }
        ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, 0));
        ImGuiListClipper clipper;  // rows of one height: a day header takes a row's height
        clipper.Begin(m_model.rowCount(), rowHeight());
        while (clipper.Step())
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const RowRef& ref = m_model.row(i);
                if (ref.episode < 0) drawDayHeader(m_model.group(ref.group));
                else if (const HistoryRow* r = m_model.episode(journal, ref.episode)) drawRow(journal, *r, ref.episode == 0);
                else ImGui::Dummy(ImVec2(1, rowHeight()));
            }
        clipper.End();
        ImGui::PopStyleVar();
    }

    void drawDayHeader(const DayGroup& g) {
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        const float h = rowHeight(), w = ImGui::GetContentRegionAvail().x;
        ImGui::Dummy(ImVec2(w, h));
        ImDrawList* dl = ImGui::GetWindowDrawList();
        ImFont* bold = fonts().bold;
        const float y = pos.y + h - ImGui::GetFontSize() - em(0.45f);
        const std::string title = dayHeading(g.day, m_today, layout().narrow);
        dl->AddText(bold, bold->FontSize, ImVec2(pos.x + em(0.2f), y), u32(palette().text), title.c_str());
        char summary[64];
        std::snprintf(summary, sizeof summary, "%d episode%s \xC2\xB7 worst %d", g.episodes, g.episodes == 1 ? "" : "s", g.maxPain);
        const float titleEnd = pos.x + em(0.2f) + bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, title.c_str()).x + em(0.8f);
        if (titleEnd + ImGui::CalcTextSize(summary).x > pos.x + w - em(0.2f))
            std::snprintf(summary, sizeof summary, "worst %d", g.maxPain);
        const float x = layout().narrow ? pos.x + w - em(0.5f) - ImGui::CalcTextSize(summary).x : titleEnd;
        dl->AddText(ImVec2(std::max(x, titleEnd), y), u32(palette().textMuted), summary);
    }

    void drawRow(core::Journal& journal, const HistoryRow& r, bool first) {
        const Palette& p = palette();
        const float h = rowHeight(), w = ImGui::GetContentRegionAvail().x;
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        ImGui::PushID(static_cast<int>(r.id));
        const bool clicked = ImGui::InvisibleButton("##row", ImVec2(w, h));
        const bool hovered = ImGui::IsItemHovered();
        ImGui::PopID();
        recordItem("history:row:" + std::to_string(r.id));
        if (first) recordItem("history:row:first");
        if (clicked) select(journal, r.id);
        const bool selected = m_selected && m_selected->id == r.id;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const ImVec2 a(pos.x, pos.y + em(0.12f)), b(pos.x + w, pos.y + h - em(0.12f));
        if (selected || hovered) dl->AddRectFilled(a, b, u32(selected ? ImGui::GetStyleColorVec4(ImGuiCol_Header)
                                    : ImGui::GetStyleColorVec4(ImGuiCol_FrameBgHovered)), em(0.5f));
        if (selected) dl->AddRect(a, b, u32(p.accent), em(0.5f), 0, std::max(2.0f, em(0.12f)));
        else dl->AddRect(a, b, u32(p.border), em(0.5f), 0, 1.0f);
        const float chip = layout().narrow ? em(2.3f) : em(1.8f);
        const float cy = (a.y + b.y) * 0.5f;
        painChip(dl, ImVec2(a.x + em(0.5f), cy - chip * 0.5f), chip, r.pain);
        float right = b.x - em(0.5f);
        if (r.alert) right -= alertPill(dl, right, layout().narrow ? a.y + (b.y - a.y) * 0.3f : cy, *r.alert, true) + em(0.5f);
        const float x = a.x + chip + em(1.2f);
        const float lh = ImGui::GetFontSize();
        if (layout().narrow) {
            const float y1 = a.y + (b.y - a.y) * 0.3f - lh * 0.5f, y2 = a.y + (b.y - a.y) * 0.72f - lh * 0.5f;
            const std::string line = r.side + (r.type.empty() ? "" : " \xC2\xB7 " + r.type);
            dl->AddText(fonts().bold, lh, ImVec2(x, y1), u32(p.text), r.time.c_str());
            const float tx = x + ImGui::CalcTextSize("00:00").x + em(0.6f);
            dl->AddText(ImVec2(tx, y1), u32(p.text), fitText(line, right - tx).c_str());
            symptomsAndNote(dl, r, ImVec2(x, y2), b.x - em(0.5f));
        } else {
            const float y = cy - lh * 0.5f;
            dl->AddText(fonts().bold, lh, ImVec2(x, y), u32(p.text), r.time.c_str());
            dl->AddText(ImVec2(x + em(3.6f), y), u32(p.text), r.side.c_str());
            dl->AddText(ImVec2(x + em(11.2f), y), u32(p.text), r.type.c_str());
            symptomsAndNote(dl, r, ImVec2(x + em(17.0f), y), right);
        }
    }

    // The symptoms (muted), then the start of the note, each cut to the space left before `right`.
    static void symptomsAndNote(ImDrawList* dl, const HistoryRow& r, ImVec2 pos, float right) {
        if (right - pos.x < em(2.0f)) return;
        if (!r.symptoms.empty()) {
            const std::string s = fitText(r.symptoms, right - pos.x);
            dl->AddText(pos, u32(palette().textMuted), s.c_str());
            pos.x += ImGui::CalcTextSize(s.c_str()).x + em(0.8f);
        }
        if (!r.note.empty() && right - pos.x > em(4.0f))
            dl->AddText(pos, u32(palette().text), fitText(r.note, right - pos.x).c_str());
    }

    void drawEmpty(App& app) {
        heading("History");
        if (emptyCard("##empty", m_emptyH, "Your journal is empty",
                      "Every episode you log appears here, newest first, grouped by day. Open the Log screen to add "
                      "your first one: a pain number alone is enough.",
                      "Go to the Log screen", "history:log"))
            app.show(ScreenId::Log);
    }

    // [SECTION] details, edit, delete, undo
    void select(core::Journal& journal, int64_t id) {
        m_selectedAlerts.clear();
        auto e = journal.episode(id);
        m_selected = e && e->has_value() && !(**e).deletedAtUtc ? **e : std::optional<core::Episode>{};
        if (!m_selected) return;
        const core::CivilDate d = m_selected->startedAt.date;
        if (auto alerts = journal.alerts({d, d}))
            for (const core::Alert& a : *alerts)
                if (a.episodeId == id && a.level >= core::Level::Soon) m_selectedAlerts.push_back(a);
    }

    void drawAlerts() {
        for (const core::Alert& a : m_selectedAlerts) {
            const ImVec2 pos = ImGui::GetCursorScreenPos();
            const float w = alertPill(ImGui::GetWindowDrawList(), pos.x, pos.y + ImGui::GetFontSize() * 0.5f + em(0.2f), a.level, false);
            ImGui::Dummy(ImVec2(w, ImGui::GetFontSize() + em(0.4f)));
            for (const auto& id : a.ruleIds)
                if (const core::Rule* r = core::findRule(id)) ImGui::BulletText("%.*s", static_cast<int>(r->title.size()), r->title.data());
        }
    }

    void drawDetails(App& app, core::Journal& journal) {
        const core::Episode& e = *m_selected;
        if (layout().narrow) {
            if (ImGui::Button("\xE2\x86\x90 Back to the list", ImVec2(0, layout().minTouch))) m_selected.reset();
            recordItem("history:back");
            if (!m_selected) return;
        }
        sectionTitle((dayHeading(e.startedAt.date, m_today) + " at " + core::formatTime(e.startedAt)).c_str());
        const int off = e.startedAt.offsetMinutes;
        ImGui::PushFont(fonts().small);
        ImGui::TextColored(palette().textMuted, "Local time, UTC%c%02d:%02d", off < 0 ? '-' : '+', std::abs(off) / 60, std::abs(off) % 60);
        ImGui::PopFont();
        const float chip = em(2.6f);
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        painChip(ImGui::GetWindowDrawList(), pos, chip, e.pain);
        ImGui::SetCursorScreenPos(ImVec2(pos.x + chip + em(0.7f), pos.y + (chip - ImGui::GetFontSize()) * 0.5f));
        ImGui::Text("Pain %d of 10: %s", e.pain, painWords(e.pain));
        ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + chip + em(0.5f)));
        drawAlerts();
        field("Knee", core::sideWords(e.side));
        field("Where behind the knee", core::termLabels(core::whereTerms(), e.where));
        if (!e.where.empty()) {  // the same on the drawing: a person reads a place faster than a word
            kneeMapShown(app.assets().pictures, "history-map", e.side, MapMarks{e.where, nullptr, true}, em(10.0f));
            ImGui::Spacing();
        }
        field("Type of pain", core::termLabels(core::painTypeTerms(), {e.painType}));
        field("How it started", core::termLabels(core::onsetTerms(), {e.onset}));
        field("When it hurts", core::termLabels(core::contextTerms(), e.when));
        field("Symptoms", core::termLabels(core::symptomTerms(), e.symptoms));
        field("Calf or leg signs in", core::termLabels(core::legTerms(), {e.leg}));
        field("Temperature", e.temperatureTenths ? core::formatTemperature(*e.temperatureTenths) + " \xC2\xB0""C" : std::string());
        field("What you did for it", core::termLabels(core::careTerms(), e.care));
        field("Medication", e.medication);
        if (core::hasMedication(e)) drawRelief(app, journal, e);
        field("Note", e.note);
        ImGui::Spacing();
        const float h = std::max(layout().minTouch, ImGui::GetFontSize() + em(1.0f));
        if (primaryButton("Edit", ImVec2(em(6.0f), h))) app.startEdit(e);
        recordItem("history:edit");
        ImGui::SameLine();
        if (ImGui::Button("Delete", ImVec2(em(6.0f), h))) remove(app, journal, e);
        recordItem("history:delete");
        if (!layout().narrow) {
            ImGui::SameLine();
            if (ImGui::Button("Close", ImVec2(em(5.0f), h))) m_selected.reset();
            recordItem("history:close");
        }
    }

    // "Did it help?" for an entry with medication: one tap rates it, the chosen one again clears it.
    void drawRelief(App& app, core::Journal& journal, const core::Episode& e) {
        ImGui::PushFont(fonts().small);
        ImGui::TextColored(palette().textMuted, "Did the medication help?");
        ImGui::PopFont();
        const auto tap = reliefChoice("history", e.relief, true);
        if (tap && app.reportIfFailed(journal.setRelief(e.id, *tap), "The rating could not be saved"))
            m_selected->relief = *tap ? std::optional<int>(static_cast<int>(**tap)) : std::nullopt;  // `e` stays valid
    }

    void remove(App& app, core::Journal& journal, const core::Episode& e) {
        const std::string what = longDate(e.startedAt.date) + ", " + core::formatTime(e.startedAt) + ", pain " + std::to_string(e.pain);
        if (auto r = journal.remove(e.id); !r) {
            app.reportError("Not deleted: " + r.error().message);
            return;
        }
        m_undo = Undo{e.id, what};
        m_selected.reset();
        app.flash("Episode deleted (" + what + "). Undo is at the top of History.");
    }

    void drawUndo(App& app, core::Journal& journal) {
        if (!m_undo) return;
        const float h = std::max(layout().minTouch, ImGui::GetFontSize() + em(1.0f));
        ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::GetStyleColorVec4(ImGuiCol_Header));
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(em(0.6f), em(0.3f)));
        ImGui::BeginChild("##undo", ImVec2(0, h + em(0.6f)), false, ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NoScrollbar);
        const float buttons = ImGui::CalcTextSize("UndoDismiss").x + em(3.5f);
        ImGui::SetCursorPosY(em(0.3f) + (h - ImGui::GetFontSize()) * 0.5f);
        ImGui::TextUnformatted(fitText("Deleted: " + m_undo->what, ImGui::GetContentRegionAvail().x - buttons).c_str());
        ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - buttons));
        ImGui::SetCursorPosY(em(0.3f));
        if (ImGui::Button("Undo", ImVec2(0, h))) {
            if (auto r = journal.undelete(m_undo->id)) app.flash("Episode restored (" + m_undo->what + ").");
            else app.reportError("Not restored: " + r.error().message);
            m_undo.reset();
        }
        recordItem("history:undo");
        ImGui::SameLine();
        if (ImGui::Button("Dismiss", ImVec2(0, h))) m_undo.reset();
        recordItem("history:dismiss");
        ImGui::EndChild();
        ImGui::PopStyleVar();
        ImGui::PopStyleColor();
    }

    struct Undo { int64_t id; std::string what; };

    HistoryModel m_model;
    HistoryFilter m_filter;
    std::string m_fromText, m_toText, m_noteText, m_filterError;
    core::CivilDate m_today;
    std::optional<core::Episode> m_selected;
    std::vector<core::Alert> m_selectedAlerts;
    uint64_t m_selectionVersion = 0;
    std::optional<Undo> m_undo;
    float m_emptyH = 0;
};

}  // namespace

std::unique_ptr<Screen> makeHistoryScreen() { return std::make_unique<HistoryScreen>(); }

}  // namespace ui
