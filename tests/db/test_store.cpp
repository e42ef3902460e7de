// The SQLite journal store against the JournalRepository contract, on :memory: where possible;
// file modes and a second connection on real files in a temp folder.
#include <algorithm>
#include <map>

#include "core/demo.hpp"
#include "core/journal.hpp"
#include "core/triage.hpp"
#include "core/crypto/random.hpp"
#include "db_test_support.hpp"

using core::CivilDate;
using core::DateRange;
using core::Episode;
using dbtest::episodeAt;
using dbtest::openStore;

namespace {

const CivilDate kDay1{2026, 3, 1};
const CivilDate kDay2{2026, 3, 2};
const CivilDate kDay3{2026, 3, 3};

Episode fullEpisode() {
    Episode e;
    e.startedAt = core::LocalDateTime{{2026, 3, 14}, 18, 30, 45, -300};
    e.recordedAtUtc = 1773532800;
    e.side = "both";
    e.pain = 6;
    e.painType = "throbbing";
    e.onset = "sudden";
    e.when = {"bending", "night", "stairs"};
    e.symptoms = {"calf_pain", "stiffness", "swelling", "warmth"};
    e.care = {"ice", "medication", "rest"};
    e.medication = "ibuprofen 400 mg";
    e.note = "After the stairs at work.\nIce helped.";
    return e;
}

int64_t add(db::JournalStore& store, const Episode& e, const std::vector<core::Alert>& alerts = {}) {
    auto id = store.addEpisode(e, alerts);
    INFO((id ? std::string() : id.error().message));
    REQUIRE(id.ok());
    return *id;
}

core::Alert alertOf(core::Level level, std::vector<std::string> rules, int64_t shown, bool history = false) {
    core::Alert a;
    a.level = level;
    a.ruleIds = std::move(rules);
    a.shownAtUtc = shown;
    a.fromHistory = history;
    return a;
}

}  // namespace

TEST_CASE("An episode round-trips through the store field for field", "[db]") {
    auto store = openStore(":memory:");
    const Episode e = fullEpisode();
    const int64_t id = add(*store, e);
    CHECK(id > 0);
    auto back = store->episode(id);
    REQUIRE(back.ok());
    REQUIRE(back->has_value());
    Episode expected = e;
    expected.id = id;
    expected.uid = (*back)->uid;  // given by the store: a random UUID v4
    expected.editedAtUtc = e.recordedAtUtc;
    CHECK(core::crypto::isUuid((*back)->uid));
    CHECK(**back == expected);
    CHECK((*back)->when == std::vector<std::string>{"bending", "night", "stairs"});
    CHECK((*back)->symptoms.size() == 4);
    CHECK((*back)->care == std::vector<std::string>{"ice", "medication", "rest"});
    CHECK((*back)->startedAt.offsetMinutes == -300);
    CHECK((*back)->startedAt.second == 45);

    auto missing = store->episode(id + 100);
    REQUIRE(missing.ok());
    CHECK_FALSE(missing->has_value());
}

TEST_CASE("Episodes page newest first and ranges are inclusive local days", "[db]") {
    auto store = openStore(":memory:");
    // Added out of order; 00:30 at +02:00 is the previous day in UTC but belongs to its local day.
    const int64_t b = add(*store, episodeAt(kDay2, 9, 0, 3));
    const int64_t a = add(*store, episodeAt(kDay1, 20, 0, 2));
    const int64_t c = add(*store, episodeAt(kDay2, 18, 0, 4));
    const int64_t d = add(*store, episodeAt(kDay3, 0, 30, 5, 120));

    auto all = store->episodes(DateRange{}, 10, 0);
    REQUIRE(all.ok());
    std::vector<int64_t> ids;
    for (const Episode& e : *all) ids.push_back(e.id);
    CHECK(ids == std::vector<int64_t>{d, c, b, a});

    auto page2 = store->episodes(DateRange{}, 2, 2);
    REQUIRE(page2.ok());
    REQUIRE(page2->size() == 2);
    CHECK((*page2)[0].id == b);
    CHECK((*page2)[1].id == a);

    auto day2 = store->episodes(DateRange{kDay2, kDay2}, 10, 0);
    REQUIRE(day2.ok());
    CHECK(day2->size() == 2);
    auto fromDay2 = store->countEpisodes(DateRange{kDay2, std::nullopt});
    auto toDay2 = store->countEpisodes(DateRange{std::nullopt, kDay2});
    auto day3 = store->countEpisodes(DateRange{kDay3, kDay3});
    REQUIRE((fromDay2.ok() && toDay2.ok() && day3.ok()));
    CHECK(*fromDay2 == 3);
    CHECK(*toDay2 == 3);
    CHECK(*day3 == 1);
}

