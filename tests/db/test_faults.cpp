// The journal on real files when things go wrong: bad files, permissions, a full disk, two
// writers, a lock held too long; and the file-level features: backups, restore, wipe.
#include <signal.h>
#include <sqlite3.h>
#include <sys/resource.h>

#include <filesystem>
#include <set>

#include "core/demo.hpp"
#include "db_test_support.hpp"

using core::CivilDate;
using core::DateRange;
using core::Episode;
using dbtest::ChildReport;
using dbtest::episodeAt;
using dbtest::openStore;

namespace {

const CivilDate kDay{2026, 3, 1};

// A journal with `days` of demo history, closed again.
void makeJournal(const std::string& path, int days = 60) {
    auto store = openStore(path);
    db::EpisodeBatch batch;
    for (const Episode& e : core::demoEpisodes(CivilDate{2026, 2, 28}, days, 5, 60)) batch.emplace_back(e, std::vector<core::Alert>{});
    REQUIRE(store->addEpisodes(batch, {}).ok());
}

// Opens `path` in a child process (as an unprivileged user when `asNobody`) and reports.
ChildReport openInChild(const std::string& path, bool asNobody, db::OpenOptions opts = {}) {
    return dbtest::runInChild(
        [&] {
            auto store = db::JournalStore::open(path, opts);
            if (!store) return dbtest::reportOf(store.error());
            auto n = (*store)->countEpisodes(DateRange{});
            return n ? ChildReport{0, -1, *n, ""} : dbtest::reportOf(n.error());
        },
        asNobody);
}

// Expects `path` to be refused with `code`, a message, and the file's bytes unchanged.
void expectRefused(const std::string& path, core::ErrorCode code, const std::string& words) {
    const std::string before = dbtest::readBytes(path);
    auto store = db::JournalStore::open(path);
    REQUIRE_FALSE(store.ok());
    CHECK(store.error().code == code);
    INFO(store.error().message);
    CHECK(store.error().message.find(words) != std::string::npos);
    CHECK(dbtest::readBytes(path) == before);
}

std::string grepFiles(const std::string& base, const std::string& marker) {
    std::string where;
    for (const char* suffix : {"", "-wal", "-shm"}) {
        if (dbtest::readBytes(base + suffix).find(marker) != std::string::npos) where += base + suffix + " ";
    }
    return where;
}

}  // namespace

TEST_CASE("A read-only journal file is refused with a clear message and left unchanged", "[db]") {
    dbtest::TempDir dir;
    const std::string path = dir.file("journal.db");
    makeJournal(path);
    ::chmod(dir.path().c_str(), 0755);
    ::chmod(path.c_str(), 0444);
    const std::string before = dbtest::readBytes(path);

    const ChildReport r = openInChild(path, true);
    CHECK(WIFEXITED(r.status));
    CHECK(r.code == static_cast<int>(core::ErrorCode::ReadOnly));
    CHECK(r.message.find("read-only") != std::string::npos);
    CHECK(dbtest::readBytes(path) == before);

    // Reading it is still possible when asked for read-only.
    const ChildReport reading = openInChild(path, true, db::OpenOptions{true, 1000});
    CHECK(reading.code == -1);
    CHECK(reading.count > 0);
    CHECK(dbtest::readBytes(path) == before);
}

TEST_CASE("A journal in a read-only folder is refused with a clear message and left unchanged", "[db]") {
    dbtest::TempDir dir;
    const std::string folder = dir.file("locked");
    const std::string path = folder + "/journal.db";
    makeJournal(path);
    ::chmod(dir.path().c_str(), 0755);
    ::chmod(path.c_str(), 0666);
    ::chmod(folder.c_str(), 0555);
    const std::string before = dbtest::readBytes(path);

    const ChildReport r = openInChild(path, true);
    CHECK(WIFEXITED(r.status));
    CHECK(r.code == static_cast<int>(core::ErrorCode::ReadOnly));
    CHECK(r.message.find("read-only") != std::string::npos);
    CHECK(dbtest::readBytes(path) == before);

    const ChildReport fresh = openInChild(folder + "/new.db", true);
    CHECK(fresh.code == static_cast<int>(core::ErrorCode::ReadOnly));
    CHECK_FALSE(std::filesystem::exists(folder + "/new.db"));
}

