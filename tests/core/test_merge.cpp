// The merge rules (app/core/merge_rules.md) on the pure merge(): one table row per rule, both
// directions where the rule is symmetric.
#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

#include "core/merge.hpp"

using namespace core;

namespace {

const std::string kUid = "5d4c3b2a-1f0e-4d9c-8b7a-695847362514";

Episode entry(int pain, int64_t edited, std::optional<int64_t> deleted = std::nullopt, std::string uid = kUid) {
    Episode e;
    e.id = 7;
    e.uid = std::move(uid);
    e.startedAt = LocalDateTime{{2026, 11, 20}, 9, 0, 0, 60};
    e.recordedAtUtc = 1000;
    e.pain = pain;
    e.editedAtUtc = edited;
    e.deletedAtUtc = deleted;
    return e;
}

JournalSnapshot with(std::vector<Episode> list) {
    JournalSnapshot s;
    s.episodes = std::move(list);
    return s;
}

// The entry as it is after the plan (the local one when the plan leaves it alone).
std::optional<Episode> after(const JournalSnapshot& local, const MergePlan& plan, const std::string& uid) {
    for (const Episode& e : plan.write.update)
        if (e.uid == uid) return e;
    for (const auto& [e, alerts] : plan.write.add)
        if (e.uid == uid) return e;
    for (const Episode& e : local.episodes)
        if (e.uid == uid) return e;
    return std::nullopt;
}

struct Row {
    const char* rule;
    std::optional<Episode> local, remote;
    int pain;                       // the content that stands
    bool deleted;                   // whether it stands deleted
    MergeCounts counts;
    std::size_t kept;               // versions added to the history
};

}  // namespace

TEST_CASE("merge: each rule of merge_rules.md", "[merge]") {
    const std::vector<Row> rows = {
        {"a new entry is added", std::nullopt, entry(3, 100), 3, false, {1, 0, 0, 0}, 0},
        {"the same entry changes nothing", entry(3, 100), entry(3, 100), 3, false, {0, 0, 0, 1}, 0},
        {"the later edit wins, the other version is kept", entry(3, 100), entry(5, 200), 5, false, {0, 1, 0, 0}, 1},
        {"an older edit loses and is kept", entry(5, 200), entry(3, 100), 5, false, {0, 0, 0, 1}, 1},
        {"a tombstone deletes", entry(3, 100), entry(3, 100, 150), 3, true, {0, 0, 1, 0}, 0},
        {"an edit after the deletion keeps the entry", entry(5, 200), entry(3, 100, 150), 5, false, {0, 0, 0, 1}, 1},
        {"an edit made after a deletion here brings it back", entry(3, 100, 150), entry(5, 200), 5, false, {0, 1, 0, 0}, 1},
        {"an older edit does not bring a deleted entry back", entry(3, 100, 150), entry(5, 120), 5, true, {0, 0, 0, 1}, 1},
        {"a restore (a later edit) beats an older tombstone", entry(3, 300), entry(3, 100, 150), 3, false, {0, 0, 0, 1}, 0},
        {"the later of two deletions stands, quietly", entry(3, 100, 150), entry(3, 100, 170), 3, true, {0, 0, 0, 1}, 0},
        {"a tombstone of an entry never seen here is kept", std::nullopt, entry(3, 100, 150), 3, true, {0, 0, 0, 1}, 0},
    };
    for (const Row& row : rows) {
        INFO(row.rule);
        JournalSnapshot local = row.local ? with({*row.local}) : JournalSnapshot{};
        const JournalSnapshot remote = with({*row.remote});
        const MergePlan plan = merge(local, remote, 5000);
        CHECK(plan.counts == row.counts);
        CHECK(plan.write.history.size() == row.kept);
        const auto e = after(local, plan, kUid);
        REQUIRE(e.has_value());
        CHECK(e->pain == row.pain);
        CHECK(e->deletedAtUtc.has_value() == row.deleted);
        if (row.local) CHECK(e->id == row.local->id);  // the local id is kept
        for (const HistoryRecord& h : plan.write.history) {
            CHECK(h.episodeUid == kUid);
            CHECK(h.keptAtUtc == 5000);
            auto old = episodeFromContent(h.content);
            REQUIRE(old.has_value());
            CHECK(old->pain != row.pain);  // the version that lost, not the one that stands
        }
        // Once merged, the same bundle again changes nothing.
        if (!plan.write.update.empty() || !plan.write.add.empty() || !plan.write.history.empty()) {
            JournalSnapshot merged = with({*e});
            merged.history = plan.write.history;
            const MergePlan again = merge(merged, remote, 6000);
            CHECK(again.empty());
            CHECK(again.counts.added + again.counts.updated + again.counts.deleted == 0);
        }
    }
}

