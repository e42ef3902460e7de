// exportJournal(): the one export path the command line and the Export screen share.
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "core/csv.hpp"
#include "core/fhir.hpp"
#include "core/io/atomic_file.hpp"
#include "core/report_text.hpp"
#include "pdf/pdf_report.hpp"

namespace pdf {

namespace {

constexpr int kPageSize = 500;  // episodes read at a time (keyset pages: each costs the same)

void countAlerts(ExportResult& out, const std::vector<core::Alert>& alerts) {
    for (const core::Alert& a : alerts) {
        if (core::isSerious(a.level)) ++out.seriousAlerts;
        else if (a.level == core::Level::Soon) ++out.soonAdvice;
    }
}

// Oldest first, like the episodes.
core::Result<std::vector<core::Alert>> alertsOf(core::Journal& journal, const core::DateRange& range) {
    auto alerts = journal.alerts(range);
    if (!alerts) return alerts.error();
    std::reverse(alerts->begin(), alerts->end());
    return alerts;
}

// What each format needs besides the episodes: the alerts and the weekly check-ins, oldest first.
struct Extras {
    std::vector<core::Alert> alerts;
    std::vector<core::PegEntry> peg;
};

core::Result<std::size_t> streamCsv(core::Journal& journal, const ExportRequest& request, const Extras& extras,
                                    core::Sink& out) {
    core::CsvWriter writer(out, extras.alerts);
    auto n = journal.forEachEpisode(request.range, kPageSize, [&](std::span<const core::Episode> page) { writer.add(page); });
    if (n) out.write(core::pegSectionCsv(extras.peg));
    return n;
}

core::Result<std::size_t> streamFhir(core::Journal& journal, const ExportRequest& request, const Extras& extras,
                                     core::Sink& out) {
    auto count = journal.countEpisodes(request.range);
    if (!count) return count.error();
    const core::FhirOptions options{request.patientName, core::toUtcSeconds(request.now), request.region, request.risks};
    core::FhirWriter writer(out, options, static_cast<std::size_t>(*count), extras.alerts);
    auto n = journal.forEachEpisode(request.range, kPageSize, [&](std::span<const core::Episode> page) { writer.add(page); });
    if (n) writer.finish(extras.peg);
    return n;
}

// Pass 1: the report's figures, the alerts and the entries per month, accumulated a page of
// episodes at a time (core::ReportBuilder): no page of episodes outlives its turn, no entry's row
// is kept (the detail pages read them in pass 2).
core::Result<core::Report> reportFor(core::Journal& journal, const ExportRequest& request, const Extras& extras) {
    core::ReportOptions options;
    options.patientName = request.patientName;
    options.range = request.range;
    options.generatedAt = request.now;
    options.region = request.region;
    options.risks = request.risks;
    options.withEntries = !request.summaryOnly;
    options.peg = extras.peg;
    options.keepRows = false;
    core::ReportBuilder builder(extras.alerts, options);
    auto read = journal.forEachEpisode(request.range, kPageSize,
                                       [&](std::span<const core::Episode> page) { builder.add(page); });
    if (!read) return read.error();
    return builder.finish();
}

// Pass 2 (the full report): every entry's row, newest first, read a page at a time and handed to
// the detail pages as it comes (core::report_text::reportRow: the row the builder makes). The
// journal must be the one pass 1 read (`version`): refused (Busy) otherwise, nothing written.
RowSource rowsNewestFirst(core::Journal& journal, const core::DateRange& range, uint64_t version) {
    return [&journal, range, version](const RowFeed& feed) -> core::Result<void> {
        auto read = journal.forEachEpisodeNewestFirst(range, kPageSize, [&](std::span<const core::Episode> page) {
            for (const core::Episode& e : page) feed(core::report_text::reportRow(e));
        });
        if (!read) return read.error();
        return journal.unchangedSince(version);
    };
}

core::Result<std::size_t> writePdf(core::Journal& journal, const ExportRequest& request, const Extras& extras,
                                   core::Sink& out) {
    const uint64_t version = journal.dataVersion();
    auto report = reportFor(journal, request, extras);
    if (!report) return report.error();
    const PdfOptions options{request.paper, request.fontDir, request.summaryOnly};
    if (auto r = renderReport(*report, options, rowsNewestFirst(journal, request.range, version), out); !r)
        return r.error();
    return static_cast<std::size_t>(report->summary.episodes);
}

}  // namespace

core::Result<ExportResult> exportJournal(core::Journal& journal, const ExportRequest& request, core::Sink& out) {
    auto alerts = alertsOf(journal, request.range);
    if (!alerts) return alerts.error();
    auto peg = journal.pegEntries(request.range);
    if (!peg) return peg.error();
    const Extras extras{std::move(*alerts), std::move(*peg)};
    ExportResult result;
    countAlerts(result, extras.alerts);
    core::Result<std::size_t> n = std::size_t{0};
    switch (request.format) {
        case core::ExportFormat::Csv: n = streamCsv(journal, request, extras, out); break;
        case core::ExportFormat::Fhir: n = streamFhir(journal, request, extras, out); break;
        case core::ExportFormat::Pdf: n = writePdf(journal, request, extras, out); break;
    }
    if (!n) return n.error();
    result.episodes = *n;
    return result;
}

core::Result<ExportResult> exportJournal(core::Journal& journal, const ExportRequest& request) {
    core::StringSink out;
    auto made = exportJournal(journal, request, out);
    if (made) made->bytes = std::move(out.bytes);
    return made;
}

core::Result<ExportResult> exportToFile(core::Journal& journal, const ExportRequest& request, const std::string& path) {
    auto file = io::AtomicFile::create(path);
    if (!file) return file.error();
    auto made = exportJournal(journal, request, **file);
    if (!made) return made.error();  // the temporary file goes with `file`: nothing is left
    if (auto w = (*file)->commit(); !w) return w.error();
    return made;
}

}  // namespace pdf
