// Bundles through the journal service (Journal::bundleContent / importBundle) over two in-memory
// journals: what travels, triage after a merge, all or nothing, importing twice, and a property
// test: random work on two devices converges once bundles went both ways.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "core/bundle.hpp"
#include "core/journal.hpp"
#include "memory_repository.hpp"

using namespace core;
using fakes::MemoryRepository;

namespace {

const int64_t kNow = toUtcSeconds(LocalDateTime{{2026, 11, 27}, 12, 0, 0, 0});
const CivilDate kToday = localFromUtc(kNow).date;

struct Device : fakes::ClockedJournal {
    Device() : ClockedJournal(kNow) {}
};

Episode ep(int daysAgo, int pain, std::vector<std::string> symptoms = {}, int hour = 9) {
    Episode e;
    e.startedAt = LocalDateTime{addDays(kToday, -daysAgo), hour, 0, 0, 0};
    e.pain = pain;
    e.symptoms = std::move(symptoms);
    return e;
}

int64_t addOk(Device& d, const Episode& e) {
    auto r = d.journal.add(e);
    REQUIRE(r.ok());
    return r->id;
}

MergeCounts carry(Device& from, Device& to, bool dryRun = false) {
    auto content = from.journal.bundleContent();
    REQUIRE(content.ok());
    auto counts = to.journal.importBundle(*content, dryRun);
    INFO((counts ? std::string() : counts.error().message));
    REQUIRE(counts.ok());
    return *counts;
}

PegEntry checkin(int daysAgo, int pain, int enjoyment, int activity) {
    PegEntry p;
    p.at = LocalDateTime{addDays(kToday, -daysAgo), 8, 0, 0, 0};
    p.pain = pain;
    p.enjoyment = enjoyment;
    p.activity = activity;
    return p;
}

// The check-ins as the person sees them (answered, recorded, answers), oldest first.
std::vector<std::tuple<int64_t, int64_t, int, int, int>> checkins(Device& d) {
    std::vector<std::tuple<int64_t, int64_t, int, int, int>> out;
    const std::vector<PegEntry> all = d.journal.pegEntries({}).value();
    for (const PegEntry& p : all)
        out.emplace_back(toUtcSeconds(p.at), p.recordedAtUtc, p.pain, p.enjoyment, p.activity);
    std::sort(out.begin(), out.end());
    return out;
}

// What two devices must agree on: each entry by uid (content, edit time, deletion).
std::map<std::string, std::tuple<std::string, int64_t, std::optional<int64_t>>> entries(Device& d) {
    std::map<std::string, std::tuple<std::string, int64_t, std::optional<int64_t>>> out;
    const std::vector<Episode> all = d.repo.allEpisodes().value();
    for (const Episode& e : all) out[e.uid] = {episodeContent(e), e.editedAtUtc, e.deletedAtUtc};
    return out;
}

}  // namespace

TEST_CASE("bundle service: a bundle carries entries, tombstones, alerts, acknowledgements and the profile", "[bundle]") {
    Device phone, desktop;
    REQUIRE(desktop.journal.setRegion("ie").ok());
    phone.now += 30;  // chosen later on the phone
    REQUIRE(phone.journal.setRegion("uk").ok());
    REQUIRE(phone.journal.setRisk("blood_thinners", true).ok());
    const int64_t urgent = addOk(phone, ep(1, 4, {"calf_swelling"}));
    addOk(phone, ep(2, 3));
    const int64_t gone = addOk(phone, ep(3, 5));
    REQUIRE(phone.journal.remove(gone).ok());
    auto pending = phone.journal.pendingAlerts();
    REQUIRE(pending->size() == 1);
    REQUIRE(pending->front().alert.episodeId == urgent);
    phone.now += 60;
    REQUIRE(phone.journal.acknowledge(pending->front().alert.id).ok());

    desktop.now += 300;
    const MergeCounts counts = carry(phone, desktop);
    CHECK(counts == MergeCounts{2, 0, 0, 1});  // two live entries; the tombstone changes nothing visible
    CHECK(entries(desktop) == entries(phone));
    CHECK(*desktop.journal.countEpisodes({}) == 2);
    CHECK(desktop.journal.pendingAlerts()->empty());  // acknowledged on the phone
    auto alerts = desktop.journal.alerts({});
    REQUIRE(alerts->size() == 1);
    CHECK(alerts->front().acknowledgedAtUtc == std::optional<int64_t>(kNow + 90));
    CHECK(desktop.journal.region() == "uk");  // chosen later on the phone than on the desktop
    CHECK(desktop.journal.profile()->has("blood_thinners"));
}

