#include <catch2/catch.hpp>

#include "core/report.hpp"

using namespace core;

namespace {

Episode at(CivilDate day, int hour, int pain, const char* side = "left") {
    static int64_t nextId = 1;
    Episode e;
    e.id = nextId++;
    e.startedAt = LocalDateTime{day, hour, 0, 0, 60};
    e.pain = pain;
    e.side = side;
    return e;
}

ReportOptions optionsFor(CivilDate from, CivilDate to) {
    ReportOptions o;
    o.range = DateRange{from, to};
    o.generatedAt = LocalDateTime{{2026, 11, 27}, 9, 30, 0, 60};
    return o;
}

// `days` days ending on `last`, with a daily highest pain of `pain` on each.
std::vector<ChartDay> flat(int days, std::vector<int> pains) {
    std::vector<ChartDay> out(static_cast<std::size_t>(days));
    for (std::size_t i = 0; i < out.size(); ++i) out[i].maxPain = pains[i * pains.size() / out.size()];
    return out;
}

}  // namespace

TEST_CASE("report summary: episodes, days with pain, mean and max", "[report]") {
    const CivilDate d1{2026, 11, 1}, d2{2026, 11, 2}, d4{2026, 11, 4};
    std::vector<Episode> eps = {at(d1, 8, 2), at(d1, 20, 6), at(d2, 9, 0), at(d4, 10, 9, "both")};
    const Report r = buildReport(eps, {}, optionsFor(d1, CivilDate{2026, 11, 7}));
    CHECK(r.summary.episodes == 4);
    CHECK(r.summary.daysInPeriod == 7);
    CHECK(r.summary.daysLogged == 3);
    CHECK(r.summary.daysWithPain == 2);  // the day with only a 0 does not count
    CHECK(r.summary.meanPain == Approx(17.0 / 4));
    CHECK(r.summary.maxPain == 9);
    CHECK(r.periodText == "2026-11-01 to 2026-11-07 (7 days)");
    CHECK(r.generatedText == "2026-11-27 09:30");
    REQUIRE(r.chart.size() == 7);
    CHECK(r.chart[0].maxPain == 6);
    CHECK_FALSE(r.chart[2].maxPain.has_value());  // a gap, not 0
    CHECK(r.chart[3].maxPain == 9);
    CHECK(r.chart[2].mean7 == Approx(3.0));       // (6 + 0) / 2 logged days
}

TEST_CASE("report rows are newest first, with the side in words and the month", "[report]") {
    const CivilDate d{2026, 11, 3};
    std::vector<Episode> eps = {at(d, 20, 4, "right"), at(d, 7, 3, "both"), at(d, 12, 2, "")};
    eps[0].symptoms = {"swelling", "warmth"};
    eps[0].when = {"night"};
    eps[0].painType = "sharp";
    eps[0].onset = "sudden";
    eps[0].care = {"ice", "medication"};
    eps[0].medication = "ibuprofen 400 mg";
    eps[0].note = "Nach dem Treppensteigen";
    const Report r = buildReport(eps, {}, optionsFor(d, d));
    REQUIRE(r.rows.size() == 3);
    CHECK(r.rows[2].side == "Both knees");
    CHECK(r.rows[1].side == "Side not given");
    const ReportRow& row = r.rows[0];
    CHECK(row.month == "November 2026");
    CHECK(row.date == "2026-11-03");
    CHECK(row.time == "20:00");
    CHECK(row.side == "Right knee");
    CHECK(row.pain == "4");
    CHECK(row.type == "Sharp, sudden onset");
    CHECK(row.symptoms == "Swelling, Warm to the touch\nWhen: At night");
    CHECK(row.care == "Ice, Medication (ibuprofen 400 mg)");
    CHECK(row.note == "Nach dem Treppensteigen");
}

TEST_CASE("report alerts say what was logged, advised and acknowledged", "[report]") {
    const CivilDate d{2026, 11, 3};
    std::vector<Episode> eps = {at(d, 9, 8, "right")};
    eps[0].symptoms = {"calf_pain", "calf_swelling"};
    const int64_t ack = toUtcSeconds(LocalDateTime{d, 9, 5, 0, 60});
    std::vector<Alert> alerts = {Alert{1, eps[0].id, Level::Urgent, {"U1", "U4"}, false, ack - 60, ack},
                                 Alert{2, 12345, Level::Soon, {"S1"}, false, ack, {}}};
    auto options = optionsFor(d, d);
    options.region = "uk";
    const Report r = buildReport(eps, alerts, options);
    REQUIRE(r.alerts.size() == 1);  // the second alert's episode is not in the report
    const ReportAlert& a = r.alerts[0];
    CHECK(a.levelLabel == "Urgent");
    CHECK(a.logged == "Pain 8, Right knee; Calf pain, Calf swelling");
    REQUIRE(a.reasons.size() == 2);
    CHECK(a.reasons[0] == std::string(findRule("U1")->title));
    CHECK(a.advice == actionText(Level::Urgent, "uk"));
    CHECK(a.acknowledged == "2026-11-03 09:05");
}

