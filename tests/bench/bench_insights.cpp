// Timing figures for the insights (what helps and what hurts, medication relief) over 10 years of
// entries, 4 a day: the pure computation on episodes in memory, and the journal service's call
// over a real SQLite file (read the range + compute). Prints the median of RUNS; never asserts.
// Target from issue 17: under 50 ms.
//   kneelog_bench_insights [DAYS] [PER_DAY] [RUNS]      (defaults: 3650, 4, 9)
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "core/insights.hpp"
#include "core/journal.hpp"
#include "core/vocabulary.hpp"
#include "db/journal_store.hpp"

namespace {

using Clock = std::chrono::steady_clock;

[[noreturn]] void fail(const std::string& what) {
    std::fprintf(stderr, "bench: %s\n", what.c_str());
    std::exit(1);
}

double msSince(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

// `perDay` entries a day for `days` days up to yesterday, with care, contexts, medication and
// relief ratings drawn from a fixed seed (no alerts: the insights do not read them).
std::vector<core::Episode> history(int days, int perDay) {
    std::mt19937 rng(17);
    const auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    const core::CivilDate today = core::localFromUtc(core::nowUtc()).date;
    const auto care = core::careTerms();
    const auto contexts = core::contextTerms();
    const char* meds[] = {"ibuprofen 400 mg", "paracetamol 1 g", "naproxen 250 mg"};
    std::vector<core::Episode> out;
    out.reserve(static_cast<std::size_t>(days * perDay));
    for (int d = days; d >= 1; --d)
        for (int k = 0; k < perDay; ++k) {
            core::Episode e;
            e.startedAt = core::LocalDateTime{core::addDays(today, -d), 6 + k * 16 / perDay, pick(60), 0, 60};
            e.recordedAtUtc = core::toUtcSeconds(e.startedAt) + 60;
            e.pain = pick(11);
            if (pick(3) == 0) e.care.push_back(std::string(care[static_cast<std::size_t>(pick(static_cast<int>(care.size())))].name));
            if (pick(2) == 0) e.when.push_back(std::string(contexts[static_cast<std::size_t>(pick(static_cast<int>(contexts.size())))].name));
            if (pick(4) == 0) {
                e.medication = meds[pick(3)];
                if (pick(2) == 0) e.relief = pick(4);
            }
            core::normalize(e);
            out.push_back(std::move(e));
        }
    return out;
}

template <class F>
double median(int runs, F&& body) {
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        const auto t0 = Clock::now();
        body();
        ms.push_back(msSince(t0));
    }
    std::sort(ms.begin(), ms.end());
    std::printf("    runs (ms):");
    for (double v : ms) std::printf(" %.1f", v);
    std::printf("\n");
    return ms[ms.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    const int days = argc > 1 ? std::atoi(argv[1]) : 3650;
    const int perDay = argc > 2 ? std::atoi(argv[2]) : 4;
    const int runs = argc > 3 ? std::atoi(argv[3]) : 9;
    if (days < 1 || perDay < 1 || runs < 1) fail("usage: kneelog_bench_insights [DAYS] [PER_DAY] [RUNS]");
    const std::vector<core::Episode> episodes = history(days, perDay);
    std::printf("insights over %d days x %d entries = %zu entries, median of %d runs\n", days, perDay, episodes.size(), runs);

    std::size_t findings = 0;
    std::printf("  core::computeInsights (episodes in memory):\n");
    const double pure = median(runs, [&] { findings = core::computeInsights(episodes).care.size(); });
    std::printf("  computeInsights          median %8.1f ms  (%zu care findings)\n", pure, findings);

    const auto dir = std::filesystem::temp_directory_path() / ("kneelog-bench-insights-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    {
        auto store = db::JournalStore::open((dir / "journal.db").string());
        if (!store) fail(store.error().message);
        db::EpisodeBatch batch;
        for (const auto& e : episodes) batch.emplace_back(e, std::vector<core::Alert>{});
        if (auto r = (*store)->addEpisodes(batch); !r) fail(r.error().message);
        core::Journal journal(**store);
        std::printf("  core::Journal::insights (SQLite file: read every entry, then compute):\n");
        const double full = median(runs, [&] {
            auto in = journal.insights({});
            if (!in) fail(in.error().message);
            findings = in->relief.size();
        });
        std::printf("  Journal::insights        median %8.1f ms  (%zu medications rated)\n", full, findings);
    }
    std::filesystem::remove_all(dir);
    std::printf("target: under 50 ms (Trends caches the result per data version)\n");
    return 0;
}
