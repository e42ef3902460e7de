// The report's words (report_text.hpp), its trend sentence and period, and the pieces the preview
// shares; the report itself is accumulated by ReportBuilder (report_builder.cpp).
#include "core/report.hpp"
#include "core/report_text.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include "core/stats.hpp"
#include "core/vocabulary.hpp"
#include "core/words.hpp"

namespace core {

namespace {

std::string oneDecimal(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

std::string loggedText(const Episode& e) {
    std::string out = "Pain " + std::to_string(e.pain) + ", " + sideWords(e.side);
    if (!e.symptoms.empty()) out += "; " + termLabels(symptomTerms(), e.symptoms);
    if (!e.onset.empty()) out += "; " + termLabel(onsetTerms(), e.onset);
    if (!e.when.empty()) out += "; hurts: " + termLabels(contextTerms(), e.when);
    if (!e.leg.empty()) out += "; calf or leg signs: " + termLabel(legTerms(), e.leg);
    if (e.temperatureTenths) out += "; " + formatTemperature(*e.temperatureTenths) + " \xC2\xB0""C";
    return out;
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

}  // namespace

namespace report_text {

std::string stamp(const LocalDateTime& t) { return formatDate(t.date) + " " + formatTime(t); }

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

}  // namespace report_text

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

}  // namespace core
