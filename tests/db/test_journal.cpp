// The journal service over the real SQLite store: validation, triage and alerts in one save.
#include <catch2/catch.hpp>

#include <algorithm>
#include <climits>

#include "core/journal.hpp"
#include "db/journal_store.hpp"

using namespace core;

namespace {

struct Fixture {
    std::unique_ptr<db::JournalStore> store;
    int64_t now = toUtcSeconds(LocalDateTime{{2026, 11, 27}, 20, 0, 0, 0});
    std::unique_ptr<Journal> journal;
    Fixture() {
        auto s = db::JournalStore::open(":memory:");
        REQUIRE(s.ok());
        store = std::move(*s);
        journal = std::make_unique<Journal>(*store, [this] { return now; });
    }
    Episode at(int daysAgo, int pain, std::vector<std::string> symptoms = {}) const {
        Episode e;
        e.startedAt = atOffset(now - static_cast<int64_t>(daysAgo) * 86400 - 3600, 0);
        e.pain = pain;
        e.side = "left";
        e.symptoms = std::move(symptoms);
        return e;
    }
};

}  // namespace

TEST_CASE("journal: a save stores the episode with its alert in one go", "[journal]") {
    Fixture f;
    auto saved = f.journal->add(f.at(0, 4, {"calf_pain", "redness"}));
    REQUIRE(saved.ok());
    CHECK(saved->level == Level::Urgent);
    // Warmth without redness or fever is also a lone sign of inflammation (S4).
    CHECK(saved->episodeTriage.ruleIds == std::vector<std::string>{"U1", "S4"});
    auto alerts = f.store->alerts({});
    REQUIRE(alerts.ok());
    REQUIRE(alerts->size() == 1);
    CHECK(alerts->front().episodeId == saved->id);
    CHECK(alerts->front().level == Level::Urgent);
    CHECK_FALSE(alerts->front().fromHistory);
    CHECK(alerts->front().shownAtUtc == f.now);
}

TEST_CASE("journal: a self-care episode stores no alert", "[journal]") {
    Fixture f;
    REQUIRE(f.journal->add(f.at(0, 3)).ok());
    CHECK(f.store->alerts({})->empty());
}

TEST_CASE("journal: an invalid episode is refused and nothing is stored", "[journal]") {
    Fixture f;
    auto e = f.at(0, 3);
    e.symptoms = {"sneezing"};
    auto saved = f.journal->add(e);
    REQUIRE_FALSE(saved.ok());
    CHECK(saved.error().code == ErrorCode::Invalid);
    CHECK(*f.store->countEpisodes({}) == 0);
}

TEST_CASE("journal: recurring swelling raises a history alert once a week, not on every save", "[journal]") {
    Fixture f;
    REQUIRE(f.journal->add(f.at(5, 3, {"swelling"})).ok());
    REQUIRE(f.journal->add(f.at(3, 3, {"swelling"})).ok());
    auto third = f.journal->add(f.at(0, 3, {"swelling"}));
    REQUIRE(third.ok());
    CHECK(third->historyTriage.ruleIds == std::vector<std::string>{"H3"});
    CHECK(third->level == Level::Soon);
    auto alerts = f.store->alerts({});
    REQUIRE(alerts->size() == 1);
    CHECK(alerts->front().fromHistory);
    // A fourth swelling day an hour later does not raise H3 again.
    f.now += 3600;
    auto fourth = f.journal->add(f.at(0, 3, {"swelling"}));
    REQUIRE(fourth.ok());
    CHECK(fourth->historyTriage.ruleIds.empty());
    CHECK(f.store->alerts({})->size() == 1);
}

TEST_CASE("journal: pain getting worse by two points raises H2", "[journal]") {
    Fixture f;
    std::vector<std::string> raised;
    for (int d = 13; d >= 0; --d) {
        auto saved = f.journal->add(f.at(d, d >= 7 ? 3 : 5));
        REQUIRE(saved.ok());
        for (const auto& id : saved->historyTriage.ruleIds) raised.push_back(id);
    }
    // Raised once (when the second week had three logged days), never repeated within the week.
    CHECK(std::count(raised.begin(), raised.end(), "H2") == 1);
    auto alerts = f.store->alerts({});
    REQUIRE(alerts.ok());
    CHECK(std::any_of(alerts->begin(), alerts->end(), [](const Alert& a) {
        return a.fromHistory && std::find(a.ruleIds.begin(), a.ruleIds.end(), "H2") != a.ruleIds.end();
    }));
}

