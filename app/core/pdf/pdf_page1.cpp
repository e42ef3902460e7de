// Page 1 of the doctor's report: a GP's first questions, in order, on one page at any journal
// size (every list is capped and every text clipped to its lines).
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/knee_map.hpp"
#include "core/profile.hpp"
#include "core/words.hpp"
#include "pdf/pdf_draw.hpp"

namespace pdf {

namespace {

using core::Report;

constexpr std::size_t kAlertRows = 5;  // serious alerts listed on page 1, at most
// The height page 1 needs below the alert rows ("and N more", the soon line, the pain now and
// before, the chart, the most frequent); checked by the CLI test on Letter, the shorter paper.
constexpr float kBelowAlerts = 440;  // 387 measured on A4 and Letter, + 30 for the two lines, + room
constexpr std::size_t kTopRows = 5;    // symptoms, contexts, what was tried
// The knee map beside the most frequent (when places were marked) is taller than that table by
// at most this much; page 1 keeps the room for it (fewer alert rows then).
constexpr float kMapOverhang = 45;
constexpr Rgb kBar{0.64f, 0.76f, 0.90f};
constexpr Rgb kMeanLine{0.06f, 0.25f, 0.50f};

std::string decimal(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, std::fabs(v - std::round(v)) < 0.05 ? "%.0f" : "%.1f", v);
    return buf;
}

std::string regionText(const std::string& code) {
    if (code.empty()) return "Region: not chosen (the advice named 112)";
    const core::Region* region = core::findRegion(code);
    std::string out = "Region: ";
    out += region ? std::string(region->name) : code;
    out += " (emergency number ";
    out += core::emergencyNumberFor(code);
    out += ")";
    return out;
}

// [SECTION] 1. who, the period, the region, the risk profile, the report's date

void drawWho(Flow& f, const Report& r) {
    Document& d = f.doc();
    d.text(f.page(), d.bold(), kTitle, colour::kText, f.left(), f.y() - kTitle, "Knee pain diary: report for the doctor");
    d.textRight(f.page(), d.regular(), kBody, colour::kMuted, f.right(), f.y() - kTitle, "Report date " + r.generatedText);
    f.down(kTitle + 8);
    if (!r.patientName.empty())
        paragraph(f, "Patient: " + r.patientName, d.bold(), 11, colour::kText, 0, 1);
    const auto& s = r.summary;
    std::string period = "Period: ";
    period.append(r.periodText).append("  \xC2\xB7  ").append(std::to_string(s.episodes));
    period.append(s.episodes == 1 ? " entry on " : " entries on ").append(std::to_string(s.daysLogged));
    period.append(s.daysLogged == 1 ? " day" : " days");
    paragraph(f, period, d.regular(), kBody + 0.5f, colour::kText, 0, 1);
    paragraph(f, regionText(r.region), d.regular(), kBody, colour::kText, 0, 1);
    paragraph(f, "Risk profile (as the patient set it): " + r.riskText, d.regular(), kBody, colour::kText, 0, 4);
    paragraph(f, "Pain is on the 0-10 scale (0 = none, 10 = worst imaginable). All of it is patient-reported.",
              d.regular(), kSmall, colour::kMuted, 0, 1);
}

// [SECTION] 2. the serious alerts

// Rows while they fit above what page 1 still has to show; returns how many were drawn.
std::size_t drawSeriousTable(Flow& f, const Report& r) {
    Document& d = f.doc();
    const float w = f.contentWidth(), size = kSmall + 0.5f;
    const std::vector<Column> columns = {{"When", w * 0.155f}, {"Level", w * 0.135f, true}, {"What was logged", w * 0.33f},
                                         {"Why (the rule that fired)", w * 0.23f}, {"Acknowledged", w * 0.15f}};
    Table table(f, columns, size);
    table.begin();
    const float floor = Flow::kMarginBottom + kBelowAlerts + (r.where.empty() ? 0.0f : kMapOverhang);
    std::size_t shown = 0;
    for (const core::ReportAlert& a : r.alerts) {
        if (!core::isSerious(a.level)) continue;
        std::string why, level = core::levelLabel(a.level);
        for (const auto& reason : a.reasons) why.append(why.empty() ? "" : "; ").append(reason);
        if (a.level == core::Level::Emergency) level.append(" (call ").append(core::emergencyNumberFor(r.region)).append(")");
        auto cell = [&](const std::string& text, std::size_t col, int lines) {
            return clip(d, text, d.regular(), size, columns[col].width - 6, lines);
        };
        const std::vector<std::string> cells = {stamp(a.at), level, cell(a.logged, 2, 3), cell(why, 3, 3),
                                                cell(a.acknowledged, 4, 2)};
        if (shown == kAlertRows || f.y() - table.rowHeight(cells) < floor) break;
        table.row(cells, levelColour(a.level));
        ++shown;
    }
    return shown;
}

void drawSerious(Flow& f, const Report& r, const Page1Options& options) {
    Document& d = f.doc();
    heading(f, "Serious alerts: emergency and urgent (" + std::to_string(r.seriousAlerts) + "), newest first", 30);
    if (r.seriousAlerts == 0) {
        paragraph(f, "KneeLog raised no emergency or urgent alert in this period.", d.regular(), kBody, colour::kText);
    } else {
        const std::size_t shown = drawSeriousTable(f, r);
        if (static_cast<std::size_t>(r.seriousAlerts) > shown) {
            const std::string more = "... and " + std::to_string(r.seriousAlerts - static_cast<int>(shown)) + " more " +
                                     (options.detailPages ? "on page 2." : "in the full report.");
            f.down(2);
            paragraph(f, more, d.bold(), kBody, levelColour(core::Level::Emergency));
        }
    }
    std::string soon = "Advice to see a doctor soon (not a red flag): ";
    if (r.soonAdvice == 0) soon += "none.";
    else {
        soon.append(std::to_string(r.soonAdvice)).append(r.soonAdvice == 1 ? " time" : " times");
        if (r.lastSoon) soon.append(", most recently ").append(core::formatDate(r.lastSoon->date));
        soon += options.detailPages ? "; listed on page 2." : ".";
    }
    f.down(3);
    paragraph(f, soon, d.regular(), kBody, colour::kText, 0, 1);
}

// [SECTION] 3. pain now and before

std::string windowTitle(const core::PainWindow& w, const char* name) {
    std::string out = name;
    if (w.days == 0) return out.append(" (before the period)");
    out.append(" (").append(core::formatDate(w.from)).append(" to ").append(core::formatDate(w.to)).append(")");
    return out;
}

void drawPainNow(Flow& f, const Report& r) {
    Document& d = f.doc();
    const core::PainNowAndBefore& p = r.painNow;
    heading(f, "Pain now and before: the last 4 weeks against the 4 weeks before", 70);
    const float w = f.contentWidth();
    Table table(f, {{"Highest pain of each day, 0-10", w * 0.34f}, {windowTitle(p.now, "Last 4 weeks"), w * 0.33f},
                    {windowTitle(p.before, "The 4 weeks before"), w * 0.33f}},
                kSmall + 0.5f);
    table.begin();
    auto typical = [](const core::PainWindow& x) { return x.typical ? decimal(*x.typical) : std::string("-"); };
    auto worst = [](const core::PainWindow& x) { return x.worst ? std::to_string(*x.worst) : std::string("-"); };
    auto days = [](const core::PainWindow& x) {
        if (x.days == 0) return std::string("-");
        std::string out = std::to_string(x.daysWithPain);
        return out.append(" of ").append(std::to_string(x.days)).append(" (").append(std::to_string(x.daysLogged)).append(" logged)");
    };
    table.row({"Typical (median of the daily highest)", typical(p.now), typical(p.before)});
    table.row({"Worst", worst(p.now), worst(p.before)});
    table.row({"Days with pain", days(p.now), days(p.before)});
    f.down(3);
    paragraph(f, p.words, d.regular(), kBody, colour::kText, 0, 2);
}

// [SECTION] 4. the chart

std::string tickLabel(const core::ReportChart& c, std::size_t i, std::size_t& last) {
    const core::CivilDate& day = c.bins[i].start;
    const std::size_t n = c.bins.size();
    const std::string month = core::monthShort(day.month);
    const bool monthStart = i == 0 || c.bins[i - 1].start.month != day.month;
    std::string label;
    if (c.scale == core::ChartScale::Daily && n <= 35) {
        if (i % 7 == 0) label = std::to_string(day.day) + " " + month;
    } else if (c.scale == core::ChartScale::Daily) {
        if (monthStart && day.day <= 7) label = day.month == 1 || last == n ? month + " " + std::to_string(day.year) : month;
    } else if (c.scale == core::ChartScale::Weekly) {
        if (monthStart && (day.month - 1) % 3 == 0) label = month + " " + std::to_string(day.year);
    } else {
        const int every = n > 360 ? 5 : n > 180 ? 2 : 1;
        if (day.month == 1 && day.year % every == 0) label = std::to_string(day.year);
    }
    if (!label.empty()) last = i;
    return label;
}

void drawBars(Flow& f, const core::ReportChart& c, float x0, float w, float base, float plotH) {
    Document& d = f.doc();
    HPDF_Page page = f.page();
    const std::size_t n = c.bins.size();
    const float binW = n ? w / static_cast<float>(n) : w, barW = std::max(binW * 0.72f, 0.35f);
    for (std::size_t i = 0; i < n; ++i) {
        if (!c.bins[i].maxPain) continue;
        const float h = std::max(plotH * static_cast<float>(*c.bins[i].maxPain) / 10.0f, 0.8f);
        d.fillRect(page, kBar, x0 + binW * static_cast<float>(i) + (binW - barW) / 2, base, barW, h);
    }
    d.strokeStyle(page, kMeanLine, std::clamp(binW * 3.0f, 0.6f, 1.6f));
    HPDF_Page_SetLineJoin(page, HPDF_ROUND_JOIN);
    bool drawing = false;
    for (std::size_t i = 0; i < n; ++i) {
        if (!c.bins[i].mean) {
            if (drawing) HPDF_Page_Stroke(page);
            drawing = false;
            continue;
        }
        const float x = x0 + binW * (static_cast<float>(i) + 0.5f), y = base + plotH * static_cast<float>(*c.bins[i].mean) / 10.0f;
        if (drawing) HPDF_Page_LineTo(page, x, y);
        else HPDF_Page_MoveTo(page, x, y);
        drawing = true;
    }
    if (drawing) HPDF_Page_Stroke(page);
    std::size_t last = n;
    for (std::size_t i = 0; i < n; ++i) {
        const std::string label = tickLabel(c, i, last);
        if (label.empty()) continue;
        const float x = x0 + binW * static_cast<float>(i);
        d.line(page, colour::kMuted, 0.5f, x, base, x, base - 3);
        d.text(page, d.regular(), kSmall, colour::kMuted, x + 1.5f, base - 3 - kSmall, label);
    }
}

void drawChart(Flow& f, const Report& r) {
    Document& d = f.doc();
    const float plotH = 92, axisW = 20, labelsH = 14;
    heading(f, "Pain over the whole period", plotH + labelsH + 20);
    paragraph(f, r.bins.axis, d.regular(), kSmall, colour::kMuted, 0, 1);
    f.down(4);
    const float x0 = f.left() + axisW, w = f.contentWidth() - axisW, base = f.y() - plotH;
    for (int v = 0; v <= 10; v += 2) {
        const float y = base + plotH * static_cast<float>(v) / 10.0f;
        d.line(f.page(), colour::kRule, v == 0 ? 0.8f : 0.3f, x0, y, x0 + w, y);
        d.textRight(f.page(), d.regular(), kSmall, colour::kMuted, x0 - 4, y - 2.5f, std::to_string(v));
    }
    drawBars(f, r.bins, x0, w, base, plotH);
    if (r.summary.episodes == 0)
        d.text(f.page(), d.regular(), kBody, colour::kMuted, x0 + 10, base + plotH * 0.5f - 3, "Nothing was logged in this period.");
    f.down(plotH + labelsH);
}

// [SECTION] 5. the most frequent

// Care and the medications as typed, together, most frequent first.
std::vector<core::ReportCount> tried(const Report& r) {
    std::vector<core::ReportCount> out;
    for (const auto& c : r.care)
        if (c.label != "Medication" || r.medications.empty()) out.push_back(c);
    for (const auto& m : r.medications) out.push_back({"Medication: " + m.label, m.count, m.days, m.percent});
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.count > b.count; });
    return out;
}

