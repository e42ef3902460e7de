#include "pdf/pdf_report.hpp"

#include "core/profile.hpp"
#include "core/triage.hpp"
#include "pdf/pdf_doc.hpp"
#include "pdf/pdf_draw.hpp"

namespace pdf {

// [SECTION] shared drawing helpers

Rgb levelColour(core::Level level) {
    switch (level) {
        case core::Level::Emergency: return {0.72f, 0.07f, 0.07f};
        case core::Level::Urgent: return {0.80f, 0.33f, 0.0f};
        case core::Level::Soon: return {0.55f, 0.42f, 0.0f};
        case core::Level::SelfCare: break;
    }
    return colour::kText;
}

std::string shortAdvice(core::Level level, const std::string& region) {
    switch (level) {
        case core::Level::Emergency: {
            std::string out = "Emergency: call ";
            out.append(core::emergencyNumberFor(region)).append(" now");
            return out;
        }
        case core::Level::Urgent: return "Urgent: medical help today";
        case core::Level::Soon: return "See a doctor soon (advice)";
        case core::Level::SelfCare: break;
    }
    return "Self-care";
}

std::string stamp(const core::LocalDateTime& t) {
    std::string out = core::formatDate(t.date);
    out.append(" ").append(core::formatTime(t));
    return out;
}

std::string clip(const Document& d, std::string_view text, HPDF_Font font, float size, float width, int maxLines) {
    auto lines = d.wrap(text, font, size, width);
    const bool cut = maxLines > 0 && lines.size() > static_cast<std::size_t>(maxLines);
    if (cut) {
        lines.resize(static_cast<std::size_t>(maxLines));
        std::string& last = lines.back();
        while (!last.empty() && d.textWidth(font, size, last + "...") > width) {
            std::size_t i = last.size() - 1;
            while (i > 0 && (static_cast<unsigned char>(last[i]) & 0xC0) == 0x80) --i;  // a whole code point
            last.erase(i);
        }
        last += "...";
    }
    std::string out;
    for (const auto& line : lines) out.append(out.empty() ? "" : "\n").append(line);
    return out;
}

void paragraph(Flow& f, std::string_view text, HPDF_Font font, float size, Rgb c, float indent, int maxLines) {
    Document& d = f.doc();
    const float leading = size * 1.3f, width = f.contentWidth() - indent;
    const std::string clipped = clip(d, text, font, size, width, maxLines);
    for (const auto& line : d.wrap(clipped, font, size, width)) {
        f.need(leading);
        d.text(f.page(), font, size, c, f.left() + indent, f.y() - size, line);
        f.down(leading);
    }
}

void heading(Flow& f, std::string_view text, float keep) {
    Document& d = f.doc();
    f.down(8);
    f.need(kHeading * 1.8f + keep);
    d.text(f.page(), d.bold(), kHeading, colour::kAccent, f.left(), f.y() - kHeading, text);
    f.down(kHeading + 3);
    d.line(f.page(), colour::kAccent, 0.8f, f.left(), f.y(), f.right(), f.y());
    f.down(5);
}

// [SECTION] the footers and the document

namespace {

void drawFooters(Document& d, const core::Report& r) {
    const auto& pages = d.pages();
    const std::string who = r.patientName.empty() ? "" : r.patientName + "  \xC2\xB7  ";
    std::string line = who;
    line.append("Knee pain diary, ").append(r.periodText).append("  \xC2\xB7  generated ").append(r.generatedText);
    const bool missed = d.missedCharacters();  // known once everything else is drawn
    for (std::size_t i = 0; i < pages.size(); ++i) {
        const float left = Flow::kMarginX, right = d.pageWidth() - Flow::kMarginX;
        d.line(pages[i], colour::kRule, 0.5f, left, 46, right, 46);
        d.text(pages[i], d.regular(), kSmall, colour::kMuted, left, 37, r.statement);
        std::string page = "Page ";
        page.append(std::to_string(i + 1)).append(" of ").append(std::to_string(pages.size()));
        const float pageWidth = d.textWidth(d.bold(), kSmall, page) + 12;
        d.text(pages[i], d.regular(), kSmall, colour::kMuted, left, 28, clip(d, line, d.regular(), kSmall, right - left - pageWidth, 1));
        d.textRight(pages[i], d.bold(), kSmall, colour::kText, right, 28, page);
        if (missed) {
            std::string note = "Some characters could not be drawn: no font here has them; each shows as ";
            note.append(Document::kMissingMark).append(". The CSV and FHIR exports keep them.");
            d.text(pages[i], d.regular(), kSmall, levelColour(core::Level::Emergency), left, 19, note);
        }
    }
}

}  // namespace

core::Result<std::string> renderReport(const core::Report& report, const PdfOptions& options) {
    core::StringSink out;
    if (auto r = renderReport(report, options, out); !r) return r.error();
    return std::move(out.bytes);
}

core::Result<void> renderReport(const core::Report& report, const PdfOptions& options, core::Sink& out) {
    const RowSource rows = [&report](const RowFeed& feed) -> core::Result<void> {
        for (const core::ReportRow& row : report.rows) feed(core::ReportRow(row));
        return {};
    };
    return renderReport(report, options, rows, out);
}

core::Result<void> renderReport(const core::Report& report, const PdfOptions& options, const RowSource& rows,
                                core::Sink& out) {
    auto doc = Document::create(options.fontDir, options.paper);
    if (!doc) return doc.error();
    Document& d = **doc;
    d.setInfo("Knee pain diary " + core::formatDate(report.from) + " to " + core::formatDate(report.to),
              "Patient-reported knee pain entries exported from KneeLog");
    Flow flow(d);
    drawPage1(flow, report, Page1Options{!options.summaryOnly});
    if (!options.summaryOnly)
        if (auto drawn = drawDetails(flow, report, rows); !drawn) return drawn.error();
    drawFooters(d, report);
    return d.save(out);
}

}  // namespace pdf