TEST_CASE("report frequencies count episodes per symptom, most frequent first", "[report]") {
    const CivilDate d{2026, 11, 3};
    std::vector<Episode> eps = {at(d, 7, 3), at(d, 8, 3), at(d, 9, 3), at(d, 10, 3)};
    eps[0].symptoms = {"stiffness"};
    eps[1].symptoms = {"stiffness", "swelling"};
    eps[2].symptoms = {"swelling"};
    eps[3].symptoms = {"swelling"};
    eps[3].when = {"stairs"};
    const Report r = buildReport(eps, {}, optionsFor(d, d));
    REQUIRE(r.symptoms.size() == 2);
    CHECK(r.symptoms[0].label == "Swelling");
    CHECK(r.symptoms[0].count == 3);
    CHECK(r.symptoms[0].days == 1);
    CHECK(r.symptoms[0].percent == 100);  // of the days with entries
    CHECK(r.symptoms[1].label == "Stiffness");
    REQUIRE(r.contexts.size() == 1);
    CHECK(r.contexts[0].label == "On stairs");
}

TEST_CASE("an open period runs from the first entry to today", "[report]") {
    std::vector<Episode> eps = {at({2026, 10, 30}, 8, 1), at({2026, 11, 2}, 8, 1)};
    ReportOptions o;
    o.generatedAt = LocalDateTime{{2026, 11, 5}, 9, 0, 0, 60};
    const Report r = buildReport(eps, {}, o);
    CHECK(r.from == CivilDate{2026, 10, 30});
    CHECK(r.to == CivilDate{2026, 11, 5});
    CHECK(r.chart.size() == 7);
    const Report empty = buildReport({}, {}, o);
    CHECK(empty.summary.episodes == 0);
    CHECK(empty.chart.size() == 1);
}

TEST_CASE("trend words follow a 2-point change in the daily highest pain", "[report]") {
    CHECK(trendText(flat(28, {2, 5})).rfind("Getting worse: the average highest pain of the day rose from 2.0 to 5.0", 0) == 0);
    CHECK(trendText(flat(28, {6, 3})).rfind("Improving:", 0) == 0);
    CHECK(trendText(flat(28, {4, 5})).rfind("Somewhat worse:", 0) == 0);
    CHECK(trendText(flat(28, {4, 4})).rfind("About the same:", 0) == 0);
    CHECK(trendText(flat(60, {4, 4})).find("the last 2 weeks against the 2 weeks before") != std::string::npos);
    CHECK(trendText(flat(10, {1, 3})).find("the last 5 days against the 5 before") != std::string::npos);
    CHECK(trendText(flat(4, {1})).rfind("The period is too short", 0) == 0);
    auto sparse = flat(28, {3});
    for (std::size_t i = 14; i < 26; ++i) sparse[i].maxPain.reset();
    CHECK(trendText(sparse).rfind("Too few entries", 0) == 0);
}

TEST_CASE("report: the risk profile is shown, and what was logged names the leg, the temperature and when it hurts",
          "[report]") {
    const CivilDate d{2026, 11, 3};
    std::vector<Episode> eps = {at(d, 9, 6, "left")};
    eps[0].symptoms = {"calf_pain"};
    eps[0].leg = "left";
    eps[0].temperatureTenths = 386;
    eps[0].when = {"night"};
    std::vector<Alert> alerts = {Alert{1, eps[0].id, Level::Urgent, {"U1", "U3"}, false, 1793700000, {}}};
    auto options = optionsFor(d, d);
    const Report none = buildReport(eps, alerts, options);
    CHECK(none.riskText == "none ticked");
    options.risks = {RiskMark{"blood_thinners", toUtcSeconds(LocalDateTime{{2026, 10, 1}, 12, 0, 0, 60})}};
    const Report r = buildReport(eps, alerts, options);
    CHECK(r.riskText == "Blood thinners (since 2026-10-01)");
    REQUIRE(r.alerts.size() == 1);
    CHECK(r.alerts[0].logged.find("hurts: At night") != std::string::npos);
    CHECK(r.alerts[0].logged.find("calf or leg signs: Left leg") != std::string::npos);
    CHECK(r.alerts[0].logged.find("38.6") != std::string::npos);
}

TEST_CASE("report alerts: newest first; emergency and urgent counted apart from see-a-doctor-soon advice", "[report]") {
    const CivilDate d1{2026, 11, 3}, d2{2026, 11, 10}, d3{2026, 11, 20};
    std::vector<Episode> eps = {at(d1, 9, 5), at(d2, 9, 9), at(d3, 9, 4)};
    std::vector<Alert> alerts = {Alert{1, eps[0].id, Level::Soon, {"S1"}, false, 0, {}},
                                 Alert{2, eps[1].id, Level::Emergency, {"E1"}, false, 0, {}},
                                 Alert{3, eps[2].id, Level::Soon, {"S1"}, false, 0, {}},
                                 Alert{4, eps[2].id, Level::Urgent, {"U1"}, false, 0, {}}};
    const Report r = buildReport(eps, alerts, optionsFor(d1, d3));
    REQUIRE(r.alerts.size() == 4);
    CHECK(r.alerts[0].at.date == d3);
    CHECK(r.alerts[3].at.date == d1);
    CHECK(r.seriousAlerts == 2);
    CHECK(r.soonAdvice == 2);
    REQUIRE(r.lastSoon.has_value());
    CHECK(r.lastSoon->date == d3);
    CHECK(isSerious(Level::Emergency));
    CHECK(isSerious(Level::Urgent));
    CHECK_FALSE(isSerious(Level::Soon));
}