TEST_CASE("journal: editing an episode re-triages it", "[journal]") {
    Fixture f;
    auto saved = f.journal->add(f.at(0, 4));
    REQUIRE(saved.ok());
    auto e = *f.store->episode(saved->id);
    REQUIRE(e.has_value());
    e->pain = 9;
    auto edited = f.journal->edit(*e);
    REQUIRE(edited.ok());
    CHECK(edited->level == Level::Urgent);
    CHECK(edited->episodeTriage.ruleIds == std::vector<std::string>{"U4"});
    CHECK((*f.store->episode(saved->id))->pain == 9);
}

TEST_CASE("journal: acknowledging stores the time and unpins the alert", "[journal]") {
    Fixture f;
    REQUIRE(f.journal->add(f.at(0, 2, {"cold_foot"})).ok());
    auto pending = f.store->pendingAlerts(Level::Urgent);
    REQUIRE(pending->size() == 1);
    f.now += 90;
    REQUIRE(f.journal->acknowledge(pending->front().id).ok());
    CHECK(f.store->pendingAlerts(Level::Urgent)->empty());
    CHECK(f.store->alerts({})->front().acknowledgedAtUtc == f.now);
}

TEST_CASE("journal: the region is unset until chosen and accepts only known codes", "[journal]") {
    Fixture f;
    CHECK(f.journal->region().empty());
    CHECK(core::emergencyNumberFor(f.journal->region()) == "112");
    REQUIRE(f.journal->setRegion("nz").ok());
    CHECK(f.journal->region() == "nz");
    CHECK(core::emergencyNumberFor(f.journal->region()) == "111");
    auto bad = f.journal->setRegion("mars");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message.find("uk, ie, eu, us, ca, au, nz, other") != std::string::npos);
    CHECK(f.journal->region() == "nz");
}

TEST_CASE("journal: a number chosen before red flags v2 keeps meaning its region", "[journal]") {
    Fixture f;
    REQUIRE(f.store->setSetting("emergency_number", "999").ok());
    CHECK(f.journal->region() == "uk");
    REQUIRE(f.store->setSetting("emergency_number", "000").ok());
    CHECK(f.journal->region() == "au");
    REQUIRE(f.journal->setRegion("ie").ok());
    CHECK(f.journal->region() == "ie");  // a chosen region wins over the old number
}

// [SECTION] Rules that read the journal (red flags version 2)

namespace {
std::vector<std::string> rulesOf(const Result<SaveOutcome>& saved) {
    REQUIRE(saved.ok());
    return saved->episodeTriage.ruleIds;
}
bool fired(const Result<SaveOutcome>& saved, const std::string& id) {
    const auto ids = rulesOf(saved);
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}
}  // namespace

TEST_CASE("journal: severe pain is urgent while new and 'see a doctor soon' once it is the usual level", "[journal]") {
    Fixture f;
    // Days 5, 4 and 3 ago: pain 8 each; the first is new (fewer than 3 days logged before).
    CHECK(fired(f.journal->add(f.at(5, 8)), "U4"));
    CHECK(fired(f.journal->add(f.at(4, 8)), "U4"));
    CHECK(fired(f.journal->add(f.at(3, 8)), "U4"));
    // Three days of 8 before: today's 8 is the usual level.
    auto usual = f.journal->add(f.at(0, 8));
    CHECK(rulesOf(usual) == std::vector<std::string>{"S8"});
    CHECK(usual->level == Level::Soon);
    // 10 is 2 above the usual 8: worse than usual, urgent again.
    CHECK(fired(f.journal->add(f.at(0, 10)), "U4"));
}

