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
// Text is DejaVu Sans, embedded (Latin, Greek, Cyrillic); Chinese, Japanese and Korean come from
// WenQuanYi Zen Hei when the text has them; characters no font has show as a box, and the footer
// then says so.
#include <cstddef>
#include <string>

#include "core/export.hpp"
#include "core/journal.hpp"
#include "core/report.hpp"
#include "core/repository.hpp"
#include "core/result.hpp"
#include "core/time.hpp"

namespace pdf {

struct PdfOptions {
    core::Paper paper = core::Paper::A4;
    std::string fontDir;  // holds DejaVuSans.ttf (and DejaVuSans-Bold.ttf); empty: findFontDir("")
    bool summaryOnly = false;  // page 1 alone
};

// The report as PDF bytes; no display and no file needed.
core::Result<std::string> renderReport(const core::Report& report, const PdfOptions& options);

// The first folder holding DejaVuSans.ttf: `preferred`, $KNEELOG_ASSETS/fonts, assets/fonts
// beside the executable, the installed share/kneelog/assets/fonts, then the Debian package's.
core::Result<std::string> findFontDir(const std::string& preferred);

struct ExportRequest {
    core::ExportFormat format = core::ExportFormat::Pdf;
    core::DateRange range;
    std::string patientName;
    core::Paper paper = core::Paper::A4;
    core::LocalDateTime now;              // the person's local time at export
    std::string region;  // the region code ("" = not chosen: the advice names 112)
    std::vector<core::RiskMark> risks;    // the risk profile, shown on the report and in FHIR
    std::string fontDir;                  // for the PDF; empty: findFontDir("")
    bool summaryOnly = false;             // PDF: page 1 alone (the one-page summary)
};

struct ExportResult {
    std::string bytes;
    std::size_t episodes = 0;
    std::size_t alerts = 0;
};

// Reads the period from the journal and returns the file's bytes in the chosen format.
core::Result<ExportResult> exportJournal(core::Journal& journal, const ExportRequest& request);

}  // namespace pdf
