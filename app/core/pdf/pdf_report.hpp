#pragma once
// kneelog_pdf: the doctor's report as a PDF (libharu), and the one export entry point the
// command line and the Export screen share. Kept out of kneelog_core so the core links nothing.
//
// Page 1: patient name (when given), period, summary figures and the trend in words, a vector
// chart of each day's highest pain with its 7-day mean, the red-flag alerts (date, what was
// logged, why, what the app advised, when acknowledged), symptom and "when it hurts"
// frequencies. Then every episode in a table (date, time, side in words, pain, type,
// symptoms, self-care, note wrapped over as many lines as it needs). Every page carries
// "Page n of N", the generation date and the statement that the data is patient-reported.
// Text is DejaVu Sans, embedded, so any Latin (and Greek or Cyrillic) script renders.
#include <cstddef>
#include <string>

#include "core/export.hpp"
#include "core/report.hpp"
#include "core/repository.hpp"
#include "core/result.hpp"
#include "core/time.hpp"

namespace pdf {

struct PdfOptions {
    core::Paper paper = core::Paper::A4;
    std::string fontDir;  // holds DejaVuSans.ttf (and DejaVuSans-Bold.ttf); empty: findFontDir("")
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
};

struct ExportResult {
    std::string bytes;
    std::size_t episodes = 0;
    std::size_t alerts = 0;
};

// Reads the period from the journal and returns the file's bytes in the chosen format.
core::Result<ExportResult> exportJournal(core::JournalRepository& repo, const ExportRequest& request);

}  // namespace pdf
