// The Export screen: "bring your diary to the appointment". Choose a period and a format, see
// what the report will say, and save the file into a folder that is shown (and can be opened).
// The preview is rebuilt only when the data version or the period changes; the file is made by
// the same exportJournal() the command line uses and written atomically.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>

#include "core/export.hpp"
#include "core/io/atomic_file.hpp"
#include "core/report_preview.hpp"
#include "core/stats.hpp"
#include "pdf/pdf_report.hpp"
#include "ui/app.hpp"
#include "ui/chart.hpp"
#include "ui/fonts.hpp"
#include "ui/period_choice.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace ui {

namespace {

constexpr PeriodChoice kPeriods[] = {{"2w", "2 weeks", "2 wk"}, {"1m", "Month", "1 mo"}, {"3m", "3 months", "3 mo"},
                                     {"1y", "Year", "1 yr"},    {"all", "All", "All"},  {"custom", "From - to", "Dates"}};
constexpr int kPeriodDays[] = {14, 30, 91, 365, 0, 0};
constexpr size_t kAll = 4, kCustom = 5;
constexpr size_t kDefaultPeriod = 2;

constexpr core::Term kFormats[] = {
    {"pdf", "PDF report", "A report to print or show your doctor: summary, chart, red flags, every entry.", ""},
    {"csv", "CSV table", "Opens in a spreadsheet; KneeLog can import it back.", ""},
    {"fhir", "FHIR file", "For a clinic's health record system (FHIR R4 JSON).", ""},
};
constexpr core::Term kPapers[] = {{"a4", "A4", "", ""}, {"letter", "US Letter", "", ""}};

struct Preview {
    core::ReportPreview report;          // page 1's figures, from one summary row a day
    std::vector<core::DayPoint> series;  // for the small chart
    std::string error;
};

std::string fileStem(core::ExportFormat f) {
    switch (f) {
        case core::ExportFormat::Pdf: return "kneelog-report-";
        case core::ExportFormat::Csv: return "kneelog-entries-";
        case core::ExportFormat::Fhir: break;
    }
    return "kneelog-fhir-";
}

// What the file holds, with red flags and "see a doctor soon" advice counted apart.
std::string counted(const pdf::ExportResult& r) {
    return std::to_string(r.episodes) + (r.episodes == 1 ? " entry" : " entries") + "; red flags (emergency or urgent): " +
           std::to_string(r.seriousAlerts) + "; advice to see a doctor soon (not a red flag): " + std::to_string(r.soonAdvice) + ".";
}

// "kneelog-report-2026-11-27.pdf", or "...-2.pdf" and on when that name is taken.
std::string freeName(const std::string& folder, core::ExportFormat f, const core::CivilDate& today) {
    const std::string stem = fileStem(f) + core::formatDate(today), ext(core::fileExtension(f));
    std::string name = stem + ext;
    for (int n = 2; io::fileExists(folder + "/" + name) && n < 1000; ++n) name = stem + "-" + std::to_string(n) + ext;
    return name;
}

class ExportScreen final : public Screen {
public:
    void draw(App& app) override {
        heading("Export for your doctor");
        hint("A PDF report to print or show, a CSV table for a spreadsheet, or a FHIR file for a clinic's record "
             "system. Nothing leaves this device unless you share the file.");
        core::Journal* journal = app.journal();
        if (!journal) return;
        loadSettings(app, *journal);
        // Wide windows: choices and Save on the left, the preview beside them; phones: one column.
        if (!layout().narrow && ImGui::BeginTable("export:columns", 2)) {
            ImGui::TableSetupColumn("choices", ImGuiTableColumnFlags_WidthStretch, 0.85f);
            ImGui::TableSetupColumn("preview", ImGuiTableColumnFlags_WidthStretch, 1.15f);
            ImGui::TableNextColumn();
            drawChoices(app, *journal);
            refresh(app, *journal);
            drawSave(app, *journal);
            ImGui::TableNextColumn();
            ImGui::Indent(em(0.75f));
            drawPreview();
            ImGui::Unindent(em(0.75f));
            ImGui::EndTable();
            return;
        }
        drawChoices(app, *journal);
        refresh(app, *journal);
        drawPreview();
        drawSave(app, *journal);
    }

private:
    // [SECTION] choices

    void loadSettings(App& app, core::Journal& journal) {
        if (m_settingsLoaded) return;
        m_settingsLoaded = true;
        auto saved = journal.settings();
        if (!saved) app.reportError("The saved paper size could not be read: " + saved.error().message);
        else if (core::paperFromName(saved->paper)) m_paper = saved->paper;
    }