TEST_CASE("A garbage file is refused as not a KneeLog journal and left unchanged", "[db]") {
    dbtest::TempDir dir;
    const std::string path = dir.file("garbage.db");
    std::string bytes;
    uint32_t x = 12345;
    for (int i = 0; i < 20000; ++i) bytes.push_back(static_cast<char>((x = x * 1103515245u + 12345u) >> 24));
    dbtest::writeBytes(path, bytes);
    expectRefused(path, core::ErrorCode::Foreign, "not a KneeLog journal");
    dbtest::writeBytes(path, "Shopping list:\n- milk\n");
    expectRefused(path, core::ErrorCode::Foreign, "not a KneeLog journal");
}

TEST_CASE("A truncated journal is refused as damaged and left unchanged", "[db]") {
    dbtest::TempDir dir;
    const std::string path = dir.file("journal.db");
    makeJournal(path, 400);
    const std::string whole = dbtest::readBytes(path);
    REQUIRE(whole.size() > 16 * 4096);
    dbtest::writeBytes(path, whole.substr(0, whole.size() / 2));
    expectRefused(path, core::ErrorCode::Corrupt, "damaged");
    dbtest::writeBytes(path, whole.substr(0, 1000));
    expectRefused(path, core::ErrorCode::Corrupt, "damaged");
}

