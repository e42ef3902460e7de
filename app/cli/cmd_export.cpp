// kneelog export | import
#include <cstdio>
#include <string>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "core/export.hpp"
#include "core/io/atomic_file.hpp"
#include "core/io/file_guard.hpp"
#include "core/journal.hpp"
#include "core/report.hpp"
#include "pdf/pdf_report.hpp"

namespace cli {

namespace {

constexpr std::size_t kMaxImportBytes = 256u * 1024 * 1024;
constexpr std::size_t kMaxProblemsShown = 200;

// --paper, else the person's saved choice, else A4.
core::Result<core::Paper> paperFor(const Invocation& inv, core::Journal& journal) {
    if (auto text = inv.get("paper")) {
        if (auto p = core::paperFromName(*text)) return *p;
        return core::makeError(core::ErrorCode::Invalid, "paper: '" + text->substr(0, 20) + "' is not a4 or letter");
    }
    auto saved = journal.settings();
    if (!saved) return saved.error();
    if (auto p = core::paperFromName(saved->paper)) return *p;
    return core::Paper::A4;
}

std::string describe(core::ExportFormat f, core::Paper paper) {
    switch (f) {
        case core::ExportFormat::Pdf: return paper == core::Paper::Letter ? "PDF report (US Letter)" : "PDF report (A4)";
        case core::ExportFormat::Csv: return "CSV";
        case core::ExportFormat::Fhir: break;
    }
    return "FHIR R4 bundle (JSON)";
}

// Red flags (emergency, urgent) and "see a doctor soon" advice, counted apart: advice is never a red flag.
std::string alertWords(std::size_t serious, std::size_t soon) {
    return "Red flags (emergency or urgent): " + std::to_string(serious) +
           ". Advice to see a doctor soon (not a red flag): " + std::to_string(soon) + ".";
}

std::string entryWords(const core::Episode& e) {
    return core::formatDate(e.startedAt.date) + " " + core::formatTime(e.startedAt) + ", " + core::sideWords(e.side) +
           ", pain " + std::to_string(e.pain);
}

}  // namespace

int cmdExport(Invocation& inv) {
    const auto formatText = inv.get("format");
    const auto format = formatText ? core::formatFromName(*formatText) : std::nullopt;
    if (!format) return usageError("export: --format must be pdf, csv or fhir");
    const auto out = inv.get("out");
    if (!out || out->empty()) return usageError("export: --out FILE is required");
    auto range = rangeFromOptions(inv);
    if (!range) return fail(range.error());
    if (inv.get("paper") && !core::paperFromName(*inv.get("paper")))
        return usageError("export: --paper must be a4 or letter");

    // No export may land on the journal, its -wal/-shm or its backups, however the path is
    // spelled (symlink, relative path): checked before anything is read or written.
    if (auto r = io::refuseProtected(*out, journalFiles().protectedPaths(inv.dbPath)); !r) return fail(r.error());
    auto store = openJournal(inv, Access::Read);  // exporting never writes to the journal
    if (!store) return kExitFailure;
    core::Journal journal(*store);
    auto paper = paperFor(inv, journal);
    if (!paper) return fail(paper.error());
    pdf::ExportRequest request;
    request.format = *format;
    request.range = *range;
    request.patientName = inv.get("name").value_or("");
    request.paper = *paper;
    request.summaryOnly = inv.has("summary");
    request.fontDir = fontDir();
    request.now = core::localFromUtc(core::nowUtc());
    auto profile = journal.profile();
    if (!profile) return fail(profile.error());
    request.region = profile->region;
    request.risks = profile->risks;
    auto file = io::AtomicFile::create(*out);
    if (!file) return fail(file.error());
    auto exported = pdf::exportJournal(journal, request, **file);
    if (!exported) return fail(exported.error());  // the half-written temporary file is removed
    // Checked again right before the file is put in place (the journal's -wal may have appeared meanwhile).
    if (auto r = io::refuseProtected(*out, journalFiles().protectedPaths(inv.dbPath)); !r) return fail(r.error());
    if (auto w = (*file)->commit(); !w) return fail(w.error());
    std::printf("Wrote %zu %s to %s as a %s. %s\n", exported->episodes, exported->episodes == 1 ? "entry" : "entries",
                out->c_str(), describe(*format, *paper).c_str(),
                alertWords(exported->seriousAlerts, exported->soonAdvice).c_str());
    return kExitOk;
}

int cmdImport(Invocation& inv) {
    if (auto f = inv.get("format"); f && *f != "csv") return usageError("import: only --format csv can be imported");
    const std::string& file = inv.positional.front();
    auto text = io::readWholeFile(file, kMaxImportBytes);
    if (!text) return fail(text.error());
    const bool dryRun = inv.has("dry-run");

    // A dry run against a journal that does not exist yet plans against an empty one.
    const bool noJournal = dryRun && !io::fileExists(inv.dbPath);
    Invocation target = inv;
    if (noJournal) target.dbPath = ":memory:";
    auto store = openJournal(target, dryRun ? Access::Read : Access::Write | Access::Create);
    if (!store) return kExitFailure;
    core::Journal journal(*store);
    auto plan = journal.planImport(*text);
    if (!plan) return fail(plan.error());

    if (!plan->problems.empty()) {
        for (std::size_t i = 0; i < plan->problems.size() && i < kMaxProblemsShown; ++i)
            std::fprintf(stderr, "%s:%d: %s\n", terminalSafe(file).c_str(), plan->problems[i].line,
                         terminalSafe(plan->problems[i].reason).c_str());
        if (plan->problems.size() > kMaxProblemsShown)
            std::fprintf(stderr, "... and %zu more\n", plan->problems.size() - kMaxProblemsShown);
        std::fprintf(stderr, "kneelog: import refused: %zu %s in %s. Nothing was imported; fix %s and try again.\n",
                     plan->problems.size(), plan->problems.size() == 1 ? "bad row" : "bad rows", file.c_str(),
                     plan->problems.size() == 1 ? "it" : "them");
        return kExitUsage;
    }
    for (const auto& d : plan->duplicates) {
        const std::string same = d.sameAsLine == 0 ? "already in your journal" : "repeats line " + std::to_string(d.sameAsLine);
        std::printf("line %d: %s (%s); skipped\n", d.line, same.c_str(), terminalSafe(entryWords(d.episode)).c_str());
    }
    if (plan->pegRowsSkipped > 0)
        std::printf("The file's weekly check-in section (%d %s) was skipped: import reads entries only.\n",
                    plan->pegRowsSkipped, plan->pegRowsSkipped == 1 ? "row" : "rows");
    const std::size_t n = plan->toAdd.size();
    if (dryRun) {
        std::printf("Dry run: would import %zu %s (%zu duplicates skipped). %s Nothing was written.\n", n,
                    n == 1 ? "entry" : "entries", plan->duplicates.size(),
                    alertWords(plan->seriousAlerts, plan->soonAdvice).c_str());
        return kExitOk;
    }
    if (auto r = journal.commitImport(*plan); !r) return fail(r.error());
    std::printf("Imported %zu %s from %s (%zu duplicates skipped).\n", n, n == 1 ? "entry" : "entries", file.c_str(),
                plan->duplicates.size());
    if (plan->alerts > 0)
        std::printf("%s Alerts for entries older than a day are marked as seen now.\n",
                    alertWords(plan->seriousAlerts, plan->soonAdvice).c_str());
    return kExitOk;
}

}  // namespace cli
