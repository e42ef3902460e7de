// No silent failure: a repository whose writes fail is planted under the real app, and each
// result that used to be dropped with (void) must reach the person as a message that stays on
// screen until they press OK: acknowledging an alert, saving a setting, the daily backup.
#include <catch2/catch.hpp>

#include "ui/widgets.hpp"
#include "ui_harness.hpp"

using test::UiSession;

namespace {

const core::Error kDiskFull = core::makeError(core::ErrorCode::DiskFull, "Could not save (disk is full)");

// Reads go to a real in-memory journal (so the screens have something to show); every write the
// app can make fails the way a full disk would.
class FailingRepository final : public core::JournalRepository {
public:
    explicit FailingRepository(core::JournalRepository& real) : m_real(real) {}
    int failedWrites = 0;
    bool failAlertReads = false;

    core::Result<int64_t> addEpisode(const core::Episode&, const std::vector<core::Alert>&) override { return fail(); }
    core::Result<void> addEpisodes(const std::vector<std::pair<core::Episode, std::vector<core::Alert>>>&,
                                   std::span<const core::PegEntry>) override {
        return fail();
    }
    core::Result<void> updateEpisode(const core::Episode&, const std::vector<core::Alert>&) override { return fail(); }
    core::Result<void> softDelete(int64_t, int64_t) override { return fail(); }
    core::Result<void> undelete(int64_t, int64_t) override { return fail(); }
    core::Result<void> applyMerge(const core::MergeWrite&) override { return fail(); }
    core::Result<std::vector<core::Episode>> allEpisodes() override { return m_real.allEpisodes(); }
    core::Result<std::vector<core::Alert>> allAlerts() override { return m_real.allAlerts(); }
    core::Result<std::vector<core::HistoryRecord>> episodeHistory() override { return m_real.episodeHistory(); }
    core::Result<void> acknowledgeAlert(int64_t, int64_t) override { return fail(); }
    core::Result<void> setSetting(const std::string&, const std::string&) override { return fail(); }
    core::Result<std::optional<std::string>> dailyBackup(core::CivilDate) override { return fail(); }
    core::Result<void> setRelief(int64_t, std::optional<int>, int64_t) override { return fail(); }
    core::Result<int64_t> addPeg(const core::PegEntry&) override { return fail(); }
    core::Result<std::vector<core::PegEntry>> pegEntries(const core::DateRange& r) override { return m_real.pegEntries(r); }

    core::Result<std::optional<core::Episode>> episode(int64_t id) override { return m_real.episode(id); }
    core::Result<std::vector<core::Episode>> episodes(const core::DateRange& r, int limit, int offset) override {
        return m_real.episodes(r, limit, offset);
    }
    core::Result<int64_t> countEpisodes(const core::DateRange& r) override { return m_real.countEpisodes(r); }
    core::Result<std::vector<core::Episode>> episodesAfter(const core::DateRange& r, const std::optional<core::EpisodeCursor>& after,
                                                           int limit) override {
        return m_real.episodesAfter(r, after, limit);
    }
    core::Result<std::vector<core::Episode>> episodesBefore(const core::DateRange& r, const std::optional<core::EpisodeCursor>& before,
                                                           int limit) override {
        return m_real.episodesBefore(r, before, limit);
    }
    core::Result<std::vector<core::DaySummary>> daySummaries(const core::DateRange& r) override { return m_real.daySummaries(r); }
    core::Result<std::vector<core::NameCount>> symptomCounts(const core::DateRange& r) override { return m_real.symptomCounts(r); }
    core::Result<std::vector<core::NameCount>> contextCounts(const core::DateRange& r) override { return m_real.contextCounts(r); }
    core::Result<std::vector<core::NameCount>> sideCounts(const core::DateRange& r) override { return m_real.sideCounts(r); }
    core::Result<std::vector<core::NameCount>> painTypeCounts(const core::DateRange& r) override { return m_real.painTypeCounts(r); }
    core::Result<std::vector<core::NameCount>> whereCounts(const core::DateRange& r) override { return m_real.whereCounts(r); }
    core::Result<std::vector<core::Episode>> episodesWithNote(const core::DateRange& r, const std::string& t, int limit,
                                                              int offset) override {
        return m_real.episodesWithNote(r, t, limit, offset);
    }
    core::Result<std::vector<std::string>> textsBeyondAscii() override { return m_real.textsBeyondAscii(); }
    core::Result<std::vector<core::Alert>> alerts(const core::DateRange& r) override { return m_real.alerts(r); }
    core::Result<std::vector<core::Alert>> pendingAlerts(core::Level l) override {
        if (failAlertReads) return core::makeError(core::ErrorCode::Io, "Could not read the journal (I/O error)");
        return m_real.pendingAlerts(l);
    }
    core::Result<std::optional<std::string>> setting(const std::string& k) override { return m_real.setting(k); }
    uint64_t dataVersion() override { return m_real.dataVersion(); }

private:
    core::Error fail() {
        ++failedWrites;
        return kDiskFull;
    }
    core::JournalRepository& m_real;
};

// The real app over a FailingRepository in front of a real journal.
struct FailingSession {
    UiSession s;
    std::unique_ptr<FailingRepository> repo;

