// Migrations from every older journal format, built by hand here, to the newest; and the refusal
// of a journal written by a newer KneeLog.
#include <sqlite3.h>

#include "core/journal.hpp"
#include "db/migrations.hpp"
#include "db_test_support.hpp"

using core::CivilDate;
using core::DateRange;
using dbtest::episodeAt;
using dbtest::openStore;

namespace {

const CivilDate kDay1{2026, 3, 1};

void addOne(db::JournalStore& store) {
    auto id = store.addEpisode(episodeAt(kDay1, 8, 0, 3), {});
    INFO((id ? std::string() : id.error().message));
    REQUIRE(id.ok());
}

}  // namespace

TEST_CASE("An empty version-0 journal is upgraded to the newest schema", "[db]") {
    dbtest::TempDir dir;
    const std::string empty = dir.file("empty.db");
    dbtest::writeBytes(empty, "");
    const std::string blank = dir.file("blank.db");
    {
        auto conn = db::Connection::open(blank, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        REQUIRE(conn.ok());
        REQUIRE(conn->exec("CREATE TABLE t (x); DROP TABLE t;", "test").ok());
        CHECK(*db::schemaVersion(*conn) == 0);
    }
    for (const std::string& path : {empty, blank}) {
        {
            auto store = openStore(path);
            addOne(*store);
            CHECK(store->daySummaries(DateRange{})->size() == 1);
        }
        auto conn = db::Connection::open(path, SQLITE_OPEN_READONLY);
        REQUIRE(conn.ok());
        CHECK(*db::schemaVersion(*conn) == db::kSchemaVersion);
        CHECK(*conn->queryInt("PRAGMA application_id", "test") == db::kApplicationId);
    }
}

TEST_CASE("A version-1 journal is upgraded with its data intact and its day summaries right", "[db]") {
    dbtest::TempDir dir;
    const std::string path = dir.file("v1.db");
    {
        auto conn = db::Connection::open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        REQUIRE(conn.ok());
        REQUIRE(db::migrateTo(*conn, 1).ok());
        REQUIRE(*db::schemaVersion(*conn) == 1);
        // Rows as KneeLog 1 wrote them: 2026-03-01 (days 20513) twice, 2026-03-02 once, one deleted.
        REQUIRE(conn->exec(R"sql(
INSERT INTO episodes (id, started_local, utc_offset_minutes, started_utc, local_day, recorded_utc, side, pain,
                      pain_type, onset, note, medication, deleted_utc) VALUES
 (1, '2026-03-01T08:00:00', 60, 1772348400, 20513, 1772348500, 'left', 4, 'dull', 'gradual', 'première', '', NULL),
 (2, '2026-03-01T21:15:00', 60, 1772396100, 20513, 1772396200, 'left', 6, '', '', '', 'ibuprofen 400 mg', NULL),
 (3, '2026-03-02T07:00:00', 60, 1772431200, 20514, 1772431300, '', 2, '', '', '', '', NULL),
 (4, '2026-03-02T09:00:00', 60, 1772438400, 20514, 1772438500, '', 9, '', '', '', '', 1772440000);
INSERT INTO episode_symptoms VALUES (2, 'swelling'), (2, 'warmth'), (4, 'swelling');
INSERT INTO episode_contexts VALUES (1, 'stairs');
INSERT INTO episode_care VALUES (2, 'ice'), (2, 'medication');
INSERT INTO alerts (episode_id, level, rule_ids, from_history, shown_utc) VALUES (2, 2, 'S4', 0, 1772396200);
INSERT INTO settings VALUES ('emergency_number', '999');
)sql",
                           "test")
                    .ok());
    }
    auto store = openStore(path);
    auto two = store->episode(2);
    REQUIRE(two.ok());
    REQUIRE(two->has_value());
    CHECK((*two)->startedAt == core::LocalDateTime{{2026, 3, 1}, 21, 15, 0, 60});
    CHECK((*two)->symptoms == std::vector<std::string>{"swelling", "warmth"});
    CHECK((*two)->care == std::vector<std::string>{"ice", "medication"});
    CHECK((*two)->medication == "ibuprofen 400 mg");
    CHECK(store->episode(1)->value().note == "première");
    CHECK(*store->countEpisodes(DateRange{}) == 3);
    CHECK(store->alerts(DateRange{})->size() == 1);
    CHECK(*store->setting("emergency_number") == std::optional<std::string>("999"));

    auto days = store->daySummaries(DateRange{});
    REQUIRE(days.ok());
    REQUIRE(days->size() == 2);
    CHECK((*days)[0].day == CivilDate{2026, 3, 1});
    CHECK((*days)[0].episodes == 2);
    CHECK((*days)[0].maxPain == 6);
    CHECK((*days)[0].meanPain == Approx(5.0));
    CHECK((*days)[0].swelling);
    CHECK((*days)[1].episodes == 1);
    CHECK((*days)[1].maxPain == 2);
    CHECK_FALSE((*days)[1].swelling);  // the swollen episode that day was deleted
    CHECK(store->check().ok());

    // v3 (red flags version 2): every old entry is still valid, with no leg and no temperature.
    for (int64_t id : {1, 2, 3}) {
        auto e = store->episode(id);
        REQUIRE(e.ok());
        REQUIRE(e->has_value());
        CHECK((*e)->leg.empty());
        CHECK_FALSE((*e)->temperatureTenths.has_value());
        CHECK(core::validate(**e, 1800000000).ok());
    }
    // The old emergency number still means its region to the journal service.
    core::Journal journal(*store, [] { return int64_t{1772500000}; });
    CHECK(journal.region() == "uk");
}

