// ReportBuilder: the report accumulated from episodes handed over oldest first (report.hpp).
// buildReport() sorts its episodes and feeds them through the same builder.
#include <algorithm>
#include <cmath>
#include <iterator>
#include <string_view>
#include <tuple>

#include "core/report.hpp"
#include "core/report_text.hpp"
#include "core/vocabulary.hpp"
#include "core/words.hpp"

namespace core {

namespace {

// The order the journal pages by: local day, local start time, then id.
bool earlier(const Episode& a, const Episode& b) {
    if (a.startedAt.date != b.startedAt.date) return a.startedAt.date < b.startedAt.date;
    const int ta = a.startedAt.hour * 3600 + a.startedAt.minute * 60 + a.startedAt.second;
    const int tb = b.startedAt.hour * 3600 + b.startedAt.minute * 60 + b.startedAt.second;
    return ta != tb ? ta < tb : a.id < b.id;
}

std::vector<ReportTally> talliesFor(std::span<const Term> terms) {
    std::vector<ReportTally> out;
    for (const Term& t : terms) out.push_back(ReportTally{std::string(t.label)});
    return out;
}

// Episodes oldest first: a new day starts when the date changes.
void tally(ReportTally& t, const Episode& e) {
    ++t.count;
    if (t.lastDay != e.startedAt.date) ++t.days;
    t.lastDay = e.startedAt.date;
}

void tallyTerms(std::vector<ReportTally>& tallies, std::span<const Term> terms, const std::vector<std::string>& names,
                const Episode& e) {
    for (std::size_t i = 0; i < terms.size(); ++i)
        if (std::find(names.begin(), names.end(), terms[i].name) != names.end()) tally(tallies[i], e);
}

// The medication text as typed (trimmed); the same text counts together, in order of first use.
void tallyMedication(std::vector<ReportTally>& tallies, const Episode& e) {
    const auto first = e.medication.find_first_not_of(" \t");
    if (first == std::string::npos) return;
    const std::string name = e.medication.substr(first, e.medication.find_last_not_of(" \t") - first + 1);
    auto it = std::find_if(tallies.begin(), tallies.end(), [&](const ReportTally& t) { return t.label == name; });
    if (it == tallies.end()) it = tallies.insert(tallies.end(), ReportTally{name});
    tally(*it, e);
}

// Most frequent first (ties keep their order); the share is of the days with entries.
std::vector<ReportCount> ranked(const std::vector<ReportTally>& tallies, int daysLogged) {
    std::vector<ReportCount> out;
    for (const ReportTally& t : tallies)
        if (t.count > 0)
            out.push_back({t.label, t.count, t.days, daysLogged ? static_cast<int>(std::lround(100.0 * t.days / daysLogged)) : 0});
    std::stable_sort(out.begin(), out.end(), [](const ReportCount& a, const ReportCount& b) { return a.count > b.count; });
    return out;
}

}  // namespace

ReportBuilder::ReportBuilder(std::span<const Alert> alerts, const ReportOptions& options)
    : m_options(options),
      m_symptoms(talliesFor(symptomTerms())),
      m_contexts(talliesFor(contextTerms())),
      m_care(talliesFor(careTerms())),
      m_where(whereTerms().size(), 0) {
    for (const Alert& a : alerts) m_alerts.emplace(a.episodeId, &a);
}

void ReportBuilder::add(std::span<const Episode> page) {
    for (const Episode& e : page) add(e);
}

void ReportBuilder::add(const Episode& e) {
    if (e.deletedAtUtc) return;
    const CivilDate& date = e.startedAt.date;
    if (!m_first) m_first = date;
    m_last = date;
    const int64_t day = daysFromCivil(date);
    if (!m_origin) m_origin = m_options.range.from ? daysFromCivil(*m_options.range.from) : day;
    if (day >= *m_origin) {  // the chart starts at the period's first day
        const auto i = static_cast<std::size_t>(day - *m_origin);
        if (i >= m_maxima.size()) m_maxima.resize(i + 1);
        m_maxima[i] = m_maxima[i] ? std::max(*m_maxima[i], e.pain) : e.pain;
    }
    ++m_episodes;
    m_painTotal += e.pain;
    m_maxPain = std::max(m_maxPain, e.pain);
    tallyTerms(m_symptoms, symptomTerms(), e.symptoms, e);
    tallyTerms(m_contexts, contextTerms(), e.when, e);
    tallyTerms(m_care, careTerms(), e.care, e);
    tallyMedication(m_medications, e);
    const auto where = whereTerms();
    for (std::size_t i = 0; i < where.size(); ++i) m_where[i] += e.hasWhere(where[i].name) ? 1 : 0;
    if (!e.where.empty() && e.side != "right") m_whereAllRight = false;
    addAlerts(e);
    if (!m_options.withEntries) return;
    if (m_months.empty() || date.year != m_monthOf.year || date.month != m_monthOf.month) {
        m_months.emplace_back(monthName(date), 0);
        m_monthOf = date;
    }
    ++m_months.back().second;
    if (m_options.keepRows) m_rows.push_back(report_text::reportRow(e));
}

// The alerts `e` raised; page 1 alone keeps the rows of the serious ones only.
void ReportBuilder::addAlerts(const Episode& e) {
    const auto [begin, end] = m_alerts.equal_range(e.id);
    for (auto it = begin; it != end; ++it) {
        const Alert& a = *it->second;
        if (isSerious(a.level)) ++m_serious;
        if (a.level == Level::Soon) {
            ++m_soon;
            m_lastSoon = e.startedAt;  // oldest first: the last one handed over is the newest
        }
        if (m_options.withEntries || isSerious(a.level))
            m_raised.push_back(Raised{e.startedAt, e.id, a.id, report_text::reportAlert(a, e, m_options)});
    }
}

Report ReportBuilder::finish() {
    Report r;
    r.patientName = m_options.patientName;
    const ReportPeriod period = reportPeriod(m_options.range, m_options.generatedAt.date, m_first, m_last);
    r.from = period.from;
    r.to = period.to;
    r.periodText = period.text;
    r.generatedText = report_text::stamp(m_options.generatedAt);
    r.region = m_options.region;
    r.riskText = report_text::riskProfileText(m_options.risks, m_options.generatedAt.offsetMinutes);
    m_maxima.resize(static_cast<std::size_t>(std::max<int64_t>(daysFromCivil(r.to) - daysFromCivil(r.from) + 1, 0)));
    r.chart = chartFromMaxima(r.from, m_maxima);
    r.summary.episodes = m_episodes;
    r.summary.maxPain = m_maxPain;
    r.summary.meanPain = m_episodes ? static_cast<double>(m_painTotal) / m_episodes : 0.0;
    addDayCounts(r.summary, r.chart);
    r.bins = chartBins(r.chart);
    r.painNow = painNowAndBefore(r.chart);
    const int days = r.summary.daysLogged;
    r.symptoms = ranked(m_symptoms, days);
    r.contexts = ranked(m_contexts, days);
    r.care = ranked(m_care, days);
    r.medications = ranked(m_medications, days);
    if (std::any_of(m_where.begin(), m_where.end(), [](int n) { return n > 0; }))  // the knee map, page 1
        for (std::size_t i = 0; i < m_where.size(); ++i) r.where.emplace_back(std::string(whereTerms()[i].name), m_where[i]);
    r.whereRightLeg = !r.where.empty() && m_whereAllRight;
    std::stable_sort(m_raised.begin(), m_raised.end(), [](const Raised& a, const Raised& b) {  // newest first
        const auto key = [](const Raised& x) {
            return std::tuple(x.at.date, x.at.hour * 3600 + x.at.minute * 60 + x.at.second, x.episodeId, x.alertId);
        };
        return key(a) > key(b);
    });
    for (Raised& a : m_raised) r.alerts.push_back(std::move(a.row));
    r.seriousAlerts = m_serious;
    r.soonAdvice = m_soon;
    r.lastSoon = m_lastSoon;
    r.rows.assign(std::make_move_iterator(m_rows.rbegin()), std::make_move_iterator(m_rows.rend()));
    r.months.assign(std::make_move_iterator(m_months.rbegin()), std::make_move_iterator(m_months.rend()));
    r.peg = m_options.peg;
    r.pegWords = pegChangeWords(r.peg);
    r.statement = "All data in this report is patient-reported: entered by the patient in the KneeLog app. "
                  "KneeLog does not diagnose.";
    return r;
}

Report buildReport(std::span<const Episode> episodes, std::span<const Alert> alerts, const ReportOptions& options) {
    std::vector<const Episode*> list;
    list.reserve(episodes.size());
    for (const Episode& e : episodes)
        if (!e.deletedAtUtc) list.push_back(&e);
    std::sort(list.begin(), list.end(), [](const Episode* a, const Episode* b) { return earlier(*a, *b); });
    ReportBuilder builder(alerts, options);
    for (const Episode* e : list) builder.add(*e);
    return builder.finish();
}

}  // namespace core