TEST_CASE("Day summaries match hand-computed counts, maxima and means through every change", "[db]") {
    auto store = openStore(":memory:");
    Episode swollen = episodeAt(kDay1, 8, 0, 2);
    swollen.symptoms = {"swelling"};
    const int64_t s = add(*store, swollen);
    add(*store, episodeAt(kDay1, 12, 0, 7));
    add(*store, episodeAt(kDay1, 20, 0, 3));
    const int64_t moved = add(*store, episodeAt(kDay2, 9, 0, 5));

    auto days = store->daySummaries(DateRange{});
    REQUIRE(days.ok());
    REQUIRE(days->size() == 2);
    CHECK((*days)[0].day == kDay1);
    CHECK((*days)[0].episodes == 3);
    CHECK((*days)[0].maxPain == 7);
    CHECK((*days)[0].meanPain == Approx(4.0));
    CHECK((*days)[0].swelling);
    CHECK((*days)[1].day == kDay2);
    CHECK((*days)[1].meanPain == Approx(5.0));
    CHECK_FALSE((*days)[1].swelling);

    // Moving an episode to another day, deleting the swollen one, then undeleting it.
    Episode edit = *store->episode(moved).value();
    edit.startedAt.date = kDay1;
    edit.pain = 9;
    REQUIRE(store->updateEpisode(edit, {}).ok());
    REQUIRE(store->softDelete(s, 100).ok());
    days = store->daySummaries(DateRange{});
    REQUIRE(days.ok());
    REQUIRE(days->size() == 1);
    CHECK((*days)[0].episodes == 3);
    CHECK((*days)[0].maxPain == 9);
    CHECK((*days)[0].meanPain == Approx((7 + 3 + 9) / 3.0));
    CHECK_FALSE((*days)[0].swelling);
    REQUIRE(store->undelete(s, 1000).ok());
    days = store->daySummaries(DateRange{kDay1, kDay1});
    REQUIRE(days.ok());
    REQUIRE(days->size() == 1);
    CHECK((*days)[0].episodes == 4);
    CHECK((*days)[0].meanPain == Approx(21 / 4.0));
    CHECK((*days)[0].swelling);
}

TEST_CASE("Symptom and context counts cover the range and skip deleted episodes", "[db]") {
    auto store = openStore(":memory:");
    Episode a = episodeAt(kDay1, 8, 0, 2);
    a.symptoms = {"stiffness", "swelling"};
    a.when = {"stairs"};
    Episode b = episodeAt(kDay2, 8, 0, 2);
    b.symptoms = {"swelling"};
    b.when = {"stairs", "walking"};
    Episode c = episodeAt(kDay3, 8, 0, 2);
    c.symptoms = {"popping"};
    add(*store, a);
    const int64_t bid = add(*store, b);
    add(*store, c);

    auto symptoms = store->symptomCounts(DateRange{kDay1, kDay2});
    REQUIRE(symptoms.ok());
    REQUIRE(symptoms->size() == 2);
    CHECK((*symptoms)[0].name == "swelling");
    CHECK((*symptoms)[0].count == 2);
    CHECK((*symptoms)[1].name == "stiffness");
    CHECK((*symptoms)[1].count == 1);
    auto contexts = store->contextCounts(DateRange{});
    REQUIRE(contexts.ok());
    REQUIRE(contexts->size() == 2);
    CHECK((*contexts)[0].name == "stairs");
    CHECK((*contexts)[0].count == 2);

    REQUIRE(store->softDelete(bid, 5).ok());
    symptoms = store->symptomCounts(DateRange{});
    REQUIRE(symptoms.ok());
    std::map<std::string, int> byName;
    for (const auto& n : *symptoms) byName[n.name] = n.count;
    CHECK(byName == std::map<std::string, int>{{"popping", 1}, {"stiffness", 1}, {"swelling", 1}});
}