TEST_CASE("journal: 'new' signs alert on the first day and not every day they persist", "[journal]") {
    Fixture f;
    REQUIRE(f.journal->setRisk("blood_thinners", true).ok());
    auto first = f.journal->add(f.at(2, 3, {"numbness", "swelling", "warmth"}));
    CHECK(rulesOf(first) == std::vector<std::string>{"U8", "U9", "U12"});
    auto again = f.journal->add(f.at(1, 3, {"numbness", "swelling", "warmth"}));
    CHECK(rulesOf(again) == std::vector<std::string>{"S4", "S9"});
    // Another episode on the first day is not "before" it: still new there (back-dated entries read
    // the days before their own day).
    auto sameDay = f.journal->add(f.at(2, 3, {"numbness"}));
    CHECK(rulesOf(sameDay) == std::vector<std::string>{"U9"});
}

TEST_CASE("journal: a standing clot risk makes new calf pain urgent, and the profile is read on every save", "[journal]") {
    Fixture f;
    CHECK(rulesOf(f.journal->add(f.at(3, 3, {"calf_pain"}))) == std::vector<std::string>{"S7"});
    REQUIRE(f.journal->setRisk("hormones", true).ok());
    // Calf pain was logged 3 days ago: not new, so the standing risk alone does not make it urgent.
    CHECK(rulesOf(f.journal->add(f.at(0, 3, {"calf_pain"}))) == std::vector<std::string>{"S7"});
    // A recent clot risk does, whether calf pain is new or not; --risk adds one for one save only.
    CHECK(rulesOf(f.journal->add(f.at(0, 3, {"calf_pain"}), {"long_journey"})) == std::vector<std::string>{"U1"});
    CHECK_FALSE(f.journal->profile()->has("long_journey"));
    auto unknown = f.journal->add(f.at(0, 3, {"calf_pain"}), {"flying"});
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().code == ErrorCode::Invalid);
}

TEST_CASE("journal: a knee replacement alerts new swelling once, and night pain on 3 days raises H4", "[journal]") {
    Fixture f;
    REQUIRE(f.journal->setRisk("knee_replacement", true).ok());
    CHECK(fired(f.journal->add(f.at(4, 2, {"swelling"})), "U3"));
    CHECK_FALSE(fired(f.journal->add(f.at(3, 2, {"swelling"})), "U3"));
    Episode night = f.at(2, 4);
    night.when = {"night"};
    REQUIRE(f.journal->add(night).ok());
    night.startedAt = f.at(1, 4).startedAt;
    REQUIRE(f.journal->add(night).ok());
    night.startedAt = f.at(0, 4).startedAt;
    auto third = f.journal->add(night);
    REQUIRE(third.ok());
    CHECK(third->historyTriage.ruleIds == std::vector<std::string>{"H4"});
    CHECK(third->episodeTriage.ruleIds.empty());  // night pain alone is no episode rule
}

TEST_CASE("journal: evaluate triages as if saved now and writes nothing", "[journal]") {
    Fixture f;
    REQUIRE(f.journal->add(f.at(5, 8)).ok());
    REQUIRE(f.journal->add(f.at(4, 8)).ok());
    REQUIRE(f.journal->add(f.at(3, 8)).ok());
    const uint64_t before = f.store->dataVersion();
    const auto count = *f.store->countEpisodes({});
    auto r = f.journal->evaluate(f.at(0, 8));
    REQUIRE(r.ok());
    CHECK(r->ruleIds == std::vector<std::string>{"S8"});
    CHECK(r->level == Level::Soon);
    CHECK(f.store->dataVersion() == before);
    CHECK(*f.store->countEpisodes({}) == count);
    auto withRisk = f.journal->evaluate(f.at(0, 2, {"calf_pain"}), {"recent_surgery"});
    REQUIRE(withRisk.ok());
    CHECK(withRisk->level == Level::Urgent);
}

TEST_CASE("journal: the leg and the temperature are stored and read back", "[journal]") {
    Fixture f;
    Episode e = f.at(0, 4, {"calf_swelling"});
    e.side = "both";
    e.leg = "right";
    e.temperatureTenths = 384;
    auto saved = f.journal->add(e);
    REQUIRE(saved.ok());
    CHECK(saved->level == Level::Urgent);  // U1 (one leg) and U3 (fever with pain)
    auto back = f.store->episode(saved->id);
    REQUIRE(back.ok());
    REQUIRE(back->has_value());
    CHECK((*back)->leg == "right");
    CHECK((*back)->temperatureTenths == std::optional<int>(384));
}
