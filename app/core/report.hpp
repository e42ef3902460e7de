#pragma once
// The doctor's report as data: every figure, sentence and table cell the PDF shows, computed
// purely from the episodes and alerts of the chosen period. The PDF writer (app/core/pdf/)
// only places this on pages; the Export screen shows the summary as its preview.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/episode.hpp"
#include "core/peg.hpp"
#include "core/profile.hpp"
#include "core/repository.hpp"
#include "core/time.hpp"
#include "core/triage.hpp"
#include "core/words.hpp"  // sideWords() and the term labels the report is written with

namespace core {

enum class Paper { A4, Letter };
std::string_view paperName(Paper p);                  // "a4", "letter"
std::optional<Paper> paperFromName(std::string_view name);

struct ReportOptions {
    std::string patientName;        // shown only when the person typed one
    DateRange range;                // as chosen; an open start begins at the first episode
    LocalDateTime generatedAt;      // the person's local time now: "today" and the footer date
    std::string region;  // the region code ("" = not chosen: the advice names 112)
    std::vector<RiskMark> risks;    // the person's risk profile (red flags version 2)
    bool withEntries = true;        // false: page 1 only: no entry rows, and only the serious alerts' rows
                                    // (emergency and urgent; "see a doctor soon" is counted, not listed)
    std::vector<PegEntry> peg;      // the weekly check-ins of the period, oldest first
    bool keepRows = true;           // with withEntries: each entry's row in Report::rows; false: none
                                    // (the PDF export lays the rows out from a second, newest-first reading)
};

struct ReportSummary {
    int episodes = 0;
    int daysInPeriod = 0;
    int daysLogged = 0;      // days with at least one episode
    int daysWithPain = 0;    // days whose highest pain was above 0
    double meanPain = 0.0;   // over all episodes
    int maxPain = 0;
    std::string trend;       // one or two sentences in plain words
};

struct ChartDay {
    CivilDate day;
    std::optional<int> maxPain;    // the day's highest pain, when anything was logged
    std::optional<double> mean7;   // mean of the logged daily highest over this and the 6 days before
};

struct ReportAlert {
    LocalDateTime at;          // when the episode that raised it started
    Level level = Level::SelfCare;
    std::string levelLabel;    // "Emergency", "Urgent", "See a doctor soon"
    std::string logged;        // what the person logged, in words
    std::vector<std::string> reasons;  // the rules' titles
    std::string advice;        // what the app told them to do
    std::string acknowledged;  // "2026-03-14 18:32" or "not acknowledged"
};

struct ReportCount {
    std::string label;
    int count = 0;    // entries
    int days = 0;     // days with at least one such entry
    int percent = 0;  // share of the days with entries
};

// One episode as a table row; cells may contain '\n' where a new line must start.
struct ReportRow {
    std::string month;  // "November 2026": the detail pages group rows by it
    std::string date, time, side, pain, type, symptoms, care, note;
};

// One stretch of days of the "pain now and before" comparison.
struct PainWindow {
    CivilDate from, to;  // 28 days, cut to the period
    int days = 0;        // days of the period in it (0: the period had not started)
    int daysLogged = 0;
    int daysWithPain = 0;
    std::optional<double> typical;  // median of the logged days' highest pain
    std::optional<int> worst;       // the highest pain logged
};

// The last 4 weeks of the period against the 4 weeks before.
struct PainNowAndBefore {
    PainWindow now, before;
    std::string words;  // the change, and the 2-point threshold, in plain words
};

// The chart, binned so it stays readable: one bar a day up to about 6 months, a week up to
// about 3 years, a month beyond.
enum class ChartScale { Daily, Weekly, Monthly };

struct ChartBin {
    CivilDate start;              // the bin's first day (within the period)
    int days = 1;                 // days of the period in the bin
    std::optional<int> maxPain;   // the highest pain logged in the bin
    std::optional<double> mean;   // daily: the 7-day mean; weekly/monthly: mean of the logged days' highest
};

struct ReportChart {
    ChartScale scale = ChartScale::Daily;
    std::vector<ChartBin> bins;  // oldest first
    std::string axis;            // what a bar and the line are, in words
};

struct Report {
    std::string patientName;
    CivilDate from, to;
    std::string periodText;     // "2026-01-01 to 2026-03-31 (90 days)"
    std::string generatedText;  // "2026-11-27 08:05"
    std::string region;  // the region code the advice names ("" = not chosen: 112)
    std::string riskText;       // the risk profile in words, "none ticked" when empty
    ReportSummary summary;
    std::vector<ChartDay> chart;          // every day of the period, oldest first
    ReportChart bins;                     // the chart as page 1 draws it
    PainNowAndBefore painNow;             // last 4 weeks against the 4 before
    std::vector<ReportAlert> alerts;      // every alert, newest first
    int seriousAlerts = 0;                // emergency and urgent: the red flags
    int soonAdvice = 0;                   // "see a doctor soon": advice, not a red flag
    std::optional<LocalDateTime> lastSoon;  // the newest "see a doctor soon"
    std::vector<ReportCount> symptoms;    // most frequent first
    std::vector<ReportCount> contexts;
    std::vector<ReportCount> care;        // what was tried, most frequent first
    std::vector<ReportCount> medications; // the medication text as typed, most frequent first
    std::vector<std::pair<std::string, int>> where;  // knee-map region name and entries, in whereTerms() order; empty: none marked
    bool whereRightLeg = false;  // every entry with a place marked was the right knee: the map shows the right leg
    std::vector<ReportRow> rows;          // every episode, newest first (with keepRows)
    // With withEntries: the entries of each month ("November 2026"), newest first: the detail
    // pages' month headers, known before any row is laid out.
    std::vector<std::pair<std::string, int>> months;
    std::string statement;                // the one line saying the data is patient-reported
    // The weekly check-ins (PEG), oldest first, and their change in words with the 2-point
    // threshold. Page 1 keeps its one-page rule: they are a detail section (after the alerts).
    std::vector<PegEntry> peg;
    std::string pegWords;
};

// Entries and days per label, as the report counts them (episodes oldest first: a new day
// starts when the date changes).
struct ReportTally {
    std::string label;
    int count = 0, days = 0;
    CivilDate lastDay{0, 0, 0};
};

// The report built from episodes handed over oldest first, a page at a time (as
// Journal::forEachEpisode gives them), keeping only what the report needs as it goes: the
// highest pain of each day (the chart and the pain now and before), the counters per symptom,
// context, care and medication text, the knee-map counts, the alerts' rows (with withEntries
// false, only the serious ones) and, with withEntries, the entries per month and (with keepRows)
// each entry's row (never the entry).
// Page 1 alone (the one-page summary) so holds one number per day of the period plus a few
// counters, however many entries the journal has. buildReport() is this builder fed all at once:
// one code path for page 1. `alerts` (any order) must outlive the builder.
class ReportBuilder {
public:
    ReportBuilder(std::span<const Alert> alerts, const ReportOptions& options);
    // Oldest first (local day, local start time, then id), across calls too; deleted ones skipped.
    void add(const Episode& e);
    void add(std::span<const Episode> page);
    Report finish();

private:
    struct Raised {  // an alert of an episode handed over, with its place in the order
        LocalDateTime at;
        int64_t episodeId = 0, alertId = 0;
        ReportAlert row;
    };
    void addAlerts(const Episode& e);