TEST_CASE("Alerts are stored with their episode, listed, and acknowledged once", "[db]") {
    auto store = openStore(":memory:");
    const int64_t quiet = add(*store, episodeAt(kDay1, 8, 0, 2));
    const int64_t e = add(*store, episodeAt(kDay2, 8, 0, 8),
                          {alertOf(core::Level::Urgent, {"U4", "U3"}, 1000),
                           alertOf(core::Level::Soon, {"H2"}, 1001, true)});
    CHECK(quiet != e);

    auto all = store->alerts(DateRange{});
    REQUIRE(all.ok());
    REQUIRE(all->size() == 2);
    CHECK((*all)[0].ruleIds == std::vector<std::string>{"H2"});
    CHECK((*all)[0].fromHistory);
    CHECK((*all)[1].episodeId == e);
    CHECK((*all)[1].level == core::Level::Urgent);
    CHECK((*all)[1].ruleIds == std::vector<std::string>{"U4", "U3"});
    CHECK((*all)[1].shownAtUtc == 1000);
    CHECK_FALSE((*all)[1].acknowledgedAtUtc.has_value());
    auto none = store->alerts(DateRange{kDay1, kDay1});
    REQUIRE(none.ok());
    CHECK(none->empty());

    auto pending = store->pendingAlerts(core::Level::Urgent);
    REQUIRE(pending.ok());
    REQUIRE(pending->size() == 1);
    const int64_t urgent = (*pending)[0].id;
    REQUIRE(store->acknowledgeAlert(urgent, 2000).ok());
    REQUIRE(store->acknowledgeAlert(urgent, 3000).ok());
    pending = store->pendingAlerts(core::Level::Urgent);
    REQUIRE(pending.ok());
    CHECK(pending->empty());
    all = store->alerts(DateRange{});
    REQUIRE(all.ok());
    CHECK((*all)[1].acknowledgedAtUtc == std::optional<int64_t>(2000));
    auto missing = store->acknowledgeAlert(urgent + 50, 1);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == core::ErrorCode::NotFound);
}

TEST_CASE("Updating an episode keeps an unchanged alert's acknowledgement and replaces the rest", "[db]") {
    auto store = openStore(":memory:");
    const int64_t id = add(*store, episodeAt(kDay1, 8, 0, 8),
                           {alertOf(core::Level::Urgent, {"U4"}, 1000), alertOf(core::Level::Soon, {"H1"}, 1000, true)});
    auto pending = store->pendingAlerts(core::Level::Urgent);
    REQUIRE(pending.ok());
    REQUIRE(pending->size() == 1);
    REQUIRE(store->acknowledgeAlert((*pending)[0].id, 1500).ok());

    Episode e = *store->episode(id).value();
    e.note = "edited";
    REQUIRE(store->updateEpisode(e, {alertOf(core::Level::Urgent, {"U4"}, 2000)}).ok());
    auto after = store->alerts(DateRange{});
    REQUIRE(after.ok());
    REQUIRE(after->size() == 2);  // the kept U4 and the untouched H1
    const auto u4 = std::find_if(after->begin(), after->end(), [](auto& a) { return !a.fromHistory; });
    REQUIRE(u4 != after->end());
    CHECK(u4->acknowledgedAtUtc == std::optional<int64_t>(1500));
    CHECK(u4->shownAtUtc == 1000);

    e.symptoms = {"fever", "swelling"};
    REQUIRE(store->updateEpisode(e, {alertOf(core::Level::Urgent, {"U3", "U4"}, 3000)}).ok());
    after = store->alerts(DateRange{});
    REQUIRE(after.ok());
    REQUIRE(after->size() == 2);
    CHECK((*after)[0].ruleIds == std::vector<std::string>{"U3", "U4"});
    CHECK_FALSE((*after)[0].acknowledgedAtUtc.has_value());

    REQUIRE(store->updateEpisode(e, {}).ok());
    after = store->alerts(DateRange{});
    REQUIRE(after.ok());
    REQUIRE(after->size() == 1);
    CHECK(after->front().fromHistory);

    e.id = 999;
    auto missing = store->updateEpisode(e, {});
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == core::ErrorCode::NotFound);
}

