// Timing figures for the db layer beside raw sqlite3 running the same SQL in the same process,
// on a 10-year demo journal in a temp folder. Prints figures; never asserts a time.
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/demo.hpp"
#include "db/journal_store.hpp"

namespace {

using Clock = std::chrono::steady_clock;

constexpr const char* kPragmas =
    "PRAGMA busy_timeout = 4000; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; "
    "PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;";

// The statements JournalStore::addEpisode runs for an episode with names and no alerts.
constexpr const char* kInsertEpisode =
    "INSERT INTO episodes (started_local, utc_offset_minutes, started_utc, local_day, recorded_utc, side, pain, "
    "pain_type, onset, note, medication, deleted_utc) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";
constexpr const char* kInsertName[] = {
    "INSERT OR IGNORE INTO episode_contexts (episode_id, name) VALUES (?1, ?2)",
    "INSERT OR IGNORE INTO episode_symptoms (episode_id, name) VALUES (?1, ?2)",
    "INSERT OR IGNORE INTO episode_care (episode_id, name) VALUES (?1, ?2)",
};
constexpr const char* kBumpDay =
    "INSERT INTO day_summary (local_day, episodes, max_pain, pain_sum, swelling) VALUES (?1, 1, ?2, ?2, ?3) "
    "ON CONFLICT (local_day) DO UPDATE SET episodes = episodes + 1, max_pain = max(max_pain, excluded.max_pain), "
    "pain_sum = pain_sum + excluded.pain_sum, swelling = max(swelling, excluded.swelling)";
constexpr const char* kSummarySql =
    "SELECT local_day, episodes, max_pain, pain_sum, swelling FROM day_summary "
    "WHERE local_day BETWEEN ?1 AND ?2 ORDER BY local_day";
constexpr const char* kGroupByDaySql =
    "SELECT e.local_day, COUNT(*), MAX(e.pain), AVG(e.pain), "
    "MAX(EXISTS (SELECT 1 FROM episode_symptoms s WHERE s.episode_id = e.id AND s.name = 'swelling')) "
    "FROM episodes e WHERE e.deleted_utc IS NULL GROUP BY e.local_day ORDER BY e.local_day";
constexpr const char* kGroupByDateSql =
    "SELECT substr(e.started_local, 1, 10) AS d, COUNT(*), MAX(e.pain), AVG(e.pain), "
    "MAX(EXISTS (SELECT 1 FROM episode_symptoms s WHERE s.episode_id = e.id AND s.name = 'swelling')) "
    "FROM episodes e WHERE e.deleted_utc IS NULL GROUP BY d ORDER BY d";

[[noreturn]] void fail(const std::string& what) {
    std::fprintf(stderr, "bench: %s\n", what.c_str());
    std::exit(1);
}

double msSince(Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

struct Stats {
    double median = 0;
    double p95 = 0;
};

Stats stats(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return {v[v.size() / 2], v[std::min(v.size() - 1, v.size() * 95 / 100)]};
}

double timeOnce(const std::function<void()>& f) {
    const auto t0 = Clock::now();
    f();
    return msSince(t0);
}

std::vector<double> repeat(int n, const std::function<void()>& f) {
    std::vector<double> out;
    for (int i = 0; i < n; ++i) out.push_back(timeOnce(f));
    return out;
}

void line(const char* what, double store, double raw, const char* unit = "ms") {
    std::printf("  %-44s %9.3f %s   raw %9.3f %s   ratio %.2fx\n", what, store, unit, raw, unit, store / raw);
}

// [SECTION] Raw sqlite3

void rawExec(sqlite3* db, const char* sql) {
    if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) fail(sqlite3_errmsg(db));
}

sqlite3_stmt* rawPrepare(sqlite3* db, const char* sql) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr) != SQLITE_OK) fail(sqlite3_errmsg(db));
    return s;
}

void rawStep(sqlite3* db, sqlite3_stmt* s) {
    while (true) {
        const int rc = sqlite3_step(s);
        if (rc == SQLITE_DONE) break;
        if (rc != SQLITE_ROW) fail(sqlite3_errmsg(db));
    }
    sqlite3_reset(s);
}

sqlite3* rawOpen(const std::string& path, int flags) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) fail("raw open failed");
    sqlite3_extended_result_codes(db, 1);
    return db;
}

std::string localText(const core::LocalDateTime& t) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", t.date.year, t.date.month, t.date.day, t.hour,
                  t.minute, t.second);
    return buf;
}