TEST_CASE("A SQLite database of another program is refused as foreign and left unchanged", "[db]") {
    dbtest::TempDir dir;
    const std::string path = dir.file("contacts.db");
    const std::string marked = dir.file("marked.db");
    {
        auto conn = db::Connection::open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        REQUIRE(conn.ok());
        REQUIRE(conn->exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ann');", "test").ok());
        auto other = db::Connection::open(marked, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        REQUIRE(other.ok());
        REQUIRE(other->exec("PRAGMA application_id = 1234; CREATE TABLE t (x); DROP TABLE t;", "test").ok());
    }
    expectRefused(path, core::ErrorCode::Foreign, "another program");
    expectRefused(marked, core::ErrorCode::Foreign, "another program");
}

TEST_CASE("A full disk fails the write with a clear message and keeps everything committed before", "[db]") {
    dbtest::TempDir dir;
    const std::string path = dir.file("journal.db");
    makeJournal(path);
    int64_t before = 0;
    {
        auto store = openStore(path);
        before = *store->countEpisodes(DateRange{});
    }
    const long long limit = dbtest::readBytes(path).size() + 256 * 1024;
    const ChildReport r = dbtest::runInChild([&] {
        ::signal(SIGXFSZ, SIG_IGN);
        const rlimit lim{static_cast<rlim_t>(limit), static_cast<rlim_t>(limit)};
        ::setrlimit(RLIMIT_FSIZE, &lim);
        auto store = db::JournalStore::open(path);
        if (!store) return dbtest::reportOf(store.error());
        Episode e = episodeAt(kDay, 9, 0, 4);
        e.note = std::string(6000, 'n');
        for (long long saved = 0; saved < 100000; ++saved) {
            auto id = (*store)->addEpisode(e, {});
            if (!id) return dbtest::reportOf(id.error(), saved);
        }
        return ChildReport{0, -1, 100000, "never ran out of space"};
    });
    INFO(r.message);
    CHECK(WIFEXITED(r.status));
    CHECK((r.code == static_cast<int>(core::ErrorCode::DiskFull) || r.code == static_cast<int>(core::ErrorCode::Io)));
    CHECK(r.message.find("Could not save the episode") != std::string::npos);
    CHECK(r.message.find("disk is full") != std::string::npos);
    CHECK(r.count > 0);

    auto store = openStore(path);
    CHECK(store->check().ok());
    CHECK(*store->countEpisodes(DateRange{}) == before + r.count);
    CHECK(*store->countEpisodes(DateRange{kDay, kDay}) >= r.count);
}

TEST_CASE("Long notes and any UTF-8 text round-trip exactly", "[db]") {
    dbtest::TempDir dir;
    const std::string path = dir.file("journal.db");
    std::string big;
    while (big.size() < 100000) big += "Knee ached on the stairs; ";
    big.resize(100000);
    const std::vector<std::string> notes = {
        big,
        "Good day 🙂🦵🏽 — walked 5 km",
        "Après la randonnée: genou raide, douleur à 6/10. Ça va mieux. Żółć, ñandú, Øresund",
        "ألم خلف الركبة بعد المشي",
        "כאב מאחורי הברך",
        "He said \"it's nothing\" -- 'really'?\nLine two\r\nLine three\twith a tab\\",
        "'; DROP TABLE episodes; --",
    };
    std::vector<int64_t> ids;
    {
        auto store = openStore(path);
        for (const std::string& note : notes) {
            Episode e = episodeAt(kDay, 9, 0, 3);
            e.note = note;
            e.medication = "paracetamol 1 g \"Doliprane\" — 2×";
            auto id = store->addEpisode(e, {});
            REQUIRE(id.ok());
            ids.push_back(*id);
        }
    }
    auto store = openStore(path);
    for (std::size_t i = 0; i < notes.size(); ++i) {
        auto e = store->episode(ids[i]);
        REQUIRE(e.ok());
        REQUIRE(e->has_value());
        CHECK((*e)->note == notes[i]);
        CHECK((*e)->medication == "paracetamol 1 g \"Doliprane\" — 2×");
    }
    CHECK(store->episode(ids[0])->value().note.size() == 100000);
}

TEST_CASE("Two processes adding at the same time lose nothing", "[db]") {
    dbtest::TempDir dir;
    const std::string path = dir.file("journal.db");
    { openStore(path); }
    constexpr int kEach = 60;
    auto writer = [&](int who) {
        return [&, who] {
            auto store = db::JournalStore::open(path, db::OpenOptions{false, 30000});
            if (!store) return dbtest::reportOf(store.error());
            for (int i = 0; i < kEach; ++i) {
                Episode e = episodeAt(kDay, 8 + who, i % 60, i % 11);
                e.note = "writer " + std::to_string(who) + " #" + std::to_string(i);
                auto id = (*store)->addEpisode(e, {});
                if (!id) return dbtest::reportOf(id.error(), i);
            }
            return ChildReport{0, -1, kEach, ""};
        };
    };
    std::vector<pid_t> pids;
    for (int who = 0; who < 2; ++who) {
        const pid_t pid = ::fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            const ChildReport r = writer(who)();
            ::_exit(r.code == -1 && r.count == kEach ? 0 : 1);
        }
        pids.push_back(pid);
    }
    for (pid_t pid : pids) {
        int status = 0;
        REQUIRE(::waitpid(pid, &status, 0) == pid);
        CHECK(WIFEXITED(status));
        CHECK(WEXITSTATUS(status) == 0);
    }
    auto store = openStore(path);
    CHECK(store->check().ok());
    auto all = store->episodes(DateRange{}, 1000, 0);
    REQUIRE(all.ok());
    CHECK(all->size() == 2 * kEach);
    std::set<std::string> seen;
    for (const Episode& e : *all) seen.insert(e.note);
    CHECK(seen.size() == 2 * kEach);
}

TEST_CASE("Writers killed with SIGKILL at random moments lose no entry whose add reported success", "[db]") {
    dbtest::TempDir dir;
    const std::string path = dir.file("journal.db");
    { openStore(path); }
    std::vector<int64_t> reported;
    uint32_t x = 2024;
    for (int round = 0; round < 12; ++round) {
        int fds[2];
        REQUIRE(::pipe(fds) == 0);
        const pid_t pid = ::fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            ::close(fds[0]);
            auto store = db::JournalStore::open(path, db::OpenOptions{false, 10000});
            if (!store) ::_exit(1);
            for (int i = 0;; ++i) {
                Episode e = episodeAt(kDay, 7 + i % 12, i % 60, i % 11);
                e.symptoms = {"stiffness", "swelling"};
                e.note = "round " + std::to_string(round) + " entry " + std::to_string(i);
                auto id = (*store)->addEpisode(e, {});
                if (!id) ::_exit(2);
                if (::write(fds[1], &*id, sizeof(int64_t)) != static_cast<ssize_t>(sizeof(int64_t))) ::_exit(3);
            }
        }
        ::close(fds[1]);
        // The kill is timed by the writer's own progress, not by the clock, so the machine's load
        // cannot decide whether anything was written: after 1 to 4 acknowledged entries, then a
        // random 0-3 ms more, which lands in the middle of a later write.
        x = x * 1103515245u + 12345u;
        const int wanted = 1 + static_cast<int>((x >> 16) % 4);
        int64_t id = 0;
        for (int got = 0; got < wanted && ::read(fds[0], &id, sizeof id) == static_cast<ssize_t>(sizeof id); ++got)
            reported.push_back(id);
        ::usleep((x >> 8) % 3000);
        ::kill(pid, SIGKILL);
        int status = 0;
        REQUIRE(::waitpid(pid, &status, 0) == pid);
        CHECK(WIFSIGNALED(status));
        while (::read(fds[0], &id, sizeof id) == static_cast<ssize_t>(sizeof id)) reported.push_back(id);
        ::close(fds[0]);
    }
    auto store = openStore(path);
    REQUIRE(store->check().ok());
    CHECK(reported.size() > 12);
    for (int64_t id : reported) {
        auto e = store->episode(id);
        REQUIRE(e.ok());
        CHECK(e->has_value());
    }
    // The day summary is still exact after every interrupted write.
    auto days = store->daySummaries(DateRange{kDay, kDay});
    REQUIRE(days.ok());
    REQUIRE(days->size() == 1);
    CHECK((*days)[0].episodes == *store->countEpisodes(DateRange{kDay, kDay}));
}