TEST_CASE("A soft-deleted episode is hidden everywhere except episode(id) until undeleted", "[db]") {
    auto store = openStore(":memory:");
    Episode e = episodeAt(kDay1, 8, 0, 8);
    e.symptoms = {"swelling"};
    const int64_t id = add(*store, e, {alertOf(core::Level::Urgent, {"U4"}, 10)});
    REQUIRE(store->softDelete(id, 777).ok());

    auto one = store->episode(id);
    REQUIRE(one.ok());
    REQUIRE(one->has_value());
    CHECK((*one)->deletedAtUtc == std::optional<int64_t>(777));
    CHECK(store->episodes(DateRange{}, 10, 0)->empty());
    CHECK(*store->countEpisodes(DateRange{}) == 0);
    CHECK(store->daySummaries(DateRange{})->empty());
    CHECK(store->symptomCounts(DateRange{})->empty());
    CHECK(store->alerts(DateRange{})->empty());
    CHECK(store->pendingAlerts(core::Level::SelfCare)->empty());

    REQUIRE(store->undelete(id, 1000).ok());
    CHECK(store->episodes(DateRange{}, 10, 0)->size() == 1);
    CHECK_FALSE(store->episode(id)->value().deletedAtUtc.has_value());
    CHECK(store->pendingAlerts(core::Level::Urgent)->size() == 1);
    CHECK(store->softDelete(id + 1, 1).error().code == core::ErrorCode::NotFound);
    CHECK(store->undelete(id + 1, 1000).error().code == core::ErrorCode::NotFound);
}

TEST_CASE("Settings are stored, read back and replaced", "[db]") {
    auto store = openStore(":memory:");
    auto none = store->setting("emergency_number");
    REQUIRE(none.ok());
    CHECK_FALSE(none->has_value());
    REQUIRE(store->setSetting("emergency_number", "999").ok());
    REQUIRE(store->setSetting("emergency_number", "112").ok());
    auto value = store->setting("emergency_number");
    REQUIRE(value.ok());
    CHECK(*value == std::optional<std::string>("112"));

    core::Journal journal(*store, [] { return int64_t{1773532800}; });
    CHECK(journal.region().empty());  // 112 was the default before v2: no region is read into it
}

TEST_CASE("A value the schema refuses comes back as Invalid and nothing is stored", "[db]") {
    auto store = openStore(":memory:");
    Episode bad = episodeAt(kDay1, 8, 0, 11);
    bad.symptoms = {"swelling"};
    auto r = store->addEpisode(bad, {});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == core::ErrorCode::Invalid);
    CHECK(r.error().message.find("Could not save the episode") != std::string::npos);
    CHECK(*store->countEpisodes(DateRange{}) == 0);
    CHECK(store->symptomCounts(DateRange{})->empty());
    CHECK(store->check().ok());
}

