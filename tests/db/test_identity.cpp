// Issue 16: entry ids (UUID v4) and edit times. The migration gives every entry of an older
// journal an id and changes nothing else; the store keeps ids, edit times, tombstones, kept
// versions and merges (all or nothing).
#include <sqlite3.h>

#include <set>

#include "core/crypto/random.hpp"
#include "core/journal.hpp"
#include "db/migrations.hpp"
#include "db_test_support.hpp"

using core::CivilDate;
using core::DateRange;
using dbtest::episodeAt;
using dbtest::openStore;

namespace {

// Every row of the tables an older journal has, as text, in a fixed order.
std::string dumpOldTables(db::Connection& conn) {
    std::string out;
    const std::pair<const char*, int> queries[] = {
        {"SELECT id, started_local, utc_offset_minutes, started_utc, local_day, recorded_utc, side, pain, pain_type, "
         "onset, note, medication, deleted_utc, leg, temperature_tenths, relief FROM episodes ORDER BY id", 16},
        {"SELECT episode_id, name FROM episode_symptoms ORDER BY 1, 2", 2},
        {"SELECT episode_id, name FROM episode_contexts ORDER BY 1, 2", 2},
        {"SELECT episode_id, name FROM episode_care ORDER BY 1, 2", 2},
        {"SELECT episode_id, name FROM episode_where ORDER BY 1, 2", 2},
        {"SELECT id, answered_local, utc_offset_minutes, answered_utc, local_day, recorded_utc, pain, enjoyment, "
         "activity FROM peg_checkins ORDER BY id", 9},
        {"SELECT id, episode_id, level, rule_ids, from_history, shown_utc, acknowledged_utc FROM alerts ORDER BY id", 7},
        {"SELECT key, value FROM settings ORDER BY key", 2},
        {"SELECT local_day, episodes, max_pain, pain_sum, swelling FROM day_summary ORDER BY local_day", 5}};
    for (const auto& [sql, columns] : queries) {
        auto stmt = db::Statement::prepare(conn, sql, "test");
        REQUIRE(stmt.ok());
        for (;;) {
            auto row = stmt->step();
            REQUIRE(row.ok());
            if (!*row) break;
            for (int c = 0; c < columns; ++c) out += (stmt->columnIsNull(c) ? std::string("NULL") : stmt->columnText(c)) + "|";
            out += "\n";
        }
        out += "--\n";
    }
    return out;
}

}  // namespace

// The journal just before issue 16's step (kVersionBundles): with the knee map's regions, relief
// ratings and a weekly check-in (steps 4 and 5), all of which must come through unchanged.
TEST_CASE("The migration to entry ids gives each old entry its own UUID and changes nothing else", "[db][bundle]") {
    dbtest::TempDir dir;
    const std::string path = dir.file("older.db");
    std::string before;
    {
        auto conn = db::Connection::open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        REQUIRE(conn.ok());
        REQUIRE(db::migrateTo(*conn, db::kVersionBundles - 1).ok());
        REQUIRE(conn->exec(R"sql(
INSERT INTO episodes (id, started_local, utc_offset_minutes, started_utc, local_day, recorded_utc, side, pain,
                      pain_type, onset, note, medication, deleted_utc, leg, temperature_tenths, relief) VALUES
 (1, '2026-03-01T08:00:00', 60, 1772348400, 20513, 1772348500, 'left', 4, 'dull', 'gradual', 'première', '', NULL, '', NULL, NULL),
 (2, '2026-03-01T21:15:00', 60, 1772396100, 20513, 1772396200, 'left', 6, '', '', '', 'ibuprofen 400 mg', NULL, 'left', 384, 2),
 (3, '2026-03-02T09:00:00', 60, 1772438400, 20514, 1772438500, '', 9, '', '', '', '', 1772440000, '', NULL, NULL);
INSERT INTO episode_symptoms VALUES (2, 'swelling'), (2, 'warmth'), (3, 'swelling');
INSERT INTO episode_contexts VALUES (1, 'stairs');
INSERT INTO episode_care VALUES (2, 'ice');
INSERT INTO episode_where VALUES (1, 'inner'), (2, 'centre'), (2, 'outer');
INSERT INTO peg_checkins VALUES (1, '2026-03-02T10:00:00', 60, 1772442000, 20514, 1772442100, 5, 4, 6);
INSERT INTO alerts (episode_id, level, rule_ids, from_history, shown_utc, acknowledged_utc)
    VALUES (2, 2, 'S4', 0, 1772396200, 1772396300);
INSERT INTO day_summary VALUES (20513, 2, 6, 10, 1);
INSERT INTO settings VALUES ('region', 'uk');
)sql",
                           "test")
                    .ok());
        before = dumpOldTables(*conn);
    }
    auto store = openStore(path);  // upgrades
    auto all = store->allEpisodes();
    REQUIRE(all.ok());
    REQUIRE(all->size() == 3);
    std::set<std::string> uids;
    for (const core::Episode& e : *all) {
        CHECK(core::crypto::isUuid(e.uid));
        CHECK(e.uid[14] == '4');  // version 4
        CHECK(e.editedAtUtc == e.recordedAtUtc);
        uids.insert(e.uid);
    }
    CHECK(uids.size() == 3);
    CHECK((*all)[2].deletedAtUtc == std::optional<int64_t>(1772440000));  // the tombstone stays one
    CHECK((*all)[1].where == std::vector<std::string>{"centre", "outer"});
    CHECK((*all)[1].relief == std::optional<int>(2));
    CHECK(store->pegEntries(DateRange{})->size() == 1);
    CHECK(store->episodeHistory()->empty());
    auto conn = db::Connection::open(path, SQLITE_OPEN_READONLY);
    REQUIRE(conn.ok());
    CHECK(*db::schemaVersion(*conn) == db::kSchemaVersion);
    CHECK(dumpOldTables(*conn) == before);
}