TEST_CASE("merge: an edit tie is broken by the content, the same way on both devices", "[merge]") {
    const Episode a = entry(3, 100), b = entry(5, 100);
    const MergePlan ab = merge(with({a}), with({b}), 5000);
    const MergePlan ba = merge(with({b}), with({a}), 5000);
    const int wonHere = after(with({a}), ab, kUid)->pain;
    const int wonThere = after(with({b}), ba, kUid)->pain;
    CHECK(wonHere == wonThere);
    CHECK((wonHere == 3 || wonHere == 5));
    // The losing version is kept on both sides.
    const std::size_t kept = ab.write.history.size() + ba.write.history.size();
    CHECK(kept == 2);
    CHECK(episodeContent(a) != episodeContent(b));
    CHECK((wonHere == 5) == (episodeContent(b) > episodeContent(a)));
}

TEST_CASE("merge: entries content text ignores local ids, uids, edit times and deletion", "[merge]") {
    Episode a = entry(3, 100), b = entry(3, 900, 950, "00000000-0000-4000-8000-000000000000");
    b.id = 99;
    CHECK(episodeContent(a) == episodeContent(b));
    b.note = "stairs";
    CHECK(episodeContent(a) != episodeContent(b));
    Episode full = entry(6, 1);
    full.side = "left";
    full.leg = "left";
    full.temperatureTenths = 384;
    full.painType = "sharp";
    full.onset = "sudden";
    full.when = {"stairs", "walking"};
    full.symptoms = {"swelling"};
    full.care = {"ice"};
    full.medication = "ibuprofen 400 mg";
    full.where = {"centre", "outer"};
    full.relief = 2;
    full.note = "première \"fois\"\n";
    auto back = episodeFromContent(episodeContent(full));
    REQUIRE(back.has_value());
    CHECK(episodeContent(*back) == episodeContent(full));
    CHECK(back->note == full.note);
    CHECK(back->where == full.where);
    CHECK(back->relief == full.relief);
    // The knee map's regions and the relief rating are content: a change shows.
    Episode moved = full;
    moved.where = {"centre"};
    CHECK(episodeContent(moved) != episodeContent(full));
    Episode rated = full;
    rated.relief = std::nullopt;
    CHECK(episodeContent(rated) != episodeContent(full));
    // A kept version written before either existed reads as none of them.
    std::string oldText = episodeContent(entry(3, 100));
    for (const std::string cut : {"\"relief\":null,", ",\"where\":[]"}) {
        const auto at = oldText.find(cut);
        REQUIRE(at != std::string::npos);
        oldText.erase(at, cut.size());
    }
    auto older = episodeFromContent(oldText);
    REQUIRE(older.has_value());
    CHECK(older->where.empty());
    CHECK_FALSE(older->relief.has_value());
    CHECK(episodeContent(*older) == episodeContent(entry(3, 100)));
    CHECK_FALSE(episodeFromContent("{\"pain\": 3}").has_value());
}