TEST_CASE("Batch import stores every episode and alert, or nothing when one entry is bad", "[db]") {
    auto store = openStore(":memory:");
    const auto demo = core::demoEpisodes(CivilDate{2025, 12, 31}, 365, 7, 60);
    db::EpisodeBatch batch;
    int alerts = 0;
    for (const Episode& e : demo) {
        const auto t = core::triageEpisode(e);
        std::vector<core::Alert> list;
        if (t.level > core::Level::SelfCare) {
            list.push_back(alertOf(t.level, t.ruleIds, e.recordedAtUtc));
            ++alerts;
        }
        batch.emplace_back(e, list);
    }
    REQUIRE(store->addEpisodes(batch, {}).ok());
    CHECK(*store->countEpisodes(DateRange{}) == static_cast<int64_t>(demo.size()));
    CHECK(store->alerts(DateRange{})->size() == static_cast<std::size_t>(alerts));
    CHECK(store->check().ok());

    // The per-day summary kept by the store equals the one computed from the episodes.
    const auto expected = core::historyDays(demo);
    auto history = store->historyDays(CivilDate{2025, 1, 1}, CivilDate{2025, 12, 31});
    REQUIRE(history.ok());
    REQUIRE(history->size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        CHECK((*history)[i].day == expected[i].day);
        CHECK((*history)[i].episodes == expected[i].episodes);
        CHECK((*history)[i].maxPain == expected[i].maxPain);
        CHECK((*history)[i].meanPain == Approx(expected[i].meanPain));
        CHECK((*history)[i].swelling == expected[i].swelling);
    }

    db::EpisodeBatch broken = {{episodeAt(kDay1, 8, 0, 3), {}}, {episodeAt(kDay1, 9, 0, 12), {}}};
    auto r = store->addEpisodes(broken, {});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("Entry 2 of 2") != std::string::npos);
    CHECK(*store->countEpisodes(DateRange{kDay1, kDay1}) == 0);
}

TEST_CASE("The demo history is deterministic, valid and realistic", "[db]") {
    const CivilDate last{2025, 12, 31};
    const auto a = core::demoEpisodes(last, 3650, 42, 60);
    const auto b = core::demoEpisodes(last, 3650, 42, 60);
    const auto c = core::demoEpisodes(last, 3650, 43, 60);
    CHECK(a == b);
    CHECK(a != c);
    REQUIRE(a.size() > 3000);
    CHECK(a.size() < 3650 * 3);
    CHECK(a.front().startedAt.date >= core::addDays(last, -3649));
    CHECK(a.back().startedAt.date == last);

    std::map<CivilDate, int> perDay;
    int urgent = 0, notes = 0, accented = 0, swelling = 0;
    const int64_t farFuture = core::toUtcSeconds(core::LocalDateTime{{2100, 1, 1}, 0, 0, 0, 0});
    for (const Episode& e : a) {
        INFO(core::formatIso(e.startedAt));
        const auto valid = core::validate(e, farFuture);
        INFO((valid ? std::string() : valid.error().message));
        REQUIRE(valid.ok());
        ++perDay[e.startedAt.date];
        if (core::triageEpisode(e).level >= core::Level::Urgent) ++urgent;
        if (!e.note.empty()) ++notes;
        if (std::any_of(e.note.begin(), e.note.end(), [](char ch) { return static_cast<unsigned char>(ch) >= 0x80; }))
            ++accented;
        if (e.hasSymptom("swelling")) ++swelling;
    }
    for (const auto& [day, n] : perDay) CHECK((n >= 1 && n <= 4));
    CHECK(perDay.size() < 3650);  // quiet days with nothing logged
    CHECK(urgent >= 10);          // a few red flags a year ...
    CHECK(urgent <= 150);         // ... not every week
    CHECK(notes > 100);
    CHECK(accented > 10);
    CHECK(swelling > 300);
}

TEST_CASE("A new journal file is created 0600 in a new 0700 folder", "[db]") {
    dbtest::TempDir dir;
    const std::string folder = dir.file("nested/kneelog");
    const std::string path = folder + "/journal.db";
    {
        auto store = openStore(path);
        add(*store, episodeAt(kDay1, 8, 0, 3));
        CHECK(dbtest::modeOf(path) == 0600u);
        CHECK(dbtest::modeOf(folder) == 0700u);
        CHECK(dbtest::modeOf(dir.file("nested")) == 0700u);
        CHECK(dbtest::modeOf(path + "-wal") == 0600u);
        CHECK(dbtest::modeOf(path + "-shm") == 0600u);
        CHECK(store->path() == path);
    }
    auto again = openStore(path);
    CHECK(*again->countEpisodes(DateRange{}) == 1);
}

