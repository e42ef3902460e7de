// Time and peak memory of the exports (PDF, its page 1 alone, CSV, FHIR) as the journal grows:
// demo journals of 1,000, 10,000 and 37,000 entries (a hundred years of demo data) in a temp
// folder. Each export runs in a child process of its own (open the journal, read the period,
// write the file atomically), so its peak resident memory (getrusage ru_maxrss) is its own; the
// parent stays small (the journals are filled by children too). Prints medians; never asserts.
// Targets from the export issue: peak <= 64 MB at any size, FHIR of 37,000 entries < 1 s, the
// 10-year PDF < 1 s.
//   kneelog_bench_export [ENTRIES,ENTRIES,...] [RUNS]      (defaults: 1000,10000,37000 and 9)
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "core/demo.hpp"
#include "core/journal.hpp"
#include "core/triage.hpp"
#include "db/journal_store.hpp"
#include "pdf/pdf_report.hpp"

namespace {

using Clock = std::chrono::steady_clock;

[[noreturn]] void fail(const std::string& what) {
    std::fprintf(stderr, "bench: %s\n", what.c_str());
    std::exit(1);
}

struct Child {
    double ms = 0;
    double peakMb = 0;
};

// Runs `work` in a child process: its wall time (fork to exit) and its peak resident memory.
Child inChild(const std::function<void()>& work) {
    std::fflush(stdout);  // or the child would print the parent's buffered lines again
    const auto t0 = Clock::now();
    const pid_t pid = ::fork();
    if (pid < 0) fail("fork failed");
    if (pid == 0) {
        work();
        ::_exit(0);
    }
    int status = 0;
    struct rusage usage {};
    if (::wait4(pid, &status, 0, &usage) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        fail("a child failed");
    Child c;
    c.ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    c.peakMb = static_cast<double>(usage.ru_maxrss) / 1024.0;  // kilobytes on Linux
    return c;
}

// The same sample history `kneelog demo` writes (triaged, past alerts acknowledged), the newest
// `entries` of it.
void fill(const std::string& path, std::size_t entries) {
    auto store = db::JournalStore::open(path);
    if (!store) fail(store.error().message);
    const core::LocalDateTime now = core::localFromUtc(core::nowUtc());
    auto episodes = core::demoEpisodes(now.date, static_cast<int>(entries + entries / 4 + 30), 1, now.offsetMinutes);
    std::erase_if(episodes, [&](const core::Episode& e) { return core::toUtcSeconds(e.startedAt) > core::nowUtc(); });
    std::sort(episodes.begin(), episodes.end(),
              [](const core::Episode& a, const core::Episode& b) { return core::toUtcSeconds(a.startedAt) > core::toUtcSeconds(b.startedAt); });
    if (episodes.size() > entries) episodes.resize(entries);
    db::EpisodeBatch batch;
    for (auto& e : episodes) {
        const core::TriageResult r = core::triageEpisode(e);
        std::vector<core::Alert> alerts;
        if (r.level > core::Level::SelfCare)
            alerts.push_back({0, 0, r.level, r.ruleIds, false, core::toUtcSeconds(e.startedAt),
                              core::toUtcSeconds(e.startedAt) + 120});
        batch.emplace_back(std::move(e), std::move(alerts));
    }
    if (auto r = (*store)->addEpisodes(batch); !r) fail(r.error().message);
}

struct Target {
    const char* name;
    core::ExportFormat format;
    const char* file;
    bool summary = false;
};

constexpr Target kTargets[] = {{"pdf", core::ExportFormat::Pdf, "report.pdf"},
                               {"page1", core::ExportFormat::Pdf, "page1.pdf", true},
                               {"csv", core::ExportFormat::Csv, "entries.csv"},
                               {"fhir", core::ExportFormat::Fhir, "bundle.json"}};

void exportOnce(const std::string& db, const Target& t, const std::string& out) {
    auto store = db::JournalStore::open(db);
    if (!store) fail(store.error().message);
    core::Journal journal(**store);
    pdf::ExportRequest request;
    request.format = t.format;
    request.summaryOnly = t.summary;  // the PDF's page 1 alone (export --summary)
    request.patientName = "Benchmark Person";
    request.now = core::localFromUtc(core::nowUtc());
    auto made = pdf::exportToFile(journal, request, out);
    if (!made) fail(made.error().message);
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

std::vector<std::size_t> sizesFrom(const char* text) {
    std::vector<std::size_t> out;
    std::stringstream in(text);
    for (std::string part; std::getline(in, part, ',');)
        if (const long n = std::atol(part.c_str()); n > 0) out.push_back(static_cast<std::size_t>(n));
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::size_t> sizes = sizesFrom(argc > 1 ? argv[1] : "1000,10000,37000");
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 9;
    const auto dir = std::filesystem::temp_directory_path() / ("kneelog-bench-export-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
#ifdef NDEBUG
    const char* build = "optimised build";
#else
    const char* build = "debug build (figures are slower than a Release build)";
#endif
    std::printf("export benchmark: %d runs each, one child process per run, %s\n", runs, build);
    std::printf("%-7s %-6s %10s %10s %12s\n", "entries", "export", "median_ms", "peak_MB", "file_bytes");
    for (const std::size_t entries : sizes) {
        const std::string db = (dir / ("journal-" + std::to_string(entries) + ".db")).string();
        inChild([&] { fill(db, entries); });
        std::vector<double> openOnly;
        for (int i = 0; i < runs; ++i)
            openOnly.push_back(inChild([&] { (void)db::JournalStore::open(db); }).peakMb);
        std::printf("%-7zu %-6s %10s %10.1f %12s\n", entries, "open", "-", median(openOnly), "-");
        for (const Target& t : kTargets) {
            const std::string out = (dir / t.file).string();
            std::vector<double> ms, mb;
            for (int i = 0; i < runs; ++i) {
                const Child c = inChild([&] { exportOnce(db, t, out); });
                ms.push_back(c.ms);
                mb.push_back(c.peakMb);
            }
            std::printf("%-7zu %-6s %10.1f %10.1f %12ju\n", entries, t.name, median(ms), median(mb),
                        static_cast<uintmax_t>(std::filesystem::file_size(out)));
        }
        std::fflush(stdout);
    }
    std::filesystem::remove_all(dir);
    return 0;
}