TEST_CASE("pain now and before: the median of the daily highest over 4 weeks, the worst, days with pain", "[report]") {
    // 56 days: the first 28 at 2 (with one 7), the last 28 at 5 (with two days of 0).
    std::vector<ChartDay> chart(56);
    for (std::size_t i = 0; i < chart.size(); ++i) {
        chart[i].day = addDays(CivilDate{2026, 10, 1}, static_cast<int64_t>(i));
        chart[i].maxPain = i < 28 ? 2 : 5;
    }
    chart[3].maxPain = 7;
    chart[40].maxPain = 0;
    chart[41].maxPain = 0;
    chart[50].maxPain.reset();
    const PainNowAndBefore p = painNowAndBefore(chart);
    CHECK(p.now.to == chart.back().day);
    CHECK(p.now.from == chart[28].day);
    CHECK(p.before.from == chart[0].day);
    CHECK(p.now.daysLogged == 27);
    CHECK(p.now.daysWithPain == 25);
    CHECK(p.now.typical == Approx(5.0));
    CHECK(p.now.worst == 5);
    CHECK(p.before.typical == Approx(2.0));
    CHECK(p.before.worst == 7);
    CHECK(p.words.find("rose by 3 points") != std::string::npos);
    CHECK(p.words.find("2 points") != std::string::npos);
    CHECK(p.now.days == 28);
    chart.resize(30);
    const PainNowAndBefore shortPeriod = painNowAndBefore(chart);
    CHECK(shortPeriod.words.rfind("Too few days logged", 0) == 0);
    CHECK(shortPeriod.before.days == 2);
    CHECK(shortPeriod.before.from == chart[0].day);  // cut to the period
    chart.resize(10);
    CHECK(painNowAndBefore(chart).now.days == 10);
    CHECK(painNowAndBefore(chart).now.from == chart[0].day);
    CHECK(painNowAndBefore(chart).before.days == 0);
    std::vector<ChartDay> same(56);
    for (auto& d : same) d.maxPain = 4;
    same[0].maxPain = 3;
    CHECK(painNowAndBefore(same).words.find("about the same") != std::string::npos);
}

TEST_CASE("chart bins: daily up to about 6 months, weekly up to about 3 years, monthly beyond", "[report]") {
    auto days = [](int n) {
        std::vector<ChartDay> c(static_cast<std::size_t>(n));
        for (std::size_t i = 0; i < c.size(); ++i) {
            c[i].day = addDays(CivilDate{2024, 1, 1}, static_cast<int64_t>(i));  // a Monday
            if (i % 2 == 0) c[i].maxPain = static_cast<int>(i % 10);
        }
        return c;
    };
    const auto daily = chartBins(days(180));
    CHECK(daily.scale == ChartScale::Daily);
    CHECK(daily.bins.size() == 180);
    CHECK(daily.axis.find("per day") != std::string::npos);
    const auto weekly = chartBins(days(700));
    CHECK(weekly.scale == ChartScale::Weekly);
    CHECK(weekly.bins.size() == 100);
    CHECK(weekly.axis.find("per week") != std::string::npos);
    CHECK(weekly.bins[0].days == 7);
    CHECK(weekly.bins[0].maxPain == 6);                 // days 0, 2, 4, 6
    CHECK(*weekly.bins[0].mean == Approx(3.0));         // (0 + 2 + 4 + 6) / 4
    const auto monthly = chartBins(days(3650));
    CHECK(monthly.scale == ChartScale::Monthly);
    CHECK(monthly.bins.size() == 120);
    CHECK(monthly.bins[1].start == CivilDate{2024, 2, 1});
    CHECK(monthly.bins[1].days == 29);
    CHECK(monthly.axis.find("per month") != std::string::npos);
}

TEST_CASE("report: what was tried, care and medication as typed, with counts", "[report]") {
    const CivilDate d{2026, 11, 3}, e{2026, 11, 4};
    std::vector<Episode> eps = {at(d, 7, 3), at(d, 8, 3), at(e, 9, 3)};
    eps[0].care = {"ice", "medication"};
    eps[0].medication = "ibuprofen 400 mg";
    eps[1].care = {"ice"};
    eps[2].care = {"medication"};
    eps[2].medication = " ibuprofen 400 mg ";
    const Report r = buildReport(eps, {}, optionsFor(d, e));
    REQUIRE(r.care.size() == 2);
    CHECK(r.care[0].count == 2);
    REQUIRE(r.medications.size() == 1);
    CHECK(r.medications[0].label == "ibuprofen 400 mg");
    CHECK(r.medications[0].count == 2);
    CHECK(r.medications[0].days == 2);
    CHECK(r.medications[0].percent == 100);
    CHECK(monthName(d) == "November 2026");
}