    ReportOptions m_options;
    std::unordered_multimap<int64_t, const Alert*> m_alerts;  // by episode id
    std::optional<CivilDate> m_first, m_last;
    std::optional<int64_t> m_origin;            // the day of m_maxima[0]
    std::vector<std::optional<int>> m_maxima;   // the highest pain of each day from m_origin
    int m_episodes = 0, m_maxPain = 0;
    long long m_painTotal = 0;
    std::vector<ReportTally> m_symptoms, m_contexts, m_care, m_medications;
    std::vector<int> m_where;                   // entries per whereTerms() region
    bool m_whereAllRight = true;                // every entry with a place marked was the right knee
    std::vector<Raised> m_raised;
    int m_serious = 0, m_soon = 0;
    std::optional<LocalDateTime> m_lastSoon;
    std::vector<ReportRow> m_rows;              // oldest first until finish()
    std::vector<std::pair<std::string, int>> m_months;  // oldest first until finish()
    CivilDate m_monthOf{0, 0, 0};               // a day of m_months.back()'s month
};

// Builds the report; `episodes` and `alerts` in any order (deleted episodes are skipped,
// alerts whose episode is not among `episodes` are left out).
Report buildReport(std::span<const Episode> episodes, std::span<const Alert> alerts, const ReportOptions& options);

// "Emergency", "Urgent", "See a doctor soon", "Self-care".
std::string levelLabel(Level level);
// The trend sentence over daily highest pain (exposed for tests): compares the last two weeks
// with the two before (shorter windows in short periods).
std::string trendText(std::span<const ChartDay> chart);
// The last 28 days of `chart` against the 28 before (exposed for tests).
PainNowAndBefore painNowAndBefore(std::span<const ChartDay> chart);
// The chart's bins for the period's length (exposed for tests).
ReportChart chartBins(std::span<const ChartDay> chart);
// "November 2026".
std::string monthName(const CivilDate& day);
// True for emergency and urgent: the levels page 1 lists as red flags.
bool isSerious(Level level);

// The pieces buildReport and the Export screen's preview (report_preview.hpp) share:
// The period: the chosen range; an open start begins at the first entry, an open end is `today`
// (or the last entry's day when later). `first`/`last`: the entries' first and last day, if any.
struct ReportPeriod {
    CivilDate from, to;
    std::string text;  // "2026-01-01 to 2026-03-31 (90 days)"
};
ReportPeriod reportPeriod(const DateRange& range, CivilDate today, std::optional<CivilDate> first,
                          std::optional<CivilDate> last);
// Every day from `from` on, one per element of `maxima` (the day's highest pain, if logged), with
// the same 7-day mean as the Trends screen's.
std::vector<ChartDay> chartFromMaxima(CivilDate from, std::span<const std::optional<int>> maxima);
// The chart's share of the summary: days in the period, days logged, days with pain, the trend.
void addDayCounts(ReportSummary& s, std::span<const ChartDay> chart);

}  // namespace core
