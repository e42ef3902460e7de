// Power loss, not just SIGKILL: the journal is written through a VFS shim (powerloss_vfs.hpp)
// that cuts the power at a chosen write, tearing that write mid-page and dropping, keeping or
// tearing every write not yet synced. After each cut the journal must open, pass `check`
// (integrity_check + foreign_key_check, what `kneelog check` runs) and hold every entry whose
// add had returned success ("acknowledged"), with its note intact.
//
// Budget: every cut point (write index) of the workload is tried at least once, and at least
// 200 (cut, seed) runs in total; KNEELOG_POWERLOSS_RUNS=N asks for more (e.g. 5000) for a longer
// run by hand.
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <map>

#include "db_test_support.hpp"
#include "powerloss_vfs.hpp"

using core::DateRange;
using core::Episode;

namespace {

const core::CivilDate kDay{2026, 3, 1};
constexpr int kRounds = 3;     // open, add, close (the close checkpoints and removes the -wal)
constexpr int kPerRound = 8;

std::string noteFor(int64_t marker) { return "power-loss entry " + std::to_string(marker) + " " + std::string(150, 'p'); }

// The workload in the child: the shim cuts the power at write `cutAt` (never when 0). Each
// acknowledged add sends its id through `fd`; at the end -1 and the number of writes seen.
[[noreturn]] void workload(const std::string& path, uint64_t cutAt, uint32_t seed, int fd) {
    powerloss::install(cutAt, seed);
    auto send = [fd](int64_t v) {
        if (::write(fd, &v, sizeof v) != static_cast<ssize_t>(sizeof v)) ::_exit(5);
    };
    int marker = 0;
    for (int round = 0; round < kRounds; ++round) {
        auto store = db::JournalStore::open(path, db::OpenOptions{false, 2000});
        if (!store) ::_exit(2);
        for (int i = 0; i < kPerRound; ++i, ++marker) {
            Episode e = dbtest::episodeAt(kDay, 6 + i, marker % 60, marker % 11);
            e.note = noteFor(1000 + marker);
            e.symptoms = {"swelling", "stiffness"};
            std::vector<core::Alert> alerts;
            if (i % 3 == 0) alerts.push_back(core::Alert{0, 0, core::Level::Soon, {"S1"}, false, 1772350000, {}});
            auto id = (*store)->addEpisode(e, alerts);
            if (!id) ::_exit(4);
            send(*id);
        }
        if (auto r = (*store)->softDelete(1, 1772350000); !r) ::_exit(4);  // a write that is not an add
    }
    send(-1);
    send(static_cast<int64_t>(powerloss::writesSeen()));
    ::_exit(0);
}

struct Run {
    bool cut = false;
    std::vector<int64_t> acknowledged;
    int64_t writes = -1;
};

Run runChild(const std::string& path, uint64_t cutAt, uint32_t seed) {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::close(fds[0]);
        workload(path, cutAt, seed, fds[1]);
    }
    ::close(fds[1]);
    Run run;
    std::vector<int64_t> values;
    int64_t v = 0;
    while (::read(fds[0], &v, sizeof v) == static_cast<ssize_t>(sizeof v)) values.push_back(v);
    ::close(fds[0]);
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    REQUIRE(WIFEXITED(status));
    INFO("cut at write " << cutAt << ", seed " << seed);
    REQUIRE((WEXITSTATUS(status) == 0 || WEXITSTATUS(status) == powerloss::kCutExit));
    run.cut = WEXITSTATUS(status) == powerloss::kCutExit;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (values[i] == -1 && i + 1 < values.size()) {
            run.writes = values[i + 1];
            break;
        }
        run.acknowledged.push_back(values[i]);
    }
    return run;
}

}  // namespace

TEST_CASE("Power loss at any write, torn mid-page, keeps every acknowledged entry and the journal checks", "[db][powerloss]") {
    dbtest::TempDir dir;
    const std::string path = dir.file("journal.db");
    // The journal as it was before the workload (durable: written and closed before the child).
    {
        auto store = dbtest::openStore(path);
        REQUIRE(store->addEpisode(dbtest::episodeAt(kDay, 5, 0, 2), {}).ok());
    }
    const std::string base = dbtest::readBytes(path);
    auto reset = [&] {
        for (const char* suffix : {"-wal", "-shm"}) ::unlink((path + suffix).c_str());
        dbtest::writeBytes(path, base);
    };

    // A run with no cut counts the writes: each one is a cut point.
    reset();
    const Run whole = runChild(path, 0, 1);
    REQUIRE_FALSE(whole.cut);
    REQUIRE(whole.acknowledged.size() == static_cast<std::size_t>(kRounds * kPerRound));
    REQUIRE(whole.writes > 50);
    const uint64_t writes = static_cast<uint64_t>(whole.writes);

    uint64_t runs = std::max<uint64_t>(200, writes + 1);
    if (const char* env = std::getenv("KNEELOG_POWERLOSS_RUNS"); env && std::atoll(env) > 0)
        runs = std::max<uint64_t>(runs, static_cast<uint64_t>(std::atoll(env)));

    std::map<std::string, int> outcomes;
    uint64_t cuts = 0, entriesChecked = 0;
    for (uint64_t r = 0; r < runs; ++r) {
        // Every write index once (1 .. writes+1, the last being "after the final sync"), then
        // the same indices again with other random choices.
        const uint64_t cutAt = 1 + r % (writes + 1);
        const uint32_t seed = static_cast<uint32_t>(r + 1);
        reset();
        const Run run = runChild(path, cutAt, seed);
        cuts += run.cut ? 1 : 0;
        INFO("cut at write " << cutAt << " of " << writes << ", seed " << seed << ", "
                             << run.acknowledged.size() << " entries acknowledged before the cut");
        auto store = db::JournalStore::open(path);
        INFO((store ? std::string() : store.error().message));
        REQUIRE(store.ok());
        const auto checked = (*store)->check();
        INFO((checked ? std::string() : checked.error().message));
        REQUIRE(checked.ok());
        for (std::size_t i = 0; i < run.acknowledged.size(); ++i) {
            auto e = (*store)->episode(run.acknowledged[i]);
            REQUIRE(e.ok());
            REQUIRE(e->has_value());
            CHECK((*e)->note == noteFor(1000 + static_cast<int64_t>(i)));
            ++entriesChecked;
        }
        auto first = (*store)->episode(1);  // the entry from before the workload
        REQUIRE(first.ok());
        REQUIRE(first->has_value());
        auto n = (*store)->countEpisodes(DateRange{});
        REQUIRE(n.ok());
        CHECK(*n + 1 >= static_cast<int64_t>(run.acknowledged.size()) + 1);  // soft deletes aside
        outcomes[std::to_string(run.acknowledged.size())]++;
    }
    // The cuts really happened (all but the runs cut "after the end"), and at every stage.
    CHECK(cuts >= runs - runs / (writes + 1) - 1);
    CHECK(outcomes.size() > static_cast<std::size_t>(kRounds * kPerRound / 2));
    CHECK(entriesChecked > runs);
    WARN("power loss: " << runs << " runs, " << cuts << " cut mid-write, over " << writes << " cut points; "
                        << entriesChecked << " acknowledged entries found intact");
}