TEST_CASE("bundle service: the knee map's regions, relief ratings and weekly check-ins travel", "[bundle]") {
    Device phone, desktop;
    Episode hurt = ep(2, 5);
    hurt.where = {"centre", "inner"};
    hurt.medication = "ibuprofen 400 mg";
    const int64_t id = addOk(phone, hurt);
    REQUIRE(phone.journal.addPeg(checkin(3, 6, 5, 4)).ok());
    REQUIRE(desktop.journal.addPeg(checkin(10, 7, 7, 6)).ok());
    CHECK(carry(phone, desktop).checkinsAdded == 1);
    const Episode there = desktop.repo.allEpisodes()->front();
    CHECK(there.where == std::vector<std::string>{"centre", "inner"});
    CHECK_FALSE(there.relief.has_value());

    // Rated on the phone later: the rating is an edit, so it wins over the unrated copy.
    phone.now += 3600;
    REQUIRE(phone.journal.setRelief(id, Relief::Lot).ok());
    CHECK(phone.journal.episode(id)->value().editedAtUtc == phone.now);
    const MergeCounts counts = carry(phone, desktop);
    CHECK(counts.updated == 1);
    CHECK(counts.checkinsAdded == 0);  // the phone's check-in is there already
    CHECK(desktop.repo.allEpisodes()->front().relief == std::optional<int>(2));
    CHECK(carry(desktop, phone).checkinsAdded == 1);
    CHECK(entries(phone) == entries(desktop));
    CHECK(checkins(phone) == checkins(desktop));
    CHECK(checkins(phone).size() == 2);
    // Nothing left to exchange either way.
    CHECK(carry(phone, desktop) == MergeCounts{0, 0, 0, 1, 0});
    CHECK(carry(desktop, phone) == MergeCounts{0, 0, 0, 1, 0});
}

TEST_CASE("bundle service: a damaged check-in refuses the whole bundle", "[bundle]") {
    Device a, b;
    addOk(a, ep(1, 4));
    REQUIRE(a.journal.addPeg(checkin(2, 3, 3, 3)).ok());
    std::string content = *a.journal.bundleContent();
    const std::size_t at = content.find("\"enjoyment\":3");
    REQUIRE(at != std::string::npos);
    const std::string good = "\"enjoyment\":3";
    content.replace(at, good.size(), "\"enjoyment\":11");
    auto r = b.journal.importBundle(content, false);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("check-in 1") != std::string::npos);
    CHECK(b.repo.allEpisodes()->empty());
    CHECK(b.journal.pegEntries({})->empty());
}

TEST_CASE("bundle service: importing the same bundle twice changes nothing the second time", "[bundle]") {
    Device a, b;
    addOk(a, ep(1, 4, {"calf_swelling"}));
    addOk(a, ep(2, 6));
    auto content = a.journal.bundleContent();
    REQUIRE(content.ok());
    auto first = b.journal.importBundle(*content, false);
    REQUIRE(first.ok());
    CHECK(first->added == 2);
    const auto snapshotAfterFirst = entries(b);
    const uint64_t version = b.repo.dataVersion();
    const int writes = b.repo.writeCalls;
    auto second = b.journal.importBundle(*content, false);
    REQUIRE(second.ok());
    CHECK(*second == MergeCounts{0, 0, 0, 2});
    CHECK(b.repo.dataVersion() == version);
    CHECK(b.repo.writeCalls == writes);
    CHECK(entries(b) == snapshotAfterFirst);
}

TEST_CASE("bundle service: a dry run counts and writes nothing; a failed write leaves nothing", "[bundle]") {
    Device a, b;
    addOk(a, ep(1, 4));
    addOk(a, ep(2, 6));
    addOk(b, ep(3, 2));
    const auto before = entries(b);
    const uint64_t version = b.repo.dataVersion();
    CHECK(carry(a, b, true) == MergeCounts{2, 0, 0, 0});
    CHECK(b.repo.dataVersion() == version);
    b.repo.failWrite(1);
    auto content = a.journal.bundleContent();
    auto failed = b.journal.importBundle(*content, false);
    REQUIRE_FALSE(failed.ok());
    CHECK(entries(b) == before);
    CHECK(b.repo.storedAlerts().empty());
    CHECK(b.repo.dataVersion() == version);
    CHECK(carry(a, b) == MergeCounts{2, 0, 0, 0});  // and then it works
}

TEST_CASE("bundle service: triage runs again on merged entries, and the history rules once", "[bundle]") {
    Device a, b;
    // Written on a device with no alert for it (a bundle from an older copy, say): the entry
    // alone carries calf swelling, which is urgent (U1) wherever it is read.
    Episode calf = ep(0, 4, {"calf_swelling"});
    calf.uid = "5d4c3b2a-1f0e-4d9c-8b7a-695847362514";
    calf.recordedAtUtc = calf.editedAtUtc = kNow - 600;
    JournalSnapshot bundle;
    bundle.episodes.push_back(calf);
    const MergeCounts counts = *b.journal.importBundle(bundleJson(bundle, kNow), false);
    CHECK(counts.added == 1);
    auto pending = b.journal.pendingAlerts();
    REQUIRE(pending->size() == 1);
    CHECK(pending->front().alert.level == Level::Urgent);
    CHECK(pending->front().alert.ruleIds == std::vector<std::string>{"U1"});
    // Carried back, the alert is not raised a second time on the device that made the entry.
    carry(b, a);
    carry(a, b);
    CHECK(b.repo.storedAlerts().size() == 1);
    CHECK(a.repo.storedAlerts().size() == 1);
}

