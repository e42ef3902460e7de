// exportJournal(): the one export path the command line and the Export screen share.
#include <unistd.h>

#include <sys/stat.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "core/csv.hpp"
#include "core/fhir.hpp"
#include "pdf/pdf_report.hpp"

namespace pdf {

namespace {

bool hasFont(const std::string& dir) {
    struct stat st {};
    return !dir.empty() && ::stat((dir + "/DejaVuSans.ttf").c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

std::string executableDir() {
    char buf[4096];
    const ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0) return {};
    std::string path(buf, static_cast<std::size_t>(n));
    const auto slash = path.find_last_of('/');
    return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

}  // namespace

core::Result<std::string> findFontDir(const std::string& preferred) {
    std::vector<std::string> candidates;
    if (!preferred.empty()) candidates.push_back(preferred);
    if (const char* assets = std::getenv("KNEELOG_ASSETS"); assets && *assets)
        candidates.push_back(std::string(assets) + "/fonts");
    if (const std::string exe = executableDir(); !exe.empty()) {
        candidates.push_back(exe + "/assets/fonts");
        candidates.push_back(exe + "/../share/kneelog/assets/fonts");
    }
    candidates.push_back("/usr/share/fonts/truetype/dejavu");
    for (const auto& dir : candidates)
        if (hasFont(dir)) return dir;
    return core::makeError(core::ErrorCode::NotFound,
                           "The report font DejaVu Sans was not found: install the Debian package 'fonts-dejavu-core'");
}

core::Result<ExportResult> exportJournal(core::Journal& journal, const ExportRequest& request) {
    auto data = journal.exportData(request.range);
    if (!data) return data.error();
    ExportResult out;
    out.episodes = data->episodes.size();
    out.alerts = data->alerts.size();
    switch (request.format) {
        case core::ExportFormat::Csv:
            out.bytes = core::episodesToCsv(data->episodes, data->alerts) + core::pegSectionCsv(data->peg);
            break;
        case core::ExportFormat::Fhir: {
            const core::FhirOptions options{request.patientName, core::toUtcSeconds(request.now), request.region,
                                            request.risks};
            out.bytes = core::fhirBundle(data->episodes, data->alerts, options, data->peg);
            break;
        }
        case core::ExportFormat::Pdf: {
            core::ReportOptions options;
            options.patientName = request.patientName;
            options.range = request.range;
            options.generatedAt = request.now;
            options.region = request.region;
            options.risks = request.risks;
            options.withEntries = !request.summaryOnly;
            options.peg = data->peg;
            const core::Report report = core::buildReport(data->episodes, data->alerts, options);
            auto pdf = renderReport(report, PdfOptions{request.paper, request.fontDir, request.summaryOnly});
            if (!pdf) return pdf.error();
            out.bytes = std::move(*pdf);
            break;
        }
    }
    return out;
}

}  // namespace pdf
