// The detail pages after page 1: every alert and advice, newest first, then every entry,
// newest first, grouped by month, each row with every field.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "pdf/pdf_draw.hpp"

namespace pdf {

namespace {

using core::Report;

void drawAllAlerts(Flow& f, const Report& r) {
    Document& d = f.doc();
    heading(f, "All alerts and advice (" + std::to_string(r.alerts.size()) + "), newest first", 40);
    if (r.alerts.empty()) {
        paragraph(f, "KneeLog raised no alert or advice in this period.", d.regular(), kBody, colour::kText);
        return;
    }
    paragraph(f, "Emergency and urgent are red flags; \"see a doctor soon\" is advice, not a red flag. "
                 "Each row is one save that raised advice.",
              d.regular(), kBody, colour::kText);
    f.down(3);
    const float w = f.contentWidth();
    {
        Table table(f, {{"When", w * 0.145f}, {"Advised", w * 0.165f, true}, {"What was logged", w * 0.28f},
                        {"Why (the rule that fired)", w * 0.25f}, {"Acknowledged", w * 0.16f}},
                    kSmall + 0.5f);
        table.begin();
        for (const core::ReportAlert& a : r.alerts) {
            std::string why;
            for (const auto& reason : a.reasons) why.append(why.empty() ? "" : "\n").append(reason);
            table.row({stamp(a.at), shortAdvice(a.level, r.region), a.logged, why, a.acknowledged}, levelColour(a.level));
        }
    }
    f.down(6);
    paragraph(f, "What KneeLog advised at each level shown above:", d.bold(), kSmall + 0.5f, colour::kText);
    for (core::Level level : {core::Level::Emergency, core::Level::Urgent, core::Level::Soon}) {
        const bool shown = std::any_of(r.alerts.begin(), r.alerts.end(), [&](const auto& a) { return a.level == level; });
        if (shown)
            paragraph(f, core::levelLabel(level) + ": " + core::actionText(level, r.region), d.regular(), kSmall + 0.5f,
                      levelColour(level), 8);
    }
}

// The weekly check-ins (PEG, Krebs et al. 2009), oldest first, with the change in words.
void drawPeg(Flow& f, const Report& r) {
    Document& d = f.doc();
    heading(f, "Weekly check-in (PEG): " + std::to_string(r.peg.size()) + (r.peg.size() == 1 ? " score" : " scores"), 40);
    paragraph(f, "Three questions about the past week, each 0-10: average pain, interference with enjoyment of life, "
                 "interference with general activity. The score is their mean; a change of 2 or more is usually "
                 "meaningful.",
              d.regular(), kBody, colour::kText);
    if (!r.pegWords.empty()) paragraph(f, r.pegWords, d.bold(), kBody, colour::kText);
    f.down(3);
    const float w = f.contentWidth();
    Table table(f, {{"Date", w * 0.2f}, {"Score", w * 0.14f, true}, {"Pain", w * 0.14f},
                    {"Enjoyment of life", w * 0.26f}, {"General activity", w * 0.26f}},
                kSmall + 0.5f);
    table.begin();
    for (const core::PegEntry& p : r.peg)
        table.row({core::formatDate(p.at.date) + " " + core::formatTime(p.at), core::pegScoreText(p.score()),
                   std::to_string(p.pain), std::to_string(p.enjoyment), std::to_string(p.activity)});
}

// The group row of `month`, with its entries from the report's month counts (newest first, as
// the rows come: `next` walks them).
void monthRow(Table& table, const std::vector<std::pair<std::string, int>>& months, std::size_t& next,
              const std::string& month) {
    while (next < months.size() && months[next].first != month) ++next;
    const int n = next < months.size() ? months[next].second : 0;
    table.groupRow(month + "  \xC2\xB7  " + std::to_string(n) + (n == 1 ? " entry" : " entries"));
}

// Each row is laid out as it comes and let go: the rows of a long journal never sit in memory
// together (the PDF export reads them from the journal a page at a time, newest first).
core::Result<void> drawEntries(Flow& f, const Report& r, const RowSource& rows) {
    Document& d = f.doc();
    heading(f, "All entries (" + std::to_string(r.summary.episodes) + "), newest first", 40);
    if (r.summary.episodes == 0) {
        paragraph(f, "No entries in this period.", d.regular(), kBody, colour::kText);
        return {};
    }
    const float w = f.contentWidth();
    Table table(f,
                {{"Date", w * 0.10f}, {"Time", w * 0.055f}, {"Side", w * 0.105f, true}, {"Pain", w * 0.05f, true},
                 {"Type", w * 0.12f}, {"Symptoms", w * 0.21f}, {"Self-care", w * 0.13f}, {"Note", w * 0.23f}},
                kSmall);
    table.begin();
    std::vector<std::string> cells;
    std::string month;  // of the row drawn last
    bool first = true;
    std::size_t next = 0;
    return rows([&](core::ReportRow&& row) {
        if (first || row.month != month) {
            monthRow(table, r.months, next, row.month);
            month = row.month;
            first = false;
        }
        cells.clear();
        for (std::string* field : {&row.date, &row.time, &row.side, &row.pain, &row.type, &row.symptoms, &row.care, &row.note})
            cells.push_back(std::move(*field));
        table.row(cells);
    });
}

}  // namespace

core::Result<void> drawDetails(Flow& f, const Report& r, const RowSource& rows) {
    f.newPage();
    drawAllAlerts(f, r);
    f.down(6);
    if (!r.peg.empty()) {
        drawPeg(f, r);
        f.down(6);
    }
    return drawEntries(f, r, rows);
}

}  // namespace pdf