TEST_CASE("merge: alerts travel with their entry; the first acknowledgement counts", "[merge]") {
    JournalSnapshot local = with({entry(3, 100)});
    local.episodes[0].id = 7;
    Alert mine{41, 7, Level::Urgent, {"U1"}, false, 1000, std::nullopt};
    local.alerts.push_back({kUid, mine});
    JournalSnapshot remote = with({entry(3, 100), entry(4, 100, std::nullopt, "11111111-2222-4333-8444-555555555555")});
    Alert acked = mine;
    acked.id = 3;
    acked.acknowledgedAtUtc = 1200;
    remote.alerts.push_back({kUid, acked});
    remote.alerts.push_back({"11111111-2222-4333-8444-555555555555", Alert{4, 9, Level::Emergency, {"E1"}, false, 1100, 1300}});
    remote.alerts.push_back({"99999999-2222-4333-8444-555555555555", Alert{5, 10, Level::Urgent, {"U2"}, false, 1100, {}}});

    const MergePlan plan = merge(local, remote, 5000);
    REQUIRE(plan.write.acknowledge.size() == 1);
    CHECK(plan.write.acknowledge[0] == std::pair<int64_t, int64_t>{41, 1200});
    REQUIRE(plan.write.add.size() == 1);
    REQUIRE(plan.write.add[0].second.size() == 1);
    CHECK(plan.write.add[0].second[0].level == Level::Emergency);
    CHECK(plan.write.add[0].second[0].acknowledgedAtUtc == std::optional<int64_t>(1300));
    CHECK(plan.write.addAlerts.empty());  // the alert of an entry nobody carries is left out

    // An earlier acknowledgement here is kept; a later one there changes nothing.
    local.alerts[0].alert.acknowledgedAtUtc = 1100;
    CHECK(merge(local, remote, 5000).write.acknowledge.empty());
    // A new alert on an existing entry is added to it.
    remote.alerts.push_back({kUid, Alert{6, 8, Level::Soon, {"S4"}, false, 2000, {}}});
    const MergePlan more = merge(local, remote, 5000);
    REQUIRE(more.write.addAlerts.size() == 1);
    CHECK(more.write.addAlerts[0].episodeId == 7);
    CHECK(more.write.addAlerts[0].ruleIds == std::vector<std::string>{"S4"});
}

TEST_CASE("merge: the person's region and risks come from the side that changed them later", "[merge]") {
    const PersonSettings here{"uk", 100, "blood_thinners@90", 300};
    const PersonSettings there{"ie", 200, "", 250};
    const PersonSettings m = mergePerson(here, there);
    CHECK(m.region == "ie");
    CHECK(m.regionEditedAtUtc == 200);
    CHECK(m.risks == "blood_thinners@90");
    CHECK(mergePerson(there, here) == m);  // the same result from either side
    // Equal times: the greater text, on both devices.
    const PersonSettings a{"uk", 0, "", 0}, b{"nz", 0, "", 0};
    CHECK(mergePerson(a, b).region == mergePerson(b, a).region);
    // Nothing chosen there never erases what was chosen here.
    CHECK(mergePerson(here, PersonSettings{}) == here);
    JournalSnapshot local, remote;
    local.person = here;
    remote.person = there;
    const MergePlan plan = merge(local, remote, 5000);
    CHECK(plan.write.settings == std::vector<std::pair<std::string, std::string>>{{"region", "ie"}, {"region_edited_at", "200"}});
}

TEST_CASE("merge: weekly check-ins are a union, each added once", "[merge]") {
    const auto checkin = [](int day, int pain, int64_t recorded) {
        PegEntry p;
        p.id = day;
        p.at = LocalDateTime{{2026, 11, day}, 20, 0, 0, 60};
        p.recordedAtUtc = recorded;
        p.pain = pain;
        p.enjoyment = 4;
        p.activity = 5;
        return p;
    };
    JournalSnapshot local, remote;
    local.checkins = {checkin(1, 6, 10), checkin(8, 5, 20)};
    remote.checkins = {checkin(8, 5, 20), checkin(15, 3, 30), checkin(15, 3, 30), checkin(15, 4, 30)};
    remote.checkins[0].id = 42;  // the id is local to each device
    const MergePlan plan = merge(local, remote, 1000);
    REQUIRE(plan.write.addPeg.size() == 2);  // day 15 once, and the other answer on day 15
    CHECK(plan.counts.checkinsAdded == 2);
    CHECK(plan.write.addPeg[0].pain == 3);
    CHECK(plan.write.addPeg[1].pain == 4);
    CHECK(plan.write.addPeg[0].id == 0);
    CHECK_FALSE(plan.empty());
    // Merged again (both now hold all four), nothing is left to add.
    JournalSnapshot merged = local;
    for (const PegEntry& p : plan.write.addPeg) merged.checkins.push_back(p);
    CHECK(merge(merged, remote, 1000).empty());
    CHECK(merge(remote, merged, 1000).write.addPeg.size() == 1);  // the day-1 one goes the other way
}