TEST_CASE("dataVersion changes on every write and when a second connection writes", "[db]") {
    dbtest::TempDir dir;
    const std::string path = dir.file("journal.db");
    auto first = openStore(path);
    auto second = openStore(path);
    const uint64_t v0 = first->dataVersion();
    CHECK(first->dataVersion() == v0);  // reading changes nothing
    const int64_t id = add(*first, episodeAt(kDay1, 8, 0, 3));
    const uint64_t v1 = first->dataVersion();
    CHECK(v1 != v0);
    REQUIRE(first->setSetting("k", "v").ok());
    CHECK(first->dataVersion() != v1);

    const uint64_t seenBySecond = second->dataVersion();
    const uint64_t firstBefore = first->dataVersion();
    REQUIRE(second->softDelete(id, 5).ok());
    CHECK(second->dataVersion() != seenBySecond);
    CHECK(first->dataVersion() != firstBefore);
    const uint64_t settled = first->dataVersion();
    CHECK(first->dataVersion() == settled);
}

TEST_CASE("Side and pain type counts are grouped in SQL and skip deleted episodes", "[db]") {
    auto store = openStore(":memory:");
    Episode a = episodeAt(kDay1, 8, 0, 2);
    a.side = "left";
    a.painType = "dull";
    Episode b = episodeAt(kDay1, 9, 0, 3);
    b.side = "left";
    Episode c = episodeAt(kDay2, 8, 0, 4);
    c.side = "right";
    c.painType = "dull";
    add(*store, a);
    add(*store, b);
    const int64_t cid = add(*store, c);
    Episode d = episodeAt(kDay3, 8, 0, 4);  // outside the range
    d.side = "both";
    add(*store, d);

    auto sides = store->sideCounts(DateRange{kDay1, kDay2});
    REQUIRE(sides.ok());
    REQUIRE(sides->size() == 2);
    CHECK((*sides)[0].name == "left");
    CHECK((*sides)[0].count == 2);
    CHECK((*sides)[1].name == "right");
    CHECK((*sides)[1].count == 1);
    auto types = store->painTypeCounts(DateRange{kDay1, kDay2});
    REQUIRE(types.ok());
    REQUIRE(types->size() == 2);
    CHECK((*types)[0].name == "dull");
    CHECK((*types)[0].count == 2);
    CHECK((*types)[1].name.empty());  // not given
    REQUIRE(store->softDelete(cid, 1).ok());
    auto after = store->sideCounts(DateRange{kDay1, kDay2});
    REQUIRE(after.ok());
    CHECK(after->size() == 1);
}

TEST_CASE("Episodes are found by text in their note, case-insensitively and without wildcards", "[db]") {
    auto store = openStore(":memory:");
    Episode a = episodeAt(kDay1, 8, 0, 2);
    a.note = "Stairs at WORK were hard";
    Episode b = episodeAt(kDay2, 8, 0, 3);
    b.note = "50% better after ice_pack";
    Episode c = episodeAt(kDay3, 8, 0, 4);
    c.note = "work again";
    add(*store, a);
    add(*store, b);
    add(*store, c);
    auto work = store->episodesWithNote({}, "work", 10, 0);
    REQUIRE(work.ok());
    REQUIRE(work->size() == 2);
    CHECK(work->front().note == "work again");  // newest first
    CHECK(store->episodesWithNote(DateRange{kDay1, kDay2}, "work", 10, 0)->size() == 1);
    CHECK(store->episodesWithNote({}, "%", 10, 0)->size() == 1);       // a literal percent sign
    CHECK(store->episodesWithNote({}, "ice_pack", 10, 0)->size() == 1);
    CHECK(store->episodesWithNote({}, "i_e", 10, 0)->empty());         // _ is not a wildcard ("ice")
    CHECK(store->episodesWithNote({}, "work", 1, 1)->size() == 1);     // paged
}
