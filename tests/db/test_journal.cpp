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

TEST_CASE("journal: the emergency number defaults to 112 and accepts only known numbers", "[journal]") {
    Fixture f;
    CHECK(f.journal->emergencyNumber() == "112");
    REQUIRE(f.journal->setEmergencyNumber("999").ok());
    CHECK(f.journal->emergencyNumber() == "999");
    CHECK_FALSE(f.journal->setEmergencyNumber("12345").ok());
    CHECK(f.journal->emergencyNumber() == "999");
}
