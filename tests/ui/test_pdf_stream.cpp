// The full PDF export (issue 15) streams its detail pages: pass 1 keeps no entry row, pass 2 reads
// the journal newest first a page at a time and lays each row out as it comes. Its bytes must be
// exactly those of the report built in memory (buildReport, every row held) and drawn by the
// same code, for entries across months, start times shared by several entries, alerts, a range
// and an empty period.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/memory_repository.hpp"
#include "core/report.hpp"
#include "pdf/pdf_report.hpp"

namespace {

const core::LocalDateTime kNow{{2026, 11, 30}, 12, 0, 0, 0};

// Three entries at the same time each day for 200 days (600: the export reads 500 at a time, so
// a page boundary falls between entries sharing a start time), some raising an alert.
void fill(core::Journal& journal) {
    for (int day = 0; day < 200; ++day)
        for (int twin = 0; twin < 3; ++twin) {
            core::Episode e;
            e.startedAt = core::LocalDateTime{core::addDays(kNow.date, -day - 1), 8, 30, 0, 0};
            e.pain = (day + twin) % 11;
            e.side = twin ? "right" : "left";
            e.note = "entry " + std::to_string(day) + " " + std::to_string(twin);
            if (day % 24 == 0 && twin == 0) e.symptoms = {"calf_swelling"};
            REQUIRE(journal.add(e, {}).ok());
        }
}

pdf::ExportRequest requestFor(const core::DateRange& range) {
    pdf::ExportRequest request;
    request.format = core::ExportFormat::Pdf;
    request.range = range;
    request.patientName = "Alex Morgan";
    request.now = kNow;
    request.fontDir = KNEELOG_BINARY_DIR "/assets/fonts";
    return request;
}

// The same report built in memory from every episode and alert at once, and drawn.
std::string inMemory(core::Journal& journal, const pdf::ExportRequest& request) {
    auto episodes = journal.episodes(request.range);
    auto alerts = journal.alerts(request.range);
    auto peg = journal.pegEntries(request.range);
    REQUIRE((episodes.ok() && alerts.ok() && peg.ok()));
    core::ReportOptions options;
    options.patientName = request.patientName;
    options.range = request.range;
    options.generatedAt = request.now;
    options.peg = *peg;
    const core::Report report = core::buildReport(*episodes, *alerts, options);
    REQUIRE(report.rows.size() == static_cast<std::size_t>(report.summary.episodes));
    auto bytes = pdf::renderReport(report, pdf::PdfOptions{core::Paper::A4, request.fontDir, false});
    REQUIRE(bytes.ok());
    return *bytes;
}

}  // namespace

TEST_CASE("pdf export: the streamed full report is byte for byte the one built in memory", "[pdf][report]") {
    fakes::ClockedJournal f(core::toUtcSeconds(kNow));
    fill(f.journal);
    const core::DateRange ranges[] = {core::DateRange{},
                                      core::DateRange{core::CivilDate{2026, 7, 1}, core::CivilDate{2026, 10, 31}},
                                      core::DateRange{core::CivilDate{2027, 1, 1}, std::nullopt}};
    for (const core::DateRange& range : ranges) {
        const pdf::ExportRequest request = requestFor(range);
        auto streamed = pdf::exportJournal(f.journal, request);
        REQUIRE(streamed.ok());
        const std::string expected = inMemory(f.journal, request);
        CHECK(streamed->bytes.size() == expected.size());
        CHECK(streamed->bytes == expected);
    }
    // The detail pages are there: the full report is longer than page 1 alone.
    pdf::ExportRequest summary = requestFor(core::DateRange{});
    summary.summaryOnly = true;
    auto page1 = pdf::exportJournal(f.journal, summary);
    auto full = pdf::exportJournal(f.journal, requestFor(core::DateRange{}));
    REQUIRE((page1.ok() && full.ok()));
    CHECK(full->bytes.size() > page1->bytes.size());
    CHECK(full->episodes == 600);
}
