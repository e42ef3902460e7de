#include "pdf/pdf_report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/profile.hpp"
#include "core/triage.hpp"
#include "core/words.hpp"
#include "pdf/pdf_doc.hpp"

namespace pdf {

namespace {

using core::Report;

constexpr float kTitle = 18.0f, kHeading = 11.5f, kBody = 9.0f, kSmall = 7.5f;
constexpr Rgb kBar{0.64f, 0.76f, 0.90f};
constexpr Rgb kMeanLine{0.06f, 0.25f, 0.50f};

Rgb levelColour(core::Level level) {
    switch (level) {
        case core::Level::Emergency: return {0.72f, 0.07f, 0.07f};
        case core::Level::Urgent: return {0.80f, 0.33f, 0.0f};
        case core::Level::Soon: return {0.55f, 0.42f, 0.0f};
        case core::Level::SelfCare: break;
    }
    return colour::kText;
}

// What the app told the person, in a few words (the full texts follow the table).
std::string shortAdvice(core::Level level, const std::string& number) {
    switch (level) {
        case core::Level::Emergency: return "Emergency: call " + std::string(core::emergencyNumberFor(number)) + " now";
        case core::Level::Urgent: return "Urgent: medical help today";
        case core::Level::Soon: return "See a doctor soon";
        case core::Level::SelfCare: break;
    }
    return "Self-care";
}

// [SECTION] building blocks

void paragraph(Flow& f, std::string_view text, HPDF_Font font, float size, Rgb c, float indent = 0) {
    Document& d = f.doc();
    const float leading = size * 1.3f;
    for (const auto& line : d.wrap(text, font, size, f.contentWidth() - indent)) {
        f.need(leading);
        d.text(f.page(), font, size, c, f.left() + indent, f.y() - size, line);
        f.down(leading);
    }
}

// A section heading, kept on the page with at least `keep` points of what follows.
void heading(Flow& f, std::string_view text, float keep) {
    Document& d = f.doc();
    f.down(10);
    f.need(kHeading * 1.8f + keep);
    d.text(f.page(), d.bold(), kHeading, colour::kAccent, f.left(), f.y() - kHeading, text);
    f.down(kHeading + 4);
    d.line(f.page(), colour::kAccent, 0.8f, f.left(), f.y(), f.right(), f.y());
    f.down(6);
}

std::string decimal(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

// [SECTION] page 1: who, when, summary

void drawTitle(Flow& f, const Report& r) {
    Document& d = f.doc();
    d.text(f.page(), d.bold(), kTitle, colour::kText, f.left(), f.y() - kTitle, "Knee pain diary");
    d.textRight(f.page(), d.regular(), kBody, colour::kMuted, f.right(), f.y() - kTitle, "Report for the doctor");
    f.down(kTitle + 10);
    if (!r.patientName.empty()) {
        d.text(f.page(), d.bold(), 11, colour::kText, f.left(), f.y() - 11, "Patient: " + r.patientName);
        f.down(16);
    }
    d.text(f.page(), d.regular(), kBody + 1, colour::kText, f.left(), f.y() - kBody, "Period: " + r.periodText);
    f.down(14);
    paragraph(f, "Risk profile (as the patient set it): " + r.riskText, d.regular(), kBody, colour::kText);
    f.down(2);
    d.text(f.page(), d.regular(), kBody, colour::kMuted, f.left(), f.y() - kBody,
           "Generated " + r.generatedText + " by the KneeLog app. Pain is on the 0-10 scale (0 = none, 10 = worst imaginable).");
    f.down(16);
}

void drawSummary(Flow& f, const Report& r) {
    Document& d = f.doc();
    const core::ReportSummary& s = r.summary;
    struct Figure { std::string value, label, detail; };
    const Figure figures[] = {
        {std::to_string(s.episodes), "Entries", s.episodes == 1 ? "episode logged" : "episodes logged"},
        {std::to_string(s.daysWithPain), "Days with pain",
         "of " + std::to_string(s.daysInPeriod) + " days (" + std::to_string(s.daysLogged) + " with entries)"},
        {s.episodes ? decimal(s.meanPain) : "-", "Average pain", "per entry, 0-10"},
        {s.episodes ? std::to_string(s.maxPain) : "-", "Highest pain", "0-10"},
    };
    const float h = 56, top = f.y(), w = f.contentWidth() / 4;
    d.fillRect(f.page(), colour::kShade, f.left(), top - h, f.contentWidth(), h);
    for (int i = 0; i < 4; ++i) {
        const float x = f.left() + w * static_cast<float>(i) + 10;
        d.text(f.page(), d.bold(), 18, colour::kText, x, top - 24, figures[i].value);
        d.text(f.page(), d.bold(), 8.5f, colour::kText, x, top - 37, figures[i].label);
        d.text(f.page(), d.regular(), kSmall, colour::kMuted, x, top - 48, figures[i].detail);
    }
    f.down(h + 8);
    paragraph(f, "Trend: " + s.trend, d.regular(), kBody, colour::kText);
}

// [SECTION] page 1: the chart

struct Tick {
    std::size_t index;
    std::string label;
};

std::vector<Tick> chartTicks(const std::vector<core::ChartDay>& days) {
    std::vector<Tick> ticks;
    const std::size_t n = days.size();
    for (std::size_t i = 0; i < n; ++i) {
        const core::CivilDate& c = days[i].day;
        const std::string month = core::monthShort(c.month);
        if (n <= 35) {
            if (i % 7 == 0) ticks.push_back({i, std::to_string(c.day) + " " + month});
        } else if (n <= 200) {
            if (c.day == 1) ticks.push_back({i, c.month == 1 ? month + " " + std::to_string(c.year) : month});
        } else if (n <= 800) {
            if (c.day == 1 && (c.month - 1) % 3 == 0) ticks.push_back({i, month + " " + std::to_string(c.year)});
        } else if (c.day == 1 && c.month == 1) {
            ticks.push_back({i, std::to_string(c.year)});
        }
    }
    return ticks;
}

void drawLegend(Flow& f, float y) {
    Document& d = f.doc();
    const std::string mean = "7-day average", bar = "Highest pain that day";
    float x = f.right() - d.textWidth(d.regular(), kSmall, mean);
    d.text(f.page(), d.regular(), kSmall, colour::kMuted, x, y, mean);
    x -= 22;
    d.line(f.page(), kMeanLine, 1.6f, x, y + 2.5f, x + 16, y + 2.5f);
    x -= 14 + d.textWidth(d.regular(), kSmall, bar);
    d.text(f.page(), d.regular(), kSmall, colour::kMuted, x, y, bar);
    d.fillRect(f.page(), kBar, x - 12, y - 1, 8, 8);
}

void drawChart(Flow& f, const Report& r) {
    Document& d = f.doc();
    const float plotH = 120, axisW = 20, labelsH = 14;
    heading(f, "Highest pain of each day", plotH + labelsH + 12);
    drawLegend(f, f.y() - kSmall);
    f.down(kSmall + 8);
    const float x0 = f.left() + axisW, w = f.contentWidth() - axisW, base = f.y() - plotH;
    HPDF_Page page = f.page();
    for (int v = 0; v <= 10; v += 2) {
        const float y = base + plotH * static_cast<float>(v) / 10.0f;
        d.line(page, colour::kRule, v == 0 ? 0.8f : 0.3f, x0, y, x0 + w, y);
        d.textRight(page, d.regular(), kSmall, colour::kMuted, x0 - 4, y - 2.5f, std::to_string(v));
    }
    const std::size_t n = r.chart.size();
    const float dayW = n ? w / static_cast<float>(n) : w;
    const float barW = std::max(dayW * 0.72f, 0.35f);
    for (std::size_t i = 0; i < n; ++i) {
        if (!r.chart[i].maxPain) continue;
        const float x = x0 + dayW * static_cast<float>(i) + (dayW - barW) / 2;
        // A logged day without pain still shows, as a sliver on the axis.
        const float h = std::max(plotH * static_cast<float>(*r.chart[i].maxPain) / 10.0f, 0.8f);
        d.fillRect(page, kBar, x, base, barW, h);
    }
    HPDF_Page_SetRGBStroke(page, kMeanLine.r, kMeanLine.g, kMeanLine.b);
    HPDF_Page_SetLineWidth(page, std::clamp(dayW * 3.0f, 0.5f, 1.6f));  // thinner as the days crowd
    HPDF_Page_SetLineJoin(page, HPDF_ROUND_JOIN);
    bool drawing = false;
    for (std::size_t i = 0; i < n; ++i) {
        if (!r.chart[i].mean7) {
            if (drawing) HPDF_Page_Stroke(page);
            drawing = false;
            continue;
        }
        const float x = x0 + dayW * (static_cast<float>(i) + 0.5f);
        const float y = base + plotH * static_cast<float>(*r.chart[i].mean7) / 10.0f;
        if (!drawing) HPDF_Page_MoveTo(page, x, y);
        else HPDF_Page_LineTo(page, x, y);
        drawing = true;
    }
    if (drawing) HPDF_Page_Stroke(page);
    for (const Tick& t : chartTicks(r.chart)) {
        const float x = x0 + dayW * static_cast<float>(t.index);
        d.line(page, colour::kMuted, 0.5f, x, base, x, base - 3);
        d.text(page, d.regular(), kSmall, colour::kMuted, x + 1.5f, base - 3 - kSmall, t.label);
    }
    if (r.summary.episodes == 0)
        d.text(page, d.regular(), kBody, colour::kMuted, x0 + 10, base + plotH / 2, "Nothing was logged in this period.");
    f.down(plotH + labelsH + 4);
}

// [SECTION] page 1: alerts and frequencies

void drawAlerts(Flow& f, const Report& r) {
    Document& d = f.doc();
    const std::string& number = r.region;
    heading(f, "Red-flag alerts (" + std::to_string(r.alerts.size()) + ")", 40);
    if (r.alerts.empty()) {
        paragraph(f, "KneeLog raised no red-flag alerts in this period.", d.regular(), kBody, colour::kText);
        return;
    }
    std::string counts;
    for (core::Level level : {core::Level::Emergency, core::Level::Urgent, core::Level::Soon}) {
        const auto n = std::count_if(r.alerts.begin(), r.alerts.end(), [&](const auto& a) { return a.level == level; });
        if (n > 0) counts += (counts.empty() ? "" : ",  ") + core::levelLabel(level) + ": " + std::to_string(n);
    }
    paragraph(f, counts + ". Listed oldest first; each row is one save that raised advice.", d.regular(), kBody,
              colour::kText);
    f.down(3);
    const float w = f.contentWidth();
    {
        Table table(f, {{"When", w * 0.145f}, {"Advised", w * 0.165f, true}, {"What was logged", w * 0.28f},
                        {"Why (the rule that fired)", w * 0.25f}, {"Acknowledged", w * 0.16f}},
                    kSmall + 0.5f);
        table.begin();
        for (const core::ReportAlert& a : r.alerts) {
            std::string why;
            for (const auto& reason : a.reasons) why += (why.empty() ? "" : "\n") + reason;
            table.row({core::formatDate(a.at.date) + " " + core::formatTime(a.at), shortAdvice(a.level, number), a.logged,
                       why, a.acknowledged},
                      levelColour(a.level));
        }
    }
    f.down(6);
    paragraph(f, "What KneeLog advised at each level shown above:", d.bold(), kSmall + 0.5f, colour::kText);
    for (core::Level level : {core::Level::Emergency, core::Level::Urgent, core::Level::Soon}) {
        const bool shown = std::any_of(r.alerts.begin(), r.alerts.end(), [&](const auto& a) { return a.level == level; });
        if (!shown) continue;
        paragraph(f, core::levelLabel(level) + ": " + core::actionText(level, number), d.regular(), kSmall + 0.5f,
                  levelColour(level), 8);
    }
}

void drawFrequencies(Flow& f, const Report& r) {
    Document& d = f.doc();
    heading(f, "Symptoms and when it hurts (share of " + std::to_string(r.summary.episodes) + " entries)", 40);
    if (r.symptoms.empty() && r.contexts.empty()) {
        paragraph(f, "No symptoms or situations were ticked in this period.", d.regular(), kBody, colour::kText);
        return;
    }
    const float w = f.contentWidth();
    Table table(f, {{"Symptom", w * 0.33f}, {"Entries", w * 0.17f}, {"When it hurts", w * 0.33f}, {"Entries", w * 0.17f}},
                kSmall + 0.5f);
    table.begin();
    auto cell = [](const core::ReportCount& c) {
        return std::to_string(c.count) + " (" + std::to_string(c.percent) + "%)";
    };
    for (std::size_t i = 0; i < std::max(r.symptoms.size(), r.contexts.size()); ++i) {
        const bool s = i < r.symptoms.size(), c = i < r.contexts.size();
        table.row({s ? r.symptoms[i].label : "", s ? cell(r.symptoms[i]) : "", c ? r.contexts[i].label : "",
                   c ? cell(r.contexts[i]) : ""});
    }
}

// [SECTION] the entries and the footers

void drawEntries(Flow& f, const Report& r) {
    Document& d = f.doc();
    f.newPage();
    heading(f, "All entries (" + std::to_string(r.rows.size()) + "), oldest first", 40);
    if (r.rows.empty()) {
        paragraph(f, "No entries in this period.", d.regular(), kBody, colour::kText);
        return;
    }
    const float w = f.contentWidth();
    Table table(f,
                {{"Date", w * 0.10f}, {"Time", w * 0.055f}, {"Side", w * 0.105f, true}, {"Pain", w * 0.05f, true},
                 {"Type", w * 0.12f}, {"Symptoms", w * 0.21f}, {"Self-care", w * 0.13f}, {"Note", w * 0.23f}},
                kSmall);
    table.begin();
    for (const core::ReportRow& row : r.rows)
        table.row({row.date, row.time, row.side, row.pain, row.type, row.symptoms, row.care, row.note});
}

void drawFooters(Document& d, const Report& r) {
    const auto& pages = d.pages();
    const std::string who = r.patientName.empty() ? "" : r.patientName + "  \xC2\xB7  ";
    const std::string line = who + "Knee pain diary, " + r.periodText + "  \xC2\xB7  generated " + r.generatedText;
    for (std::size_t i = 0; i < pages.size(); ++i) {
        const float left = Flow::kMarginX, right = d.pageWidth() - Flow::kMarginX;
        d.line(pages[i], colour::kRule, 0.5f, left, 44, right, 44);
        d.text(pages[i], d.regular(), kSmall, colour::kMuted, left, 34, r.statement);
        d.text(pages[i], d.regular(), kSmall, colour::kMuted, left, 24, line);
        d.textRight(pages[i], d.bold(), kSmall, colour::kText, right, 24,
                    "Page " + std::to_string(i + 1) + " of " + std::to_string(pages.size()));
    }
}

}  // namespace

core::Result<std::string> renderReport(const core::Report& report, const PdfOptions& options) {
    auto fontDir = findFontDir(options.fontDir);
    if (!fontDir) return fontDir.error();
    auto doc = Document::create(*fontDir, options.paper);
    if (!doc) return doc.error();
    Document& d = **doc;
    d.setInfo("Knee pain diary " + core::formatDate(report.from) + " to " + core::formatDate(report.to),
              "Patient-reported knee pain entries exported from KneeLog");
    Flow flow(d);
    drawTitle(flow, report);
    drawSummary(flow, report);
    drawChart(flow, report);
    drawAlerts(flow, report);
    drawFrequencies(flow, report);
    drawEntries(flow, report);
    drawFooters(d, report);
    return d.save();
}

}  // namespace pdf
