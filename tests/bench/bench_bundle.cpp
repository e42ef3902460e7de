// Bundle figures on a 10-year demo journal (issue 16): the bundle's size, the time to make it
// (read the journal, write the JSON, seal it) and to import it into an empty journal and into the
// same journal again (open, merge, triage, one transaction), and Argon2id's own time (moderate
// limits, the cost every export and import pays once) reported apart. Medians; never asserts.
//   kneelog_bench_bundle [DAYS] [RUNS]      (defaults: 3650, 5)
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "core/crypto/sealed.hpp"
#include "core/journal.hpp"
#include "db/journal_store.hpp"

namespace {

using Clock = std::chrono::steady_clock;
namespace crypto = core::crypto;

[[noreturn]] void fail(const std::string& what) {
    std::fprintf(stderr, "bench: %s\n", what.c_str());
    std::exit(1);
}

double msSince(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

std::unique_ptr<db::JournalStore> open(const std::string& path) {
    auto store = db::JournalStore::open(path);
    if (!store) fail(store.error().message);
    return std::move(*store);
}

std::span<const uint8_t> bytes(const std::string& s) { return {reinterpret_cast<const uint8_t*>(s.data()), s.size()}; }

}  // namespace

int main(int argc, char** argv) {
    const int days = argc > 1 ? std::atoi(argv[1]) : 3650;
    const int runs = argc > 2 ? std::atoi(argv[2]) : 5;
    const auto dir = std::filesystem::temp_directory_path() / ("kneelog-bench-bundle-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    auto source = open((dir / "source.db").string());
    core::Journal journal(*source);
    auto added = journal.addSample(days, 1);
    if (!added) fail(added.error().message);
    const crypto::Secret pass{"a benchmark passphrase"};

    std::vector<double> kdf, exportMs, importNew, importAgain;
    std::size_t size = 0;
    core::MergeCounts first;
    for (int run = 0; run < runs; ++run) {
        auto t0 = Clock::now();
        auto probe = crypto::seal({}, crypto::Payload::Bundle, pass);  // Argon2id + an empty stream
        kdf.push_back(msSince(t0));
        if (!probe) fail(probe.error().message);

        t0 = Clock::now();
        auto content = journal.bundleContent();
        if (!content) fail(content.error().message);
        auto sealed = crypto::seal(bytes(*content), crypto::Payload::Bundle, pass);
        if (!sealed) fail(sealed.error().message);
        exportMs.push_back(msSince(t0));
        size = sealed->size();

        const std::string target = (dir / ("target-" + std::to_string(run) + ".db")).string();
        auto store = open(target);
        core::Journal other(*store);
        for (std::vector<double>* into : {&importNew, &importAgain}) {
            t0 = Clock::now();
            auto opened = crypto::open(*sealed, crypto::Payload::Bundle, &pass);
            if (!opened) fail(opened.error().message);
            auto counts = other.importBundle(std::string_view(reinterpret_cast<const char*>(opened->data.data()),
                                                              opened->data.size()),
                                             false);
            if (!counts) fail(counts.error().message);
            into->push_back(msSince(t0));
            if (into == &importNew) first = *counts;
        }
    }
    std::printf("bundle of %zu entries (%d days of demo data): %.2f MiB sealed\n", *added, days, size / 1048576.0);
    std::printf("argon2id (moderate: ops 3, 256 MiB) median=%.0f ms\n", median(kdf));
    std::printf("export (read + JSON + seal, argon2id included) median=%.0f ms\n", median(exportMs));
    std::printf("import into an empty journal (open + merge + triage + write, argon2id included) median=%.0f ms "
                "(added %zu)\n",
                median(importNew), first.added);
    std::printf("import of the same bundle again (nothing changes) median=%.0f ms\n", median(importAgain));
    std::printf("runs=%d; subtract the argon2id figure for the work itself\n", runs);
    std::filesystem::remove_all(dir);
    return 0;
}
