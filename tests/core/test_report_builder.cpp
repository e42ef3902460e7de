// core::ReportBuilder (report.hpp): the report accumulated page by page, oldest first, is the
// report built at once, at any page size; page 1 alone keeps no entry row and only the serious
// alerts' rows, with the same page-1 figures; counts match ones computed here by brute force.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/demo.hpp"
#include "core/report.hpp"
#include "core/triage.hpp"

using namespace core;

namespace {

const CivilDate kToday{2026, 11, 30};

struct Sample {
    std::vector<Episode> episodes;  // oldest first, as the journal pages them
    std::vector<Alert> alerts;
};

// Two years of demo entries (ids in order), every alert triage gives, some acknowledged, one
// from the history rules; a few entries share their start time with the one before.
Sample demoJournal() {
    Sample j;
    j.episodes = demoEpisodes(kToday, 730, 5, 60);
    for (std::size_t i = 3; i < j.episodes.size(); i += 97) j.episodes[i].startedAt = j.episodes[i - 1].startedAt;
    std::stable_sort(j.episodes.begin(), j.episodes.end(), [](const Episode& a, const Episode& b) {
        return std::tuple(a.startedAt.date, a.startedAt.hour, a.startedAt.minute, a.startedAt.second) <
               std::tuple(b.startedAt.date, b.startedAt.hour, b.startedAt.minute, b.startedAt.second);
    });
    for (std::size_t i = 0; i < j.episodes.size(); ++i) {
        Episode& e = j.episodes[i];
        e.id = static_cast<int64_t>(i + 1);
        const TriageResult r = triageEpisode(e);
        if (r.level == Level::SelfCare) continue;
        Alert a{static_cast<int64_t>(j.alerts.size() + 1), e.id, r.level, r.ruleIds, i % 5 == 0, toUtcSeconds(e.startedAt), {}};
        if (i % 2) a.acknowledgedAtUtc = a.shownAtUtc + 300;
        j.alerts.push_back(a);
    }
    return j;
}

ReportOptions optionsFor(bool withEntries, DateRange range = {}) {
    ReportOptions o;
    o.patientName = "Test Person";
    o.range = range;
    o.generatedAt = LocalDateTime{kToday, 12, 0, 0, 60};
    o.withEntries = withEntries;
    return o;
}

std::string counts(const std::vector<ReportCount>& list) {
    std::ostringstream out;
    for (const ReportCount& c : list) out << c.label << '=' << c.count << '/' << c.days << '/' << c.percent << ';';
    return out.str();
}

// Everything page 1 shows, as text (the serious alerts only).
std::string page1(const Report& r) {
    std::ostringstream out;
    out << r.periodText << '|' << r.generatedText << '|' << r.riskText << '|' << r.summary.episodes << ','
        << r.summary.daysInPeriod << ',' << r.summary.daysLogged << ',' << r.summary.daysWithPain << ','
        << r.summary.meanPain << ',' << r.summary.maxPain << ',' << r.summary.trend << '\n';
    for (const ChartDay& d : r.chart) out << formatDate(d.day) << ':' << d.maxPain.value_or(-1) << ':' << d.mean7.value_or(-1) << ' ';
    out << '\n' << static_cast<int>(r.bins.scale) << r.bins.axis << '\n';
    for (const ChartBin& b : r.bins.bins) out << formatDate(b.start) << ':' << b.days << ':' << b.maxPain.value_or(-1) << ':' << b.mean.value_or(-1) << ' ';
    out << '\n' << r.painNow.words << r.painNow.now.typical.value_or(-1) << r.painNow.before.worst.value_or(-1) << '\n';
    out << counts(r.symptoms) << '\n' << counts(r.contexts) << '\n' << counts(r.care) << '\n' << counts(r.medications) << '\n';
    for (const auto& [name, n] : r.where) out << name << '=' << n << ';';
    out << r.whereRightLeg << '|' << r.seriousAlerts << '|' << r.soonAdvice << '|'
        << (r.lastSoon ? formatDate(r.lastSoon->date) + formatTime(*r.lastSoon) : "-") << '\n';
    for (const ReportAlert& a : r.alerts)
        if (isSerious(a.level)) out << formatDate(a.at.date) << formatTime(a.at) << a.levelLabel << a.logged << a.acknowledged << '\n';
    return out.str();
}

// Page 1, every alert and every entry row.
std::string whole(const Report& r) {
    std::ostringstream out;
    out << page1(r);
    for (const ReportAlert& a : r.alerts) out << formatDate(a.at.date) << formatTime(a.at) << a.levelLabel << a.logged << '\n';
    for (const ReportRow& row : r.rows)
        out << row.month << row.date << row.time << row.side << row.pain << row.type << row.symptoms << row.care << row.note << '\n';
    return out.str();
}

Report paged(const Sample& j, std::size_t pageSize, const ReportOptions& options) {
    ReportBuilder builder(j.alerts, options);
    for (std::size_t at = 0; at < j.episodes.size(); at += pageSize)
        builder.add(std::span<const Episode>(j.episodes).subspan(at, std::min(pageSize, j.episodes.size() - at)));
    return builder.finish();
}

}  // namespace

