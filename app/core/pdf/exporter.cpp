// exportJournal(): the one export path the command line and the Export screen share.
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "core/csv.hpp"
#include "core/fhir.hpp"
#include "core/io/atomic_file.hpp"
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

// The report's figures and rows, accumulated a page of episodes at a time (core::ReportBuilder):
// no page of episodes outlives its turn; page 1 alone (--summary) keeps no row at all.
core::Result<core::Report> reportFor(core::Journal& journal, const ExportRequest& request, const Extras& extras) {
    core::ReportOptions options;
    options.patientName = request.patientName;
    options.range = request.range;
    options.generatedAt = request.now;
    options.region = request.region;
    options.risks = request.risks;
    options.withEntries = !request.summaryOnly;
    options.peg = extras.peg;
    core::ReportBuilder builder(extras.alerts, options);
    auto read = journal.forEachEpisode(request.range, kPageSize,
                                       [&](std::span<const core::Episode> page) { builder.add(page); });
    if (!read) return read.error();
    return builder.finish();
}

core::Result<std::size_t> writePdf(core::Journal& journal, const ExportRequest& request, const Extras& extras,
                                   core::Sink& out) {
    auto report = reportFor(journal, request, extras);
    if (!report) return report.error();
    const auto episodes = static_cast<std::size_t>(report->summary.episodes);
    if (auto r = renderReport(std::move(*report), PdfOptions{request.paper, request.fontDir, request.summaryOnly}, out); !r)
        return r.error();
    return episodes;
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