TEST_CASE("bundle service: concurrent edits keep the later one and the other in the history", "[bundle]") {
    Device a, b;
    const int64_t id = addOk(a, ep(1, 4));
    carry(a, b);
    Episode onA = a.journal.episode(id)->value();
    onA.pain = 6;
    a.now += 10;
    REQUIRE(a.journal.edit(onA).ok());
    Episode onB = b.repo.allEpisodes()->front();
    onB.pain = 2;
    b.now += 20;  // later
    REQUIRE(b.journal.edit(onB).ok());
    CHECK(carry(a, b) == MergeCounts{0, 0, 0, 1});
    CHECK(carry(b, a) == MergeCounts{0, 1, 0, 0});
    CHECK(a.journal.episode(id)->value().pain == 2);
    CHECK(entries(a) == entries(b));
    REQUIRE(a.repo.episodeHistory()->size() == 1);
    CHECK(episodeFromContent(a.repo.episodeHistory()->front().content)->pain == 6);
    REQUIRE(b.repo.episodeHistory()->size() == 1);
    CHECK(b.repo.episodeHistory()->front().sameVersion(a.repo.episodeHistory()->front()));
}

TEST_CASE("bundle service: delete on one device, edit on the other", "[bundle]") {
    Device a, b;
    const int64_t id = addOk(a, ep(1, 4));
    carry(a, b);
    const int64_t onB = b.repo.allEpisodes()->front().id;
    SECTION("the deletion came later: the entry is deleted on both") {
        Episode e = a.journal.episode(id)->value();
        e.pain = 7;
        a.now += 10;
        REQUIRE(a.journal.edit(e).ok());
        b.now += 20;
        REQUIRE(b.journal.remove(onB).ok());
        CHECK(carry(b, a) == MergeCounts{0, 0, 1, 0});
        carry(a, b);
        CHECK(*a.journal.countEpisodes({}) == 0);
        CHECK(*b.journal.countEpisodes({}) == 0);
    }
    SECTION("the edit came later: the entry stays on both") {
        b.now += 10;
        REQUIRE(b.journal.remove(onB).ok());
        Episode e = a.journal.episode(id)->value();
        e.pain = 7;
        a.now += 20;
        REQUIRE(a.journal.edit(e).ok());
        CHECK(carry(b, a) == MergeCounts{0, 0, 0, 1});
        CHECK(carry(a, b) == MergeCounts{0, 1, 0, 0});
        CHECK(b.journal.episodes({})->front().pain == 7);
    }
    CHECK(entries(a) == entries(b));
}

TEST_CASE("bundle service: random work on two devices converges after bundles both ways (fixed seed)", "[bundle]") {
    std::mt19937 rng(20261130);
    auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    for (int round = 0; round < 25; ++round) {
        INFO("round " << round);
        Device a, b;
        for (int i = 0; i < 4; ++i) addOk(a, ep(pick(20), pick(11)));
        carry(a, b);
        for (Device* d : {&a, &b})
            for (int op = 0; op < 12; ++op) {
                d->now += pick(3);  // small steps: equal edit times on both devices happen
                auto all = d->repo.allEpisodes().value();
                const Episode& e = all[static_cast<std::size_t>(pick(static_cast<int>(all.size())))];
                switch (pick(6)) {
                    case 0: {
                        Episode fresh = ep(pick(20), pick(11));
                        if (pick(2) == 0) fresh.medication = "paracetamol 1 g";
                        if (pick(2) == 0) fresh.where = {"below"};
                        addOk(*d, fresh);
                        break;
                    }
                    case 4:
                        if (!e.deletedAtUtc && !e.medication.empty())
                            REQUIRE(d->journal.setRelief(e.id, static_cast<Relief>(pick(kReliefLevels))).ok());
                        break;
                    case 5: REQUIRE(d->journal.addPeg(checkin(pick(20), pick(11), pick(11), pick(11))).ok()); break;
                    case 1:
                        if (!e.deletedAtUtc) {
                            Episode changed = e;
                            changed.pain = pick(11);
                            changed.note = "edit " + std::to_string(op);
                            REQUIRE(d->journal.edit(changed).ok());
                        }
                        break;
                    case 2: REQUIRE(d->journal.remove(e.id).ok()); break;
                    default: REQUIRE(d->journal.undelete(e.id).ok()); break;
                }
            }
        carry(a, b);
        carry(b, a);
        CHECK(entries(a) == entries(b));
        CHECK(checkins(a) == checkins(b));
        // And nothing is left to exchange.
        const MergeCounts again = carry(a, b);
        CHECK(again.added + again.updated + again.deleted + again.checkinsAdded == 0);
        CHECK(*a.journal.countEpisodes({}) == *b.journal.countEpisodes({}));
    }
}