// The knee map, small, beside the most frequent (only when places were marked): each region
// shaded by how many entries marked it, the count written in it. Vector shapes from core/knee_map
// (no image: libharu on Android has no PNG support), the left leg seen from behind (the right when
// every marked entry was the right knee).
constexpr float kMapW = 56, kMapH = kMapW * core::knee_map::kAspect;

void drawWhereMap(Flow& f, const Report& r, float x, float top) {
    Document& d = f.doc();
    int most = 1;
    for (const auto& [name, n] : r.where) most = std::max(most, n);
    const auto leg = r.whereRightLeg ? core::knee_map::Leg::Right : core::knee_map::Leg::Left;
    for (const auto& [name, n] : r.where) {
        const auto shape = core::knee_map::regionShape(leg, name);
        std::vector<std::pair<float, float>> pts;
        for (int i = 0; i < shape.count; ++i)
            pts.emplace_back(x + shape.points[static_cast<std::size_t>(i)].x * kMapW,
                             top - shape.points[static_cast<std::size_t>(i)].y * kMapH);
        const float t = n == 0 ? 0.0f : 0.25f + 0.6f * static_cast<float>(n) / static_cast<float>(most);
        const Rgb fill{1.0f - t * (1.0f - kBar.r * 0.6f), 1.0f - t * (1.0f - kBar.g * 0.75f), 1.0f - t * (1.0f - kBar.b)};
        d.polygon(f.page(), fill, colour::kMuted, 0.6f, pts);
        const std::string count = std::to_string(n);
        const float cx = x + shape.labelAt.x * kMapW, cy = top - shape.labelAt.y * kMapH;
        d.text(f.page(), d.bold(), kSmall, colour::kText, cx - d.textWidth(d.bold(), kSmall, count) * 0.5f, cy - 2.5f, count);
    }
    d.textRight(f.page(), d.bold(), kSmall, colour::kText, x + kMapW + 6, top + 4, "Where behind the knee");
    d.textRight(f.page(), d.regular(), kSmall - 1, colour::kMuted, x + kMapW + 6, top - kMapH - 8,
                r.whereRightLeg ? "Right leg from behind, entries" : "Left leg from behind, entries");
    d.textRight(f.page(), d.regular(), kSmall - 1, colour::kMuted, x + kMapW + 6, top - kMapH - 15,
                r.whereRightLeg ? "inner side (towards the other leg) on the left" : "inner side (towards the other leg) on the right");
}