TEST_CASE("report builder: fed a page at a time, the report is the one built at once", "[report]") {
    const Sample j = demoJournal();
    REQUIRE(j.episodes.size() > 700);
    std::vector<Episode> shuffled = j.episodes;  // buildReport takes any order
    std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937(7));
    const Report atOnce = buildReport(shuffled, j.alerts, optionsFor(true));
    REQUIRE(atOnce.rows.size() == j.episodes.size());
    REQUIRE(atOnce.alerts.size() == j.alerts.size());
    for (std::size_t size : {std::size_t{1}, std::size_t{3}, std::size_t{500}, j.episodes.size()}) {
        INFO("page size " << size);
        CHECK(whole(paged(j, size, optionsFor(true))) == whole(atOnce));
    }
}

TEST_CASE("report builder: the counts and the chart are those counted by hand", "[report]") {
    const Sample j = demoJournal();
    const Report r = paged(j, 100, optionsFor(false));
    std::set<CivilDate> days, swellingDays;
    int swelling = 0, highest = 0;
    for (const Episode& e : j.episodes) {
        days.insert(e.startedAt.date);
        highest = std::max(highest, e.pain);
        if (e.hasSymptom("swelling")) ++swelling, swellingDays.insert(e.startedAt.date);
    }
    CHECK(r.summary.episodes == static_cast<int>(j.episodes.size()));
    CHECK(r.summary.daysLogged == static_cast<int>(days.size()));
    CHECK(r.summary.maxPain == highest);
    auto it = std::find_if(r.symptoms.begin(), r.symptoms.end(), [](const ReportCount& c) { return c.label == "Swelling"; });
    REQUIRE(it != r.symptoms.end());
    CHECK(it->count == swelling);
    CHECK(it->days == static_cast<int>(swellingDays.size()));
    const Episode& last = j.episodes.back();
    int lastDayMax = 0;
    for (const Episode& e : j.episodes)
        if (e.startedAt.date == last.startedAt.date) lastDayMax = std::max(lastDayMax, e.pain);
    const auto day = std::find_if(r.chart.begin(), r.chart.end(), [&](const ChartDay& d) { return d.day == last.startedAt.date; });
    REQUIRE(day != r.chart.end());
    CHECK(day->maxPain == lastDayMax);
    const auto serious = std::count_if(j.alerts.begin(), j.alerts.end(), [](const Alert& a) { return isSerious(a.level); });
    const auto soon = std::count_if(j.alerts.begin(), j.alerts.end(), [](const Alert& a) { return a.level == Level::Soon; });
    REQUIRE(serious > 0);
    REQUIRE(soon > 0);
    CHECK(r.seriousAlerts == serious);
    CHECK(r.soonAdvice == soon);
}

TEST_CASE("report builder: page 1 alone keeps no entry row and only the serious alerts, with the same figures",
          "[report]") {
    const Sample j = demoJournal();
    for (const DateRange& range : {DateRange{}, DateRange{CivilDate{2025, 6, 1}, CivilDate{2025, 12, 31}},
                                   DateRange{CivilDate{2026, 10, 1}, std::nullopt}}) {
        std::vector<Episode> inRange;
        for (const Episode& e : j.episodes)
            if ((!range.from || e.startedAt.date >= *range.from) && (!range.to || e.startedAt.date <= *range.to))
                inRange.push_back(e);
        const Report full = paged({inRange, j.alerts}, 250, optionsFor(true, range));
        const Report summary = paged({inRange, j.alerts}, 250, optionsFor(false, range));
        INFO(full.periodText);
        CHECK(page1(summary) == page1(full));
        CHECK(summary.rows.empty());
        CHECK(full.rows.size() == inRange.size());
        CHECK(static_cast<int>(summary.alerts.size()) == summary.seriousAlerts);
        CHECK(std::all_of(summary.alerts.begin(), summary.alerts.end(), [](const ReportAlert& a) { return isSerious(a.level); }));
        CHECK(full.alerts.size() > summary.alerts.size());
    }
}