    FailingSession() {
        repo = std::make_unique<FailingRepository>(*s.store);
        auto journal = std::make_unique<core::Journal>(*repo);
        s.app = std::make_unique<ui::App>(journal.get(), test::buildTreeAssets());
        s.app->skipDisclaimer();
        s.journal = std::move(journal);
    }
    ~FailingSession() {
        s.app.reset();
        s.journal.reset();
    }
    bool shows(const std::string& words) {
        for (const auto& e : s.app->errors())
            if (e.find(words) != std::string::npos) return true;
        return false;
    }
};

// The message is still on screen after many frames, and goes when the person presses OK.
void expectShownUntilSeen(FailingSession& f) {
    REQUIRE(f.s.render(1280, 800, 1.0f, 30).ok);
    CHECK(ui::itemCenter("error:ok").has_value());
    const std::size_t before = f.s.app->errors().size();
    REQUIRE(before >= 1);
    REQUIRE(f.s.render(1280, 800, 1.0f, 8, "", test::clickAt("error:ok", 3)).ok);
    CHECK(f.s.app->errors().size() == before - 1);
}

}  // namespace

TEST_CASE("a failed alert acknowledgement is shown until seen, and the alert stays pinned", "[ui][failures]") {
    FailingSession f;
    core::Journal real(*f.s.store);
    core::Episode e;
    e.startedAt = core::localFromUtc(core::nowUtc() - 600);
    e.pain = 6;
    e.symptoms = {"breathless"};
    REQUIRE(real.add(e).ok());
    REQUIRE(f.s.render(1280, 800, 1.0f, 8, "", test::clickAt("alert:ack", 3)).ok);
    CHECK(f.repo->failedWrites >= 1);
    CHECK(f.shows("The alert could not be marked as read: Could not save (disk is full)"));
    auto pending = f.s.store->pendingAlerts(core::Level::Urgent);
    REQUIRE(pending.ok());
    CHECK(pending->size() == 1);
    expectShownUntilSeen(f);
}

TEST_CASE("a setting that cannot be saved is shown until seen", "[ui][failures]") {
    FailingSession f;
    f.s.app->show(ui::ScreenId::Settings);
    REQUIRE(f.s.render(800, 600, 1.0f, 8, "", test::clickAt("theme:dark", 3)).ok);
    CHECK(f.s.app->theme() == ui::ThemeKind::Dark);  // applied for now, but the person is told
    CHECK(f.shows("The theme could not be saved: Could not save (disk is full)"));
    f.s.app->setFontScale(1.15f);
    CHECK(f.shows("The text size could not be saved"));
    expectShownUntilSeen(f);
    CHECK(f.s.app->errors().size() == 1);  // the second one is still waiting to be seen
}

TEST_CASE("a daily backup that cannot be made is shown until seen", "[ui][failures]") {
    FailingSession f;
    f.s.app->setAutomaticBackups(true);
    REQUIRE(f.s.render(1280, 800, 1.0f, 4).ok);
    CHECK(f.shows("Today's automatic backup could not be made: Could not save (disk is full)"));
    CHECK(f.s.app->errors().size() == 1);  // tried once a day, not once a frame
    expectShownUntilSeen(f);
}

TEST_CASE("the window makes the day's backup of a journal file once its first frames are on screen", "[ui][failures]") {
    const auto dir = test::tempDir("gui-backup");
    const std::string db = (dir / "j.db").string();
    {
        UiSession s(db);
        s.app->setAutomaticBackups(true);
        REQUIRE(s.render(800, 600, 1.0f, 2).ok);
        CHECK(db::JournalStore::backups(db).empty());  // the first frames are not kept waiting for the copy
        REQUIRE(s.render(800, 600, 1.0f, 3).ok);
        CHECK(s.app->errors().empty());
    }
    const auto list = db::JournalStore::backups(db);
    REQUIRE(list.size() == 1);
    CHECK(list.front().path.find("/backups/j.db/" + core::formatDate(core::localFromUtc(core::nowUtc()).date)) !=
          std::string::npos);
    std::filesystem::remove_all(dir);
}

TEST_CASE("alerts that cannot be read stay pinned and the failure is shown", "[ui][failures]") {
    FailingSession f;
    core::Journal real(*f.s.store);
    core::Episode e;
    e.startedAt = core::localFromUtc(core::nowUtc() - 600);
    e.pain = 6;
    e.symptoms = {"breathless"};
    REQUIRE(real.add(e).ok());
    REQUIRE(f.s.render(1280, 800, 1.0f, 4).ok);
    REQUIRE(ui::itemCenter("alert:ack").has_value());
    f.repo->failAlertReads = true;
    e.startedAt = core::localFromUtc(core::nowUtc() - 300);
    e.symptoms.clear();
    REQUIRE(real.add(e).ok());  // the data changed: the app reads the alerts again, and fails
    ui::setItemRecording(true);
    REQUIRE(f.s.render(1280, 800, 1.0f, 4).ok);
    CHECK(ui::itemCenter("alert:ack").has_value());  // the emergency is still on screen
    CHECK(f.shows("Your alerts could not be read: Could not read the journal (I/O error)"));
}