// The small knee map at the right of the section that starts at `top`, drawn after the table
// (its fills would cover it), and the flow moved below it.
void drawMapBeside(Flow& f, const Report& r, float top) {
    drawWhereMap(f, r, f.left() + f.contentWidth() - kMapW - 6, top - 10);
    if (f.y() > top - kMapH - 28) f.down(f.y() - (top - kMapH - 28));
}

void drawFrequent(Flow& f, const Report& r) {
    Document& d = f.doc();
    heading(f, "Most frequent: count of entries (share of the " + std::to_string(r.summary.daysLogged) +
                   " days with entries)", 60);
    const bool map = !r.where.empty();
    const float top = f.y();
    const auto tries = tried(r);
    if (r.symptoms.empty() && r.contexts.empty() && tries.empty()) {
        paragraph(f, "No symptoms, situations or care were ticked in this period.", d.regular(), kBody, colour::kText);
        if (map) drawMapBeside(f, r, top);
        return;
    }
    const float w = (f.contentWidth() - (map ? kMapW + 40 : 0)) / 3, size = kSmall + 0.5f;
    constexpr float kLabel = 0.64f;
    Table table(f, {{"Symptoms", w * kLabel}, {"", w * (1 - kLabel)}, {"When it hurts", w * kLabel}, {"", w * (1 - kLabel)},
                    {"What was tried", w * kLabel}, {"", w * (1 - kLabel)}},
                size);
    table.begin();
    auto label = [&](const std::vector<core::ReportCount>& v, std::size_t i) {
        return i < v.size() ? clip(d, v[i].label, d.regular(), size, w * kLabel - 6, 1) : std::string();
    };
    auto count = [](const std::vector<core::ReportCount>& v, std::size_t i) {
        return i < v.size() ? std::to_string(v[i].count) + " (" + std::to_string(v[i].percent) + "%)" : std::string();
    };
    const std::size_t rows = std::min(kTopRows, std::max({r.symptoms.size(), r.contexts.size(), tries.size()}));
    for (std::size_t i = 0; i < rows; ++i)
        table.row({label(r.symptoms, i), count(r.symptoms, i), label(r.contexts, i), count(r.contexts, i), label(tries, i),
                   count(tries, i)});
    if (map) drawMapBeside(f, r, top);
}

}  // namespace

void drawPage1(Flow& f, const Report& r, const Page1Options& options) {
    drawWho(f, r);
    drawSerious(f, r, options);
    drawPainNow(f, r);
    drawChart(f, r);
    drawFrequent(f, r);
}

}  // namespace pdf