TEST_CASE("The store gives new entries an id, keeps a given one, and an edit or restore moves the edit time", "[db][bundle]") {
    auto store = openStore(":memory:");
    core::Episode e = episodeAt(CivilDate{2026, 3, 1}, 8, 0, 3);
    e.recordedAtUtc = 1772348500;
    auto id = store->addEpisode(e, {});
    REQUIRE(id.ok());
    auto stored = store->episode(*id)->value();
    CHECK(core::crypto::isUuid(stored.uid));
    CHECK(stored.editedAtUtc == 1772348500);

    e.uid = "0b6f1c8e-2a3d-4e5f-8a9b-0c1d2e3f4a5b";
    e.editedAtUtc = 1772349999;
    auto second = store->addEpisode(e, {});
    REQUIRE(second.ok());
    CHECK(store->episode(*second)->value().uid == e.uid);
    CHECK(store->episode(*second)->value().editedAtUtc == 1772349999);
    // The same uid twice is refused: one entry, one id.
    CHECK_FALSE(store->addEpisode(e, {}).ok());

    stored.pain = 5;
    stored.uid = "";  // an update never changes the uid
    stored.editedAtUtc = 1772350000;
    REQUIRE(store->updateEpisode(stored, {}).ok());
    CHECK(store->episode(*id)->value().uid == store->allEpisodes()->front().uid);
    CHECK(core::crypto::isUuid(store->episode(*id)->value().uid));
    CHECK(store->episode(*id)->value().editedAtUtc == 1772350000);
    REQUIRE(store->softDelete(*id, 1772350100).ok());
    CHECK(store->episode(*id)->value().editedAtUtc == 1772350000);  // a deletion is not an edit
    REQUIRE(store->undelete(*id, 1772350200).ok());
    CHECK(store->episode(*id)->value().editedAtUtc == 1772350200);  // a restore is
}

TEST_CASE("A merge is written in one transaction: a failing part leaves the journal as it was", "[db][bundle]") {
    auto store = openStore(":memory:");
    core::Episode e = episodeAt(CivilDate{2026, 3, 1}, 8, 0, 3);
    e.recordedAtUtc = 1772348500;
    auto id = store->addEpisode(e, {});
    REQUIRE(id.ok());
    const auto before = store->allEpisodes().value();

    core::MergeWrite w;
    core::Episode fresh = episodeAt(CivilDate{2026, 3, 2}, 9, 0, 4);
    fresh.uid = core::crypto::newUuid();
    w.add.emplace_back(fresh, std::vector<core::Alert>{});
    core::Episode changed = before.front();
    changed.pain = 8;
    changed.editedAtUtc = 1772400000;
    w.update.push_back(changed);
    w.history.push_back({changed.uid, 1772348500, "{}", 1772400001});
    w.settings.emplace_back("region", "ie");
    core::PegEntry checkin;
    checkin.at = core::LocalDateTime{CivilDate{2026, 3, 2}, 20, 0, 0, 60};
    checkin.recordedAtUtc = 1772478000;
    checkin.pain = 5;
    checkin.enjoyment = 4;
    checkin.activity = 6;
    checkin.id = 77;  // ignored: the store gives its own
    w.addPeg.push_back(checkin);
    core::Episode missing = changed;
    missing.id = 999;  // no such entry: the whole merge must fail
    w.update.push_back(missing);
    auto r = store->applyMerge(w);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("Nothing was imported") != std::string::npos);
    CHECK(store->allEpisodes().value() == before);
    CHECK(store->episodeHistory()->empty());
    CHECK_FALSE(store->setting("region")->has_value());
    CHECK(store->pegEntries(DateRange{})->empty());

    w.update.pop_back();
    REQUIRE(store->applyMerge(w).ok());
    auto after = store->allEpisodes().value();
    REQUIRE(after.size() == 2);
    CHECK(after[0].pain == 8);
    CHECK(after[1].uid == fresh.uid);
    CHECK(store->episodeHistory()->size() == 1);
    CHECK(*store->setting("region") == std::optional<std::string>("ie"));
    auto checkins = store->pegEntries(DateRange{});
    REQUIRE(checkins->size() == 1);
    checkin.id = checkins->front().id;
    CHECK(checkins->front() == checkin);
    auto days = store->daySummaries(DateRange{});
    REQUIRE(days->size() == 2);
    CHECK((*days)[0].maxPain == 8);
    CHECK(store->check().ok());
    // "Delete all my data" deletes the kept versions too.
    REQUIRE(store->wipe().ok());
    CHECK(store->episodeHistory()->empty());
    CHECK(store->allEpisodes()->empty());
    CHECK(store->pegEntries(DateRange{})->empty());
}
