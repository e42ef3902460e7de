#pragma once
// kneelog_pdf: the doctor's report as a PDF (libharu), and the one export entry point the
// command line and the Export screen share. Kept out of kneelog_core so the core links nothing.
//
// Page 1 answers a GP's first questions, in this order, on one page at any journal size: who,
// the period, the region, the risk profile and the report's date; the serious alerts (emergency
// and urgent, newest first, capped with "and N more on page 2"; "see a doctor soon" counted on
// its own line); the pain of the last 4 weeks against the 4 before; a chart by day, week or
// month; the five most frequent symptoms, "when it hurts" contexts and what was tried. Then
// every alert, newest first, and every episode, newest first, grouped by month. Every page
// carries "Page n of N", the generation date and the statement that the data is patient-reported.
// Text is DejaVu Sans, embedded once (Latin, Greek, Cyrillic): what WinAnsiEncoding has through a
// single-byte font object, the rest through a 2-byte (CID) one; Chinese, Japanese and Korean come
// from WenQuanYi Zen Hei when the text has them; characters no font has show as a box, and the
// footer then says so. pdftotext gives every drawn character back.
#include <cstddef>
#include <functional>
#include <string>

#include "core/export.hpp"
#include "core/journal.hpp"
#include "core/report.hpp"
#include "core/repository.hpp"
#include "core/result.hpp"
#include "core/sink.hpp"
#include "core/time.hpp"

namespace pdf {

struct PdfOptions {
    core::Paper paper = core::Paper::A4;
    std::string fontDir;  // holds DejaVuSans.ttf and DejaVuSans-Bold.ttf (the caller's assets/fonts)
    bool summaryOnly = false;  // page 1 alone
};

// Takes one entry's row for the detail pages, which lay it out at once and let it go.
using RowFeed = std::function<void(core::ReportRow&&)>;
// Hands every entry's row of the report's period to the feed, newest first (as Report::rows
// holds them); an error stops the report and nothing is written.
using RowSource = std::function<core::Result<void>(const RowFeed& feed)>;

// The report as PDF bytes, written to `out`; no display and no file needed. The detail pages'
// entry rows come from `rows`, each laid out as it comes (the full PDF export reads them from the
// journal a page at a time); `report.rows` plays no part here.
core::Result<void> renderReport(const core::Report& report, const PdfOptions& options, const RowSource& rows,
                                core::Sink& out);
// The same with the rows from `report.rows` (a report built in memory: buildReport).
core::Result<void> renderReport(const core::Report& report, const PdfOptions& options, core::Sink& out);
core::Result<std::string> renderReport(const core::Report& report, const PdfOptions& options);

// WenQuanYi Zen Hei (Debian's fonts-wqy-zenhei): TrueType outlines for Chinese, Japanese and
// Korean, for the PDF and the window. KNEELOG_CJK_FONT names another .ttc/.ttf (its first face).
std::string cjkFontPath();
// Un Dotum (Debian's fonts-unfonts-core), for Korean (Hangul) in the PDF: libharu 2.3 embeds
// WenQuanYi's Hangul syllables empty (their glyph numbers are above 32767), Un Dotum's it draws,
// all 11,172. KNEELOG_HANGUL_FONT names another .ttf. The window draws Hangul from WenQuanYi.
std::string hangulFontPath();

struct ExportRequest {
    core::ExportFormat format = core::ExportFormat::Pdf;
    core::DateRange range;
    std::string patientName;
    core::Paper paper = core::Paper::A4;
    core::LocalDateTime now;              // the person's local time at export
    std::string region;  // the region code ("" = not chosen: the advice names 112)
    std::vector<core::RiskMark> risks;    // the risk profile, shown on the report and in FHIR
    std::string fontDir;                  // for the PDF: the folder holding DejaVuSans.ttf
    bool summaryOnly = false;             // PDF: page 1 alone (the one-page summary)
};

struct ExportResult {
    std::string bytes;             // only from exportJournal(journal, request)
    std::size_t episodes = 0;
    std::size_t seriousAlerts = 0;  // emergency and urgent: the red flags
    std::size_t soonAdvice = 0;     // "see a doctor soon": advice, never called a red flag
};

// Reads the period from the journal and writes the file in the chosen format to `out` as it
// goes: CSV and FHIR read the journal a page of episodes at a time (memory stays flat as the
// journal grows). The PDF reads the journal in two passes, a page at a time each: the first, oldest
// first, into a core::ReportBuilder that keeps page 1's figures (one number per day of the period
// and a few counters), the alerts' rows and, for the full report, the entries per month (the
// detail pages' month headers), never an entry's row; the second, newest first and only for the
// full report, hands each entry's row to the detail pages, which lay it out at once and let it go.
// libharu keeps every finished page until the end (held deflated: see pdf_doc.hpp); the file is
// written straight to `out`. Refused (ErrorCode::Busy), with nothing written, when another program
// changes the journal during or between the readings.
core::Result<ExportResult> exportJournal(core::Journal& journal, const ExportRequest& request, core::Sink& out);
// The same into ExportResult::bytes (tests, previews).
core::Result<ExportResult> exportJournal(core::Journal& journal, const ExportRequest& request);
// The same into the file at `path`, written atomically: on any failure no file (or its old self).
core::Result<ExportResult> exportToFile(core::Journal& journal, const ExportRequest& request, const std::string& path);

}  // namespace pdf
