#include "core/report.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <unordered_map>

#include "core/stats.hpp"
#include "core/vocabulary.hpp"
#include "core/words.hpp"

namespace core {

namespace {

std::string stamp(const LocalDateTime& t) { return formatDate(t.date) + " " + formatTime(t); }

std::string oneDecimal(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

bool earlier(const Episode& a, const Episode& b) {
    if (a.startedAt.date != b.startedAt.date) return a.startedAt.date < b.startedAt.date;
    const int ta = a.startedAt.hour * 3600 + a.startedAt.minute * 60 + a.startedAt.second;
    const int tb = b.startedAt.hour * 3600 + b.startedAt.minute * 60 + b.startedAt.second;
    return ta != tb ? ta < tb : a.id < b.id;
}

// [SECTION] summary and chart

std::vector<ChartDay> chartDays(std::span<const Episode* const> episodes, CivilDate from, CivilDate to) {
    const int64_t first = daysFromCivil(from);
    const int64_t count = daysFromCivil(to) - first + 1;
    std::vector<std::optional<int>> maxima(static_cast<std::size_t>(std::max<int64_t>(count, 0)));
    for (const Episode* e : episodes) {
        const int64_t i = daysFromCivil(e->startedAt.date) - first;
        if (i < 0 || i >= count) continue;
        auto& m = maxima[static_cast<std::size_t>(i)];
        m = m ? std::max(*m, e->pain) : e->pain;
    }
    return chartFromMaxima(from, maxima);
}

ReportSummary summarize(std::span<const Episode* const> episodes, std::span<const ChartDay> chart) {
    ReportSummary s;
    s.episodes = static_cast<int>(episodes.size());
    long long total = 0;
    for (const Episode* e : episodes) {
        total += e->pain;
        s.maxPain = std::max(s.maxPain, e->pain);
    }
    s.meanPain = episodes.empty() ? 0.0 : static_cast<double>(total) / static_cast<double>(episodes.size());
    addDayCounts(s, chart);
    return s;
}

// Entries and days per label; the share is of the days with entries.
struct Tally {
    std::string label;
    int count = 0, days = 0;
    CivilDate lastDay{0, 0, 0};
};

std::vector<ReportCount> ranked(std::vector<Tally> tallies, int daysLogged) {
    std::vector<ReportCount> out;
    for (const Tally& t : tallies)
        if (t.count > 0)
            out.push_back({t.label, t.count, t.days, daysLogged ? static_cast<int>(std::lround(100.0 * t.days / daysLogged)) : 0});
    std::stable_sort(out.begin(), out.end(), [](const ReportCount& a, const ReportCount& b) { return a.count > b.count; });
    return out;
}

void tally(Tally& t, const Episode& e) {
    ++t.count;
    if (t.lastDay != e.startedAt.date) ++t.days;
    t.lastDay = e.startedAt.date;
}

// `episodes` oldest first.
std::vector<ReportCount> counts(std::span<const Episode* const> episodes, std::span<const Term> terms,
                                std::vector<std::string> Episode::*field, int daysLogged) {
    std::vector<Tally> tallies;
    for (const Term& t : terms) {
        Tally one{std::string(t.label)};
        for (const Episode* e : episodes)
            if (std::find((e->*field).begin(), (e->*field).end(), t.name) != (e->*field).end()) tally(one, *e);
        tallies.push_back(std::move(one));
    }
    return ranked(std::move(tallies), daysLogged);
}

// The medication text as typed (trimmed); the same text counts together.
std::vector<ReportCount> medicationCounts(std::span<const Episode* const> episodes, int daysLogged) {
    std::vector<Tally> tallies;
    for (const Episode* e : episodes) {
        const auto first = e->medication.find_first_not_of(" \t");
        if (first == std::string::npos) continue;
        const std::string name = e->medication.substr(first, e->medication.find_last_not_of(" \t") - first + 1);
        auto it = std::find_if(tallies.begin(), tallies.end(), [&](const Tally& t) { return t.label == name; });
        if (it == tallies.end()) it = tallies.insert(tallies.end(), Tally{name});
        tally(*it, *e);
    }
    return ranked(std::move(tallies), daysLogged);
}

// [SECTION] alerts and rows

std::string loggedText(const Episode& e) {
    std::string out = "Pain " + std::to_string(e.pain) + ", " + sideWords(e.side);
    if (!e.symptoms.empty()) out += "; " + termLabels(symptomTerms(), e.symptoms);
    if (!e.onset.empty()) out += "; " + termLabel(onsetTerms(), e.onset);
    if (!e.when.empty()) out += "; hurts: " + termLabels(contextTerms(), e.when);
    if (!e.leg.empty()) out += "; calf or leg signs: " + termLabel(legTerms(), e.leg);
    if (e.temperatureTenths) out += "; " + formatTemperature(*e.temperatureTenths) + " \xC2\xB0""C";
    return out;
}

// "Blood thinners (since 2026-10-01); Long journey (since 2026-11-20)" or "none ticked".
std::string riskProfileText(const std::vector<RiskMark>& risks, int offsetMinutes) {
    if (risks.empty()) return "none ticked";
    std::string out;
    for (const RiskMark& m : risks) {
        out += out.empty() ? "" : "; ";
        out += termLabel(riskTerms(), m.name);
        out += " (since ";
        out += formatDate(atOffset(m.setAtUtc, offsetMinutes).date);
        out += ")";
    }
    return out;
}

ReportAlert reportAlert(const Alert& a, const Episode& e, const ReportOptions& options) {
    ReportAlert r;
    r.at = e.startedAt;
    r.level = a.level;
    r.levelLabel = levelLabel(a.level);
    r.logged = a.fromHistory ? "The pattern of the previous two weeks, noticed when this entry was saved: " + loggedText(e)
                             : loggedText(e);
    for (const auto& id : a.ruleIds) {
        const Rule* rule = findRule(id);
        r.reasons.push_back(rule ? std::string(rule->title) : id);
    }
    r.advice = actionText(a.level, options.region);
    r.acknowledged = a.acknowledgedAtUtc ? stamp(atOffset(*a.acknowledgedAtUtc, options.generatedAt.offsetMinutes))
                                         : std::string("not acknowledged");
    return r;
}

std::string careText(const Episode& e) {
    std::string out;
    for (const auto& c : e.care) {
        if (!out.empty()) out += ", ";
        out += termLabel(careTerms(), c);
        if (c == "medication" && !e.medication.empty()) out += " (" + e.medication + ")";
    }
    if (out.empty() && !e.medication.empty()) out = "Medication (" + e.medication + ")";
    return out;
}

ReportRow reportRow(const Episode& e) {
    ReportRow r;
    r.month = monthName(e.startedAt.date);
    r.date = formatDate(e.startedAt.date);
    r.time = formatTime(e.startedAt);
    r.side = sideWords(e.side);
    r.pain = std::to_string(e.pain);
    r.type = termLabel(painTypeTerms(), e.painType);
    if (!e.onset.empty()) {
        std::string onset = e.onset + " onset";  // "sudden onset", "gradual onset"
        if (r.type.empty()) onset[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(onset[0])));
        r.type += (r.type.empty() ? "" : ", ") + onset;
    }
    r.symptoms = termLabels(symptomTerms(), e.symptoms);
    if (!e.leg.empty()) r.symptoms += (r.symptoms.empty() ? "" : "; ") + std::string("in the ") + termLabel(legTerms(), e.leg);
    if (e.temperatureTenths) r.symptoms += (r.symptoms.empty() ? "" : "; ") + formatTemperature(*e.temperatureTenths) + " \xC2\xB0""C";
    if (!e.when.empty())
        r.symptoms += std::string(r.symptoms.empty() ? "" : "\n") + "When: " + termLabels(contextTerms(), e.when);
    r.care = careText(e);
    r.note = e.note;
    return r;
}

// Every alert whose episode is in the report, newest first, and the counts by kind.
void addAlerts(Report& r, std::span<const Episode* const> list, std::span<const Alert> alerts, const ReportOptions& options) {
    std::unordered_map<int64_t, const Episode*> byId;
    for (const Episode* e : list) byId[e->id] = e;
    std::vector<std::pair<const Alert*, const Episode*>> raised;
    for (const Alert& a : alerts)
        if (auto it = byId.find(a.episodeId); it != byId.end()) raised.emplace_back(&a, it->second);
    std::stable_sort(raised.begin(), raised.end(), [](const auto& a, const auto& b) {
        return earlier(*b.second, *a.second) || (!earlier(*a.second, *b.second) && a.first->id > b.first->id);
    });
    for (const auto& [a, e] : raised) {
        r.alerts.push_back(reportAlert(*a, *e, options));
        if (isSerious(a->level)) ++r.seriousAlerts;
        if (a->level != Level::Soon) continue;
        ++r.soonAdvice;
        if (!r.lastSoon) r.lastSoon = e->startedAt;
    }
}

}  // namespace

std::string_view paperName(Paper p) { return p == Paper::Letter ? "letter" : "a4"; }

std::optional<Paper> paperFromName(std::string_view name) {
    if (name == "a4" || name == "A4") return Paper::A4;
    if (name == "letter" || name == "Letter") return Paper::Letter;
    return std::nullopt;
}

std::string levelLabel(Level level) {
    switch (level) {
        case Level::Emergency: return "Emergency";
        case Level::Urgent: return "Urgent";
        case Level::Soon: return "See a doctor soon";
        case Level::SelfCare: break;
    }
    return "Self-care";
}

std::string trendText(std::span<const ChartDay> chart) {
    const int n = static_cast<int>(chart.size());
    if (n < 6) return "The period is too short to describe a trend.";
    const int window = n >= 28 ? 14 : n / 2;
    auto mean = [&](int begin, int end, int& logged) {
        int sum = 0;
        logged = 0;
        for (int i = begin; i < end; ++i) {
            if (const auto& m = chart[static_cast<std::size_t>(i)].maxPain) {
                sum += *m;
                ++logged;
            }
        }
        return logged ? static_cast<double>(sum) / logged : 0.0;
    };
    int lastLogged = 0, prevLogged = 0;
    const double last = mean(n - window, n, lastLogged);
    const double prev = mean(n - 2 * window, n - window, prevLogged);
    const std::string spans = window == 14 ? "the last 2 weeks against the 2 weeks before"
                                           : "the last " + std::to_string(window) + " days against the " +
                                                 std::to_string(window) + " before";
    if (lastLogged < 3 || prevLogged < 3)
        return "Too few entries to describe a trend (" + spans + " need at least 3 logged days each).";
    const double d = std::round((last - prev) * 10.0) / 10.0;
    const std::string from = oneDecimal(prev), to = oneDecimal(last);
    std::string words;
    if (d >= 2.0) words = "Getting worse: the average highest pain of the day rose from " + from + " to " + to;
    else if (d >= 1.0) words = "Somewhat worse: the average highest pain of the day rose from " + from + " to " + to;
    else if (d <= -2.0) words = "Improving: the average highest pain of the day fell from " + from + " to " + to;
    else if (d <= -1.0) words = "Somewhat better: the average highest pain of the day fell from " + from + " to " + to;
    else words = "About the same: the average highest pain of the day went from " + from + " to " + to;
    return words + " (" + spans + "). A change of 2 points is considered clinically meaningful.";
}

ReportPeriod reportPeriod(const DateRange& range, CivilDate today, std::optional<CivilDate> first,
                          std::optional<CivilDate> last) {
    ReportPeriod p;
    p.to = range.to.value_or(today);
    if (!range.to && last) p.to = std::max(p.to, *last);
    p.from = range.from.value_or(first.value_or(p.to));
    if (p.to < p.from) p.to = p.from;
    const int64_t days = daysFromCivil(p.to) - daysFromCivil(p.from) + 1;
    p.text = formatDate(p.from) + " to " + formatDate(p.to) + " (" + std::to_string(days) + (days == 1 ? " day)" : " days)");
    return p;
}

std::vector<ChartDay> chartFromMaxima(CivilDate from, std::span<const std::optional<int>> maxima) {
    std::vector<ChartDay> days(maxima.size());
    for (std::size_t i = 0; i < days.size(); ++i) {
        days[i].day = civilFromDays(daysFromCivil(from) + static_cast<int64_t>(i));
        days[i].maxPain = maxima[i];
    }
    const auto means = rollingMean(maxima, kRollingDays);
    for (std::size_t i = 0; i < days.size() && i < means.size(); ++i) days[i].mean7 = means[i];
    return days;
}

void addDayCounts(ReportSummary& s, std::span<const ChartDay> chart) {
    s.daysInPeriod = static_cast<int>(chart.size());
    for (const ChartDay& d : chart) {
        if (!d.maxPain) continue;
        ++s.daysLogged;
        if (*d.maxPain > 0) ++s.daysWithPain;
    }
    s.trend = trendText(chart);
}

Report buildReport(std::span<const Episode> episodes, std::span<const Alert> alerts, const ReportOptions& options) {
    std::vector<const Episode*> list;
    list.reserve(episodes.size());
    for (const Episode& e : episodes)
        if (!e.deletedAtUtc) list.push_back(&e);
    std::sort(list.begin(), list.end(), [](const Episode* a, const Episode* b) { return earlier(*a, *b); });

    Report r;
    r.patientName = options.patientName;
    const ReportPeriod period =
        reportPeriod(options.range, options.generatedAt.date,
                     list.empty() ? std::nullopt : std::optional<CivilDate>(list.front()->startedAt.date),
                     list.empty() ? std::nullopt : std::optional<CivilDate>(list.back()->startedAt.date));
    r.from = period.from;
    r.to = period.to;
    r.periodText = period.text;
    r.generatedText = stamp(options.generatedAt);
    r.region = options.region;
    r.riskText = riskProfileText(options.risks, options.generatedAt.offsetMinutes);
    r.chart = chartDays(list, r.from, r.to);
    r.summary = summarize(list, r.chart);
    r.bins = chartBins(r.chart);
    r.painNow = painNowAndBefore(r.chart);
    r.symptoms = counts(list, symptomTerms(), &Episode::symptoms, r.summary.daysLogged);
    r.contexts = counts(list, contextTerms(), &Episode::when, r.summary.daysLogged);
    r.care = counts(list, careTerms(), &Episode::care, r.summary.daysLogged);
    r.medications = medicationCounts(list, r.summary.daysLogged);
    for (const Term& t : whereTerms()) {  // the knee map, page 1 (only when something was marked)
        const auto n = std::count_if(list.begin(), list.end(), [&](const Episode* e) { return e->hasWhere(t.name); });
        r.where.emplace_back(std::string(t.name), static_cast<int>(n));
    }
    if (std::all_of(r.where.begin(), r.where.end(), [](const auto& w) { return w.second == 0; })) r.where.clear();
    r.whereRightLeg = !r.where.empty() && std::all_of(list.begin(), list.end(), [](const Episode* e) {
        return e->where.empty() || e->side == "right";
    });
    addAlerts(r, list, alerts, options);
    if (options.withEntries) {
        r.rows.reserve(list.size());
        for (auto it = list.rbegin(); it != list.rend(); ++it) r.rows.push_back(reportRow(**it));
    }
    r.peg = options.peg;
    r.pegWords = pegChangeWords(r.peg);
    r.statement = "All data in this report is patient-reported: entered by the patient in the KneeLog app. "
                  "KneeLog does not diagnose.";
    return r;
}

}  // namespace core