TEST_CASE("A lock held too long gives a Busy error with a clear message, not a hang", "[db]") {
    dbtest::TempDir dir;
    const std::string path = dir.file("journal.db");
    { openStore(path); }
    sqlite3* holder = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &holder) == SQLITE_OK);
    REQUIRE(sqlite3_exec(holder, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
    auto store = openStore(path, db::OpenOptions{false, 200});
    auto r = store->addEpisode(episodeAt(kDay, 9, 0, 3), {});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == core::ErrorCode::Busy);
    CHECK(r.error().message.find("in use by another KneeLog window; try again") != std::string::npos);
    sqlite3_exec(holder, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(holder);
    CHECK(store->addEpisode(episodeAt(kDay, 9, 0, 3), {}).ok());
}

TEST_CASE("A backup and restore round trip brings the journal back and keeps the replaced one", "[db]") {
    dbtest::TempDir dir;
    const std::string path = dir.file("journal.db");
    const std::string backup = dir.file("saved.db");
    {
        auto store = openStore(path);
        store->addEpisode(episodeAt(kDay, 8, 0, 2), {}).value();
        REQUIRE(store->backupTo(backup).ok());
        CHECK(dbtest::modeOf(backup) == 0600u);
        store->addEpisode(episodeAt(kDay, 9, 0, 5), {}).value();
        // Another window still has the journal open: the restore must wait for it.
        auto refused = db::JournalStore::restore(backup, path);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().code == core::ErrorCode::Busy);
        CHECK(*store->countEpisodes(DateRange{}) == 2);
    }
    auto restored = db::JournalStore::restore(backup, path);
    INFO((restored ? std::string() : restored.error().message));
    REQUIRE(restored.ok());
    {
        auto store = openStore(path);
        CHECK(*store->countEpisodes(DateRange{}) == 1);
        CHECK(store->check().ok());
    }
    std::vector<std::string> kept;
    for (const auto& entry : std::filesystem::directory_iterator(dir.file("backups/journal.db")))
        if (entry.path().filename().string().rfind("before-restore-", 0) == 0) kept.push_back(entry.path());
    REQUIRE(kept.size() == 1);
    CHECK(restored->value_or("") == kept.front());  // restore says where it kept the replaced journal
    auto old = openStore(kept.back(), db::OpenOptions{true, 1000});
    CHECK(*old->countEpisodes(DateRange{}) == 2);
}

