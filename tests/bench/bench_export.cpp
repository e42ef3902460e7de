// Timing figures for the three exports on a 10-year demo journal (a real file in a temp folder):
// read the period, build the bytes, write the file atomically. Prints medians; never asserts.
// Targets from the export issue: PDF < 1 s, CSV < 100 ms, FHIR < 300 ms.
//   kneelog_bench_export [DAYS] [RUNS]      (defaults: 3650, 9)
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "core/demo.hpp"
#include "core/io/atomic_file.hpp"
#include "core/triage.hpp"
#include "db/journal_store.hpp"
#include "core/journal.hpp"
#include "pdf/pdf_report.hpp"

namespace {

using Clock = std::chrono::steady_clock;

[[noreturn]] void fail(const std::string& what) {
    std::fprintf(stderr, "bench: %s\n", what.c_str());
    std::exit(1);
}

double msSince(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

// The same sample history `kneelog demo` writes: triaged, past alerts acknowledged.
void fill(db::JournalStore& store, int days) {
    const core::LocalDateTime now = core::localFromUtc(core::nowUtc());
    auto episodes = core::demoEpisodes(now.date, days, 1, now.offsetMinutes);
    std::erase_if(episodes, [&](const core::Episode& e) { return core::toUtcSeconds(e.startedAt) > core::nowUtc(); });
    db::EpisodeBatch batch;
    for (auto& e : episodes) {
        const core::TriageResult r = core::triageEpisode(e);
        std::vector<core::Alert> alerts;
        if (r.level > core::Level::SelfCare)
            alerts.push_back({0, 0, r.level, r.ruleIds, false, core::toUtcSeconds(e.startedAt),
                              core::toUtcSeconds(e.startedAt) + 120});
        batch.emplace_back(std::move(e), std::move(alerts));
    }
    if (auto r = store.addEpisodes(batch); !r) fail(r.error().message);
}

struct Figures {
    double median = 0, min = 0, max = 0;
    std::size_t bytes = 0, episodes = 0;
};

Figures measure(db::JournalStore& store, core::ExportFormat format, const std::string& out, int runs, bool summary) {
    pdf::ExportRequest request;
    request.format = format;
    request.summaryOnly = summary;  // the PDF's page 1 alone (export --summary)
    request.patientName = "Benchmark Person";
    request.now = core::localFromUtc(core::nowUtc());
    std::vector<double> ms;
    Figures f;
    core::Journal journal(store);
    for (int i = 0; i < runs; ++i) {
        const auto t0 = Clock::now();
        auto made = pdf::exportJournal(journal, request);
        if (!made) fail(made.error().message);
        if (auto w = io::writeFileAtomically(out, made->bytes); !w) fail(w.error().message);
        ms.push_back(msSince(t0));
        f.bytes = made->bytes.size();
        f.episodes = made->episodes;
    }
    std::sort(ms.begin(), ms.end());
    f.median = ms[ms.size() / 2];
    f.min = ms.front();
    f.max = ms.back();
    return f;
}

}  // namespace

int main(int argc, char** argv) {
    const int days = argc > 1 ? std::atoi(argv[1]) : 3650;
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 9;
    const auto dir = std::filesystem::temp_directory_path() / ("kneelog-bench-export-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    {
        auto store = db::JournalStore::open((dir / "journal.db").string());
        if (!store) fail(store.error().message);
        fill(**store, days);
#ifdef NDEBUG
        const char* build = "optimised build";
#else
        const char* build = "debug build (figures are slower than a Release build)";
#endif
        std::printf("export benchmark: %d days, %d runs each, %s\n", days, runs, build);
        struct Target {
            core::ExportFormat format;
            const char* name;
            const char* file;
            double targetMs;
            bool summary = false;
        };
        for (const Target& t : {Target{core::ExportFormat::Pdf, "pdf", "report.pdf", 1000},
                                Target{core::ExportFormat::Pdf, "page1", "page1.pdf", 1000, true},
                                Target{core::ExportFormat::Csv, "csv", "entries.csv", 100},
                                Target{core::ExportFormat::Fhir, "fhir", "bundle.json", 300}}) {
            const Figures f = measure(**store, t.format, (dir / t.file).string(), runs, t.summary);
            std::printf("%-5s median %8.1f ms  (min %7.1f, max %7.1f)  target < %4.0f ms %s  %zu entries, %zu bytes\n",
                        t.name, f.median, f.min, f.max, t.targetMs, f.median < t.targetMs ? "ok  " : "SLOW", f.episodes,
                        f.bytes);
        }
    }
    std::filesystem::remove_all(dir);
    return 0;
}