// One add with the store's SQL: BEGIN IMMEDIATE, the episode, its names, the day row, COMMIT.
struct RawAdder {
    sqlite3* db;
    sqlite3_stmt* episode;
    sqlite3_stmt* names[3];
    sqlite3_stmt* day;

    explicit RawAdder(sqlite3* handle)
        : db(handle),
          episode(rawPrepare(handle, kInsertEpisode)),
          names{rawPrepare(handle, kInsertName[0]), rawPrepare(handle, kInsertName[1]),
                rawPrepare(handle, kInsertName[2])},
          day(rawPrepare(handle, kBumpDay)) {}
    ~RawAdder() {
        for (sqlite3_stmt* s : {episode, names[0], names[1], names[2], day}) sqlite3_finalize(s);
    }
    void add(const core::Episode& e) {
        rawExec(db, "BEGIN IMMEDIATE");
        const std::string local = localText(e.startedAt);
        sqlite3_bind_text(episode, 1, local.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(episode, 2, e.startedAt.offsetMinutes);
        sqlite3_bind_int64(episode, 3, core::toUtcSeconds(e.startedAt));
        sqlite3_bind_int64(episode, 4, core::daysFromCivil(e.startedAt.date));
        sqlite3_bind_int64(episode, 5, e.recordedAtUtc);
        const std::string* texts[] = {&e.side, nullptr, &e.painType, &e.onset, &e.note, &e.medication};
        for (int i = 0; i < 6; ++i)
            if (texts[i]) sqlite3_bind_text(episode, 6 + i, texts[i]->c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(episode, 7, e.pain);
        sqlite3_bind_null(episode, 12);
        rawStep(db, episode);
        const sqlite3_int64 id = sqlite3_last_insert_rowid(db);
        const std::vector<std::string>* lists[] = {&e.when, &e.symptoms, &e.care};
        for (int t = 0; t < 3; ++t)
            for (const std::string& n : *lists[t]) {
                sqlite3_bind_int64(names[t], 1, id);
                sqlite3_bind_text(names[t], 2, n.c_str(), -1, SQLITE_TRANSIENT);
                rawStep(db, names[t]);
            }
        sqlite3_bind_int64(day, 1, core::daysFromCivil(e.startedAt.date));
        sqlite3_bind_int(day, 2, e.pain);
        sqlite3_bind_int(day, 3, e.hasSymptom("swelling") ? 1 : 0);
        rawStep(db, day);
        rawExec(db, "COMMIT");
    }
};

// [SECTION] Benchmarks

std::unique_ptr<db::JournalStore> openStore(const std::string& path) {
    auto store = db::JournalStore::open(path);
    if (!store) fail(store.error().message);
    return std::move(*store);
}

db::EpisodeBatch demoBatch(int days, uint64_t seed, std::size_t& rows) {
    db::EpisodeBatch batch;
    for (const core::Episode& e : core::demoEpisodes(core::CivilDate{2025, 12, 31}, days, seed, 60)) {
        rows += 1 + e.when.size() + e.symptoms.size() + e.care.size();
        batch.emplace_back(e, std::vector<core::Alert>{});
    }
    return batch;
}

void benchImport(const std::string& dir, const std::string& path) {
    std::size_t rows = 0;
    const auto batch = demoBatch(3650, 1, rows);
    auto store = openStore(path);
    const double ms = timeOnce([&] {
        if (auto r = store->addEpisodes(batch, {}); !r) fail(r.error().message);
    });
    std::printf("Import (addEpisodes, one transaction)\n");
    std::printf("  3650-day demo: %zu episodes, %zu rows in %.1f ms = %.0f episodes/s, %.0f rows/s\n", batch.size(),
                rows, ms, batch.size() / ms * 1000, rows / ms * 1000);
    std::size_t bigRows = 0;
    db::EpisodeBatch big;
    for (uint64_t seed = 10; seed < 20; ++seed)
        for (auto& item : demoBatch(3650, seed, bigRows)) big.push_back(std::move(item));
    auto bigStore = openStore(dir + "/import.db");
    const double bigMs = timeOnce([&] {
        if (auto r = bigStore->addEpisodes(big, {}); !r) fail(r.error().message);
    });
    std::printf("  10 x 3650 days: %zu episodes, %zu rows in %.1f ms = %.0f episodes/s, %.0f rows/s\n", big.size(),
                bigRows, bigMs, big.size() / bigMs * 1000, bigRows / bigMs * 1000);
}

void benchAdd(const std::string& path) {
    auto store = openStore(path);
    sqlite3* raw = rawOpen(path, SQLITE_OPEN_READWRITE);
    rawExec(raw, kPragmas);
    std::vector<double> viaStore, viaRaw;
    {
        RawAdder adder(raw);
        const auto episodes = core::demoEpisodes(core::CivilDate{2026, 1, 30}, 30, 99, 60);
        for (int i = 0; i < 300; ++i) {
            const core::Episode& e = episodes[static_cast<std::size_t>(i) % episodes.size()];
            viaStore.push_back(timeOnce([&] {
                if (auto r = store->addEpisode(e, {}); !r) fail(r.error().message);
            }));
            viaRaw.push_back(timeOnce([&] { adder.add(e); }));
        }
    }
    sqlite3_close(raw);
    const Stats s = stats(viaStore), r = stats(viaRaw);
    std::printf("One add (synchronous=FULL, 300 interleaved)\n");
    line("median", s.median, r.median);
    line("p95", s.p95, r.p95);
}

void benchAggregate(const std::string& path) {
    auto store = openStore(path);
    sqlite3* raw = rawOpen(path, SQLITE_OPEN_READWRITE);
    rawExec(raw, kPragmas);
    std::size_t days = 0;
    auto viaStore = repeat(300, [&] {
        auto d = store->daySummaries(core::DateRange{});
        if (!d) fail(d.error().message);
        days = d->size();
    });
    auto rawQuery = [&](const char* sql, bool bindRange) {
        sqlite3_stmt* s = rawPrepare(raw, sql);
        auto times = repeat(300, [&] {
            if (bindRange) {
                sqlite3_bind_int64(s, 1, INT64_MIN);
                sqlite3_bind_int64(s, 2, INT64_MAX);
            }
            std::vector<core::DaySummary> out;
            while (sqlite3_step(s) == SQLITE_ROW) {
                core::DaySummary d;
                d.day = core::civilFromDays(sqlite3_column_int64(s, 0));
                d.episodes = sqlite3_column_int(s, 1);
                d.maxPain = sqlite3_column_int(s, 2);
                d.meanPain = sqlite3_column_double(s, 3);
                d.swelling = sqlite3_column_int(s, 4) != 0;
                out.push_back(d);
            }
            sqlite3_reset(s);
        });
        sqlite3_finalize(s);
        return stats(times).median;
    };
    const double same = rawQuery(kSummarySql, true);
    const double groupDay = rawQuery(kGroupByDaySql, false);
    const double groupDate = rawQuery(kGroupByDateSql, false);
    sqlite3_close(raw);
    const double mine = stats(viaStore).median;
    std::printf("Per-day series over 10 years (%zu days with episodes), median of 300\n", days);
    line("store daySummaries vs raw same SQL", mine, same);
    line("store vs raw GROUP BY local_day on episodes", mine, groupDay);
    line("store vs raw GROUP BY date text on episodes", mine, groupDate);
}

void benchOpen(const std::string& path) {
    auto viaStore = repeat(50, [&] { openStore(path); });
    auto minimal = repeat(50, [&] {
        sqlite3* db = rawOpen(path, SQLITE_OPEN_READWRITE);
        rawExec(db, kPragmas);
        rawExec(db, "PRAGMA user_version");
        sqlite3_close(db);
    });
    auto sameSql = repeat(50, [&] {
        sqlite3* check = rawOpen(path, SQLITE_OPEN_READONLY);
        rawExec(check, "SELECT count(*) FROM sqlite_schema; PRAGMA application_id; PRAGMA user_version; "
                       "PRAGMA quick_check(1);");
        sqlite3_close(check);
        sqlite3* db = rawOpen(path, SQLITE_OPEN_READWRITE);
        rawExec(db, kPragmas);
        rawExec(db, "PRAGMA foreign_keys; PRAGMA user_version; PRAGMA data_version");
        sqlite3_close(db);
    });
    const double mine = stats(viaStore).median;
    std::printf("Open + migrate (up to date), median of 50\n");
    line("store vs raw open + pragmas", mine, stats(minimal).median);
    line("store vs raw same SQL (incl. quick_check)", mine, stats(sameSql).median);
}

}  // namespace

int main() {
    char pattern[] = "/tmp/kneelog-bench-XXXXXX";
    const char* made = ::mkdtemp(pattern);
    if (!made) fail("cannot make a temp folder");
    const std::string dir = made;
    const std::string path = dir + "/journal.db";
    std::printf("KneeLog db benchmark (SQLite %s) in %s\n", sqlite3_libversion(), dir.c_str());
    benchImport(dir, path);
    benchAdd(path);
    benchAggregate(path);
    benchOpen(path);
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
    return 0;
}