TEST_CASE("A journal from a newer KneeLog is refused and left byte for byte unchanged", "[db]") {
    dbtest::TempDir dir;
    const std::string path = dir.file("future.db");
    {
        auto store = openStore(path);
        addOne(*store);
    }
    {
        auto conn = db::Connection::open(path, SQLITE_OPEN_READWRITE);
        REQUIRE(conn.ok());
        REQUIRE(conn->exec("PRAGMA user_version = 99", "test").ok());
    }
    const std::string before = dbtest::readBytes(path);
    auto store = db::JournalStore::open(path);
    REQUIRE_FALSE(store.ok());
    CHECK(store.error().code == core::ErrorCode::TooNew);
    CHECK(store.error().message.find("newer KneeLog") != std::string::npos);
    CHECK(dbtest::readBytes(path) == before);

    auto conn = db::Connection::open(path, SQLITE_OPEN_READWRITE);
    REQUIRE(conn.ok());
    auto migrated = db::migrate(*conn);
    REQUIRE_FALSE(migrated.ok());
    CHECK(migrated.error().code == core::ErrorCode::TooNew);
}

// The knee map's step (issue 18, kVersionKneeMap): a journal written before the map
// keeps every entry as it was, with no region; new entries store theirs.
TEST_CASE("A journal from before the knee map gains it with every old entry unchanged and no region", "[db]") {
    dbtest::TempDir dir;
    const std::string path = dir.file("before-map.db");
    {
        auto conn = db::Connection::open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        REQUIRE(conn.ok());
        REQUIRE(db::migrateTo(*conn, db::kVersionKneeMap - 1).ok());
        REQUIRE(conn->exec(R"sql(
INSERT INTO episodes (id, started_local, utc_offset_minutes, started_utc, local_day, recorded_utc, side, pain,
                      pain_type, onset, note, medication, deleted_utc, leg, temperature_tenths) VALUES
 (1, '2026-03-01T08:00:00', 60, 1772348400, 20513, 1772348500, 'left', 4, 'dull', 'gradual', 'n', '', NULL, 'left', 383),
 (2, '2026-03-02T07:00:00', 60, 1772431200, 20514, 1772431300, '', 2, '', '', '', '', 1772440000, '', NULL);
INSERT INTO episode_symptoms VALUES (1, 'calf_pain');
INSERT INTO episode_contexts VALUES (1, 'stairs');
)sql",
                           "test")
                    .ok());
    }
    core::Episode one, two;
    {
        auto store = openStore(path);
        auto a = store->episode(1);
        auto b = store->episode(2);
        REQUIRE((a.ok() && a->has_value() && b.ok() && b->has_value()));
        one = **a;
        two = **b;
        CHECK(one.where.empty());
        CHECK(two.where.empty());
        CHECK(one.symptoms == std::vector<std::string>{"calf_pain"});
        CHECK(one.when == std::vector<std::string>{"stairs"});
        CHECK(one.leg == "left");
        CHECK(one.temperatureTenths == std::optional<int>(383));
        CHECK(one.note == "n");
        CHECK(two.deletedAtUtc == std::optional<int64_t>(1772440000));
        CHECK(store->check().ok());
        CHECK(store->whereCounts(DateRange{})->empty());
        // A new entry keeps its regions, and the count by region reads them.
        core::Episode e = episodeAt(kDay1, 9, 0, 5);
        e.where = {"below", "inner"};
        auto id = store->addEpisode(e, {});
        REQUIRE(id.ok());
        CHECK(store->episode(*id)->value().where == std::vector<std::string>{"below", "inner"});
        auto counts = store->whereCounts(DateRange{});
        REQUIRE(counts.ok());
        REQUIRE(counts->size() == 2);
        CHECK((*counts)[0].count == 1);
    }
    auto conn = db::Connection::open(path, SQLITE_OPEN_READONLY);
    REQUIRE(conn.ok());
    CHECK(*db::schemaVersion(*conn) == db::kSchemaVersion);
    // Reopening (no second upgrade) reads the old entries identically.
    auto store = openStore(path);
    CHECK(store->episode(1)->value() == one);
    CHECK(store->episode(2)->value() == two);
}