TEST_CASE("Restore refuses a backup that is not a sound KneeLog journal and changes nothing", "[db]") {
    dbtest::TempDir dir;
    const std::string path = dir.file("journal.db");
    makeJournal(path);
    const std::string garbage = dir.file("garbage.db");
    dbtest::writeBytes(garbage, std::string(8192, 'x'));
    const std::string before = dbtest::readBytes(path);
    auto r = db::JournalStore::restore(garbage, path);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == core::ErrorCode::Foreign);
    CHECK(dbtest::readBytes(path) == before);
    auto missing = db::JournalStore::restore(dir.file("nope.db"), path);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == core::ErrorCode::NotFound);
    CHECK(dbtest::readBytes(path) == before);
}

TEST_CASE("Daily backups are made once a day and only the newest 7 are kept", "[db]") {
    dbtest::TempDir dir;
    const std::string path = dir.file("journal.db");
    auto store = openStore(path);
    store->addEpisode(episodeAt(kDay, 8, 0, 2), {}).value();
    CHECK_FALSE(db::JournalStore::newestBackup(path).has_value());
    for (int i = 0; i < 10; ++i) {
        auto made = store->dailyBackup(core::addDays(kDay, i));
        REQUIRE(made.ok());
        CHECK(made->has_value());
    }
    auto again = store->dailyBackup(core::addDays(kDay, 9));
    REQUIRE(again.ok());
    CHECK_FALSE(again->has_value());

    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir.file("backups/journal.db")))
        names.push_back(entry.path().filename());
    std::sort(names.begin(), names.end());
    REQUIRE(names.size() == 7);
    CHECK(names.front() == "2026-03-04.db");
    CHECK(names.back() == "2026-03-10.db");
    CHECK(dbtest::modeOf(dir.file("backups")) == 0700u);
    CHECK(dbtest::modeOf(dir.file("backups/journal.db")) == 0700u);
    CHECK(dbtest::modeOf(dir.file("backups/journal.db/2026-03-10.db")) == 0600u);
    CHECK(db::JournalStore::newestBackup(path) == std::optional<std::string>(dir.file("backups/journal.db/2026-03-10.db")));
    auto copy = openStore(*db::JournalStore::newestBackup(path), db::OpenOptions{true, 1000});
    CHECK(*copy->countEpisodes(DateRange{}) == 1);
    CHECK(store->check().ok());
}

TEST_CASE("Wiping leaves no episode, no backup and no note text in the file", "[db]") {
    dbtest::TempDir dir;
    const std::string path = dir.file("journal.db");
    const std::string marker = "ZEBRA-7f3a-private-note-marker";
    auto store = openStore(path);
    for (int i = 0; i < 300; ++i) {
        Episode e = episodeAt(kDay, 8, i % 60, 3);
        e.note = marker + " " + std::to_string(i) + std::string(200, '.');
        store->addEpisode(e, {}).value();
    }
    REQUIRE(store->dailyBackup(kDay).ok());
    REQUIRE(store->setSetting("emergency_number", "999").ok());
    REQUIRE_FALSE(grepFiles(path, marker).empty());

    REQUIRE(store->wipe().ok());
    CHECK(*store->countEpisodes(DateRange{}) == 0);
    CHECK(store->daySummaries(DateRange{})->empty());
    CHECK(store->alerts(DateRange{})->empty());
    CHECK(std::filesystem::is_empty(dir.file("backups/journal.db")));
    CHECK(grepFiles(path, marker).empty());
    CHECK(store->check().ok());
    store.reset();
    CHECK(grepFiles(path, marker).empty());
    auto reopened = openStore(path);
    CHECK(*reopened->countEpisodes(DateRange{}) == 0);
    CHECK(*reopened->setting("emergency_number") == std::optional<std::string>("999"));
}