    void drawChoices(App& app, core::Journal& journal) {
        drawPeriod();
        drawFormat(app, journal);
    }

    void drawPeriod() {
        sectionTitle("Period", true);
        periodChoice("export:period:", kPeriods, m_period);
        if (m_period != kCustom) return;
        const float w = std::min(ImGui::GetContentRegionAvail().x * 0.45f, em(9.0f));
        ImGui::SetNextItemWidth(w);
        ImGui::InputTextWithHint("##from", "from YYYY-MM-DD", &m_fromText);
        recordItem("export:from");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(w);
        ImGui::InputTextWithHint("##to", "to YYYY-MM-DD", &m_toText);
        recordItem("export:to");
    }

    void drawFormat(App& app, core::Journal& journal) {
        sectionTitle("Format", true);
        segmented("format", kFormats, m_format, false);
        if (const core::Term* t = core::findTerm(kFormats, m_format)) hint(std::string(t->explanation).c_str());
        if (m_format != "csv") {
            sectionTitle("Your name on it (optional)", true);
            ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, em(18.0f)));
            ImGui::InputTextWithHint("##name", "e.g. Alex Morgan", &m_name);
            recordItem("export:name");
        }
        if (m_format == "pdf") {
            sectionTitle("Paper", true);
            if (segmented("paper", kPapers, m_paper, false)) {
                auto settings = journal.settings();
                if (settings) settings->paper = m_paper;
                app.reportIfFailed(settings ? journal.saveSettings(*settings) : core::Result<void>(settings.error()),
                                   "The paper size could not be saved");
            }
        }
    }

    // The chosen days; an error message instead when the typed dates do not make a period.
    std::optional<core::DateRange> range(const core::CivilDate& today, std::string& error) const {
        if (m_period == kAll) return core::DateRange{};
        if (m_period != kCustom)
            return core::DateRange{core::addDays(today, -(kPeriodDays[m_period] - 1)), today};
        auto from = core::parseDate(m_fromText), to = core::parseDate(m_toText);
        if (!from || !to) {
            error = "Type both days as YYYY-MM-DD, e.g. 2026-03-14.";
            return std::nullopt;
        }
        if (*to < *from) {
            error = "The last day is before the first day.";
            return std::nullopt;
        }
        return core::DateRange{*from, *to};
    }

    // [SECTION] the preview (the only place that queries, and only on a change)

    void refresh(App& app, core::Journal& journal) {
        const core::LocalDateTime now = core::localFromUtc(core::nowUtc());
        std::string error;
        const auto chosen = range(now.date, error);
        const uint64_t version = app.dataVersion();
        const std::string key = chosen ? core::formatDate(chosen->from.value_or(core::CivilDate{})) + "/" +
                                             core::formatDate(chosen->to.value_or(now.date))
                                       : "invalid";
        if (m_preview && version == m_version && key == m_key) return;
        m_version = version;
        m_key = key;
        m_range = chosen;
        m_selectedDay = -1;
        m_preview = Preview{};
        if (!chosen) {
            m_preview->error = error;
            return;
        }
        // One summary row a day and the alerts: never the period's entries (core/report_preview.hpp).
        auto days = journal.daySummaries(*chosen);
        auto alerts = days ? journal.alerts(*chosen) : core::Result<std::vector<core::Alert>>(days.error());
        if (!alerts) {
            m_preview->error = alerts.error().message;
            return;
        }
        m_preview->report = core::previewReport(*days, *alerts, *chosen, now.date);
        m_preview->series = core::dailySeries(*days, m_preview->report.from, m_preview->report.to);
    }

    void drawPreview() {
        sectionTitle("What it will show", true);
        if (!m_preview->error.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, palette().danger);
            ImGui::TextWrapped("%s", m_preview->error.c_str());
            ImGui::PopStyleColor();
            return;
        }
        const core::ReportPreview& r = m_preview->report;
        const core::ReportSummary& s = r.summary;
        ImGui::TextWrapped("%s", r.periodText.c_str());
        if (s.episodes == 0) {
            hint("Nothing was logged in this period.");
            return;
        }
        char mean[16];
        std::snprintf(mean, sizeof mean, "%.1f", s.meanPain);
        const std::pair<std::string, const char*> figures[] = {
            {std::to_string(s.episodes), s.episodes == 1 ? "entry" : "entries"},
            {std::to_string(s.daysWithPain), "days with pain"},
            {mean, "average pain"},
            {std::to_string(s.maxPain), "highest pain"},
            {std::to_string(r.seriousAlerts), r.seriousAlerts == 1 ? "red flag (emergency or urgent)" : "red flags (emergency or urgent)"},
            {std::to_string(r.soonAdvice), "\"see a doctor soon\" advice (not a red flag)"},
        };
        const float w = em(7.5f);
        for (size_t i = 0; i < std::size(figures); ++i) {
            flowItem(w, i == 0);
            ImGui::BeginGroup();
            ImGui::PushFont(fonts().heading);
            ImGui::TextUnformatted(figures[i].first.c_str());
            ImGui::PopFont();
            ImGui::PushStyleColor(ImGuiCol_Text, palette().textMuted);
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w - em(0.5f));
            ImGui::TextWrapped("%s", figures[i].second);
            ImGui::PopTextWrapPos();
            ImGui::PopStyleColor();
            ImGui::EndGroup();
            ImGui::SameLine(0, 0);
            ImGui::Dummy(ImVec2(std::max(0.0f, w - ImGui::GetItemRectSize().x), 0));
        }
        hint(s.trend.c_str());
        painChart("export:chart", m_preview->series, em(7.0f), m_selectedDay);
    }

    // [SECTION] saving

    void drawSave(App& app, core::Journal& journal) {
        const auto& place = app.exportPlace();
        sectionTitle("Where it goes", true);
        if (place.folder.empty()) {
            hint("Saving files is not available here.");
            return;
        }
        ImGui::TextWrapped("%s", place.folder.c_str());
        if (ImGui::Button(app.exportPlace().openLabel.c_str(), ImVec2(0, layout().minTouch))) {
            auto r = place.open ? place.open(place.folder)
                                : core::Result<void>(core::makeError(core::ErrorCode::Io,
                                                                     "Opening the folder is not available on this device."));
            if (!r) app.reportError(r.error().message);
        }
        recordItem("export:open");
        ImGui::Spacing();
        const core::Term* format = core::findTerm(kFormats, m_format);
        const std::string label = "Save " + std::string(format ? format->label : "file");
        ImGui::BeginDisabled(!m_range.has_value());
        if (primaryButton(label.c_str())) save(app, journal, place.folder);
        ImGui::EndDisabled();
        recordItem("export:save");
        if (!m_status.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, m_failed ? palette().danger : palette().text);
            ImGui::TextWrapped("%s", m_status.c_str());
            ImGui::PopStyleColor();
        }
    }

    void save(App& app, core::Journal& journal, const std::string& folder) {
        pdf::ExportRequest request;
        request.format = core::formatFromName(m_format).value_or(core::ExportFormat::Pdf);
        request.range = *m_range;
        request.patientName = m_format == "csv" ? std::string() : m_name;
        request.paper = core::paperFromName(m_paper).value_or(core::Paper::A4);
        request.now = core::localFromUtc(core::nowUtc());
        auto profile = journal.profile();
        if (!profile) {
            m_failed = true;
            m_status = "Not saved: " + profile.error().message;
            app.flash("The file was not saved.");
            return;
        }
        request.region = profile->region;
        request.risks = profile->risks;
        request.fontDir = app.exportPlace().fontDir;
        core::Result<void> written = io::makeFolders(folder);
        const std::string name = freeName(folder, request.format, request.now.date);
        core::Result<pdf::ExportResult> made = written ? pdf::exportToFile(journal, request, folder + "/" + name)
                                                       : core::Result<pdf::ExportResult>(written.error());
        if (!made) written = made.error();
        m_failed = !written;
        m_status = written ? "Saved " + name + " in " + folder + ": " + counted(*made) : "Not saved: " + written.error().message;
        if (written) app.flash("Saved " + name);
        else app.reportError("The export was not saved: " + written.error().message);
    }

    size_t m_period = kDefaultPeriod;
    std::string m_fromText, m_toText;
    std::string m_format = "pdf";
    std::string m_paper = "a4";
    std::string m_name;
    bool m_settingsLoaded = false;

    std::optional<Preview> m_preview;
    std::optional<core::DateRange> m_range;
    uint64_t m_version = 0;
    std::string m_key;
    int m_selectedDay = -1;

    std::string m_status;
    bool m_failed = false;
};

}  // namespace

std::unique_ptr<Screen> makeExportScreen() { return std::make_unique<ExportScreen>(); }

}  // namespace ui
