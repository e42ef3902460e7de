// Headless tests of the History and Trends screens on a demo journal: rows, details, delete and
// undo, filters, every theme at desktop and phone size, and that frames do not query the store.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <set>
#include <tuple>

#include "core/demo.hpp"
#include "ui/widgets.hpp"
#include "ui_harness.hpp"

using test::UiSession;

namespace {

core::CivilDate today() { return core::localFromUtc(core::nowUtc()).date; }

// `days` days of demo history ending yesterday (so nothing lies in the future), with the alerts
// the demo command stores.
void fillDemo(UiSession& s, int days) {
    const int offset = core::localFromUtc(core::nowUtc()).offsetMinutes;
    db::EpisodeBatch batch;
    for (core::Episode& e : core::demoEpisodes(core::addDays(today(), -1), days, 7, offset)) {
        const core::TriageResult r = core::triageEpisode(e);
        std::vector<core::Alert> alerts;
        if (r.level > core::Level::SelfCare) {
            const int64_t shown = core::toUtcSeconds(e.startedAt);
            alerts.push_back(core::Alert{0, 0, r.level, r.ruleIds, false, shown, shown + 120});  // read long ago
        }
        batch.emplace_back(std::move(e), std::move(alerts));
    }
    REQUIRE(s.store->addEpisodes(batch, {}).ok());
}

std::vector<core::Episode> allEpisodes(UiSession& s) {
    auto all = s.store->episodes({}, -1, 0);
    REQUIRE(all.ok());
    return *all;
}

std::string lower(std::string t) {
    for (char& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return t;
}

// The episode ids whose History row was laid out in the frames since recording restarted.
std::set<int64_t> visibleRows(const std::vector<core::Episode>& all) {
    std::set<int64_t> out;
    for (const auto& e : all)
        if (ui::itemCenter("history:row:" + std::to_string(e.id))) out.insert(e.id);
    return out;
}

// Where a test writes its PNGs: $KNEELOG_SHOTS to keep them for a look, else a temporary folder.
std::filesystem::path shotsDir(const std::string& name) {
    if (const char* keep = std::getenv("KNEELOG_SHOTS")) {
        std::filesystem::create_directories(keep);
        return keep;
    }
    return test::tempDir(name);
}

// Clicks `field`, then types `text` into it a few frames later.
std::function<std::optional<platform::ScriptedInput>(int)> typeInto(std::string field, std::string text) {
    auto click = test::clickAt(std::move(field), 2);
    return [click, text](int f) -> std::optional<platform::ScriptedInput> {
        if (f < 6) return click(f);
        platform::ScriptedInput in;
        if (f == 7) in.text = text;
        return in;
    };
}

// Forwards to the real store and counts every query and write (not dataVersion(), which the
// screens call each frame to learn whether anything changed).
class CountingRepository final : public core::JournalRepository {
public:
    explicit CountingRepository(core::JournalRepository& real) : m_real(real) {}
    int calls = 0;

    core::Result<int64_t> addEpisode(const core::Episode& e, const std::vector<core::Alert>& a) override { return ++calls, m_real.addEpisode(e, a); }
    core::Result<void> addEpisodes(const std::vector<std::pair<core::Episode, std::vector<core::Alert>>>& b,
                                   std::span<const core::PegEntry> c) override {
        return ++calls, m_real.addEpisodes(b, c);
    }
    core::Result<void> updateEpisode(const core::Episode& e, const std::vector<core::Alert>& a) override { return ++calls, m_real.updateEpisode(e, a); }
    core::Result<void> softDelete(int64_t id, int64_t at) override { return ++calls, m_real.softDelete(id, at); }
    core::Result<void> undelete(int64_t id, int64_t at) override { return ++calls, m_real.undelete(id, at); }
    core::Result<std::vector<core::Episode>> allEpisodes() override { return ++calls, m_real.allEpisodes(); }
    core::Result<std::vector<core::Alert>> allAlerts() override { return ++calls, m_real.allAlerts(); }
    core::Result<std::vector<core::HistoryRecord>> episodeHistory() override { return ++calls, m_real.episodeHistory(); }
    core::Result<void> applyMerge(const core::MergeWrite& w) override { return ++calls, m_real.applyMerge(w); }
    core::Result<std::optional<core::Episode>> episode(int64_t id) override { return ++calls, m_real.episode(id); }
    core::Result<std::vector<core::Episode>> episodes(const core::DateRange& r, int limit, int offset) override {
        return ++calls, m_real.episodes(r, limit, offset);
    }
    core::Result<int64_t> countEpisodes(const core::DateRange& r) override { return ++calls, m_real.countEpisodes(r); }
    core::Result<std::vector<core::Episode>> episodesAfter(const core::DateRange& r, const std::optional<core::EpisodeCursor>& after,
                                                           int limit) override {
        return ++calls, m_real.episodesAfter(r, after, limit);
    }
    core::Result<std::vector<core::Episode>> episodesBefore(const core::DateRange& r, const std::optional<core::EpisodeCursor>& before,
                                                           int limit) override {
        return ++calls, m_real.episodesBefore(r, before, limit);
    }
    core::Result<std::vector<core::DaySummary>> daySummaries(const core::DateRange& r) override { return ++calls, m_real.daySummaries(r); }
    core::Result<std::vector<core::NameCount>> symptomCounts(const core::DateRange& r) override { return ++calls, m_real.symptomCounts(r); }
    core::Result<std::vector<core::NameCount>> contextCounts(const core::DateRange& r) override { return ++calls, m_real.contextCounts(r); }
    core::Result<std::vector<core::NameCount>> sideCounts(const core::DateRange& r) override { return ++calls, m_real.sideCounts(r); }
    core::Result<std::vector<core::NameCount>> painTypeCounts(const core::DateRange& r) override { return ++calls, m_real.painTypeCounts(r); }
    core::Result<std::vector<core::NameCount>> whereCounts(const core::DateRange& r) override { return ++calls, m_real.whereCounts(r); }
    core::Result<std::vector<core::Episode>> episodesWithNote(const core::DateRange& r, const std::string& t, int limit, int offset) override {
        return ++calls, m_real.episodesWithNote(r, t, limit, offset);
    }
    core::Result<std::vector<std::string>> textsBeyondAscii() override { return ++calls, m_real.textsBeyondAscii(); }
    core::Result<std::vector<core::Alert>> alerts(const core::DateRange& r) override { return ++calls, m_real.alerts(r); }
    core::Result<std::vector<core::Alert>> pendingAlerts(core::Level l) override { return ++calls, m_real.pendingAlerts(l); }
    core::Result<void> acknowledgeAlert(int64_t id, int64_t at) override { return ++calls, m_real.acknowledgeAlert(id, at); }
    core::Result<std::optional<std::string>> setting(const std::string& k) override { return ++calls, m_real.setting(k); }
    core::Result<void> setSetting(const std::string& k, const std::string& v) override { return ++calls, m_real.setSetting(k, v); }
    core::Result<void> setRelief(int64_t id, std::optional<int> r, int64_t at) override { return ++calls, m_real.setRelief(id, r, at); }
    core::Result<int64_t> addPeg(const core::PegEntry& p) override { return ++calls, m_real.addPeg(p); }
    core::Result<std::vector<core::PegEntry>> pegEntries(const core::DateRange& r) override { return ++calls, m_real.pegEntries(r); }
    uint64_t dataVersion() override { return m_real.dataVersion(); }

private:
    core::JournalRepository& m_real;
};

// A UI session whose app reaches the store through a CountingRepository.
struct CountedSession {
    UiSession s;
    std::unique_ptr<CountingRepository> counter;

    CountedSession(int demoDays, ui::ScreenId screen) {
        fillDemo(s, demoDays);
        counter = std::make_unique<CountingRepository>(*s.store);
        auto journal = std::make_unique<core::Journal>(*counter);
        s.app = std::make_unique<ui::App>(journal.get(), test::buildTreeAssets());
        s.app->skipDisclaimer();
        s.journal = std::move(journal);
        s.app->show(screen);
    }
    ~CountedSession() {
        s.app.reset();
        s.journal.reset();
    }
};

}  // namespace

TEST_CASE("History opens the newest episode, deletes it and undoes the delete", "[ui][history]") {
    const auto dir = shotsDir("details");
    for (auto [w, h, scale] : {std::tuple{1280, 800, 1.0f}, std::tuple{412, 915, 2.625f}}) {
        UiSession s;
        fillDemo(s, 60);
        s.app->show(ui::ScreenId::History);
        const core::Episode newest = allEpisodes(s).front();
        const int64_t before = *s.store->countEpisodes({});
        const std::string png = (dir / ("history-details-" + std::to_string(w) + ".png")).string();
        REQUIRE(s.render(w, h, scale, 8, png, test::clickAll({"history:row:first"})).ok);
        CHECK(test::distinctColours(png) > 100);
        REQUIRE(s.render(w, h, scale, 8, "", test::clickAll({"history:delete"})).ok);
        auto gone = s.store->episode(newest.id);
        REQUIRE(gone.ok());
        REQUIRE(gone->has_value());
        CHECK((*gone)->deletedAtUtc.has_value());
        CHECK(*s.store->countEpisodes({}) == before - 1);
        REQUIRE(s.render(w, h, scale, 8, (dir / ("history-undo-" + std::to_string(w) + ".png")).string(),
                         test::clickAll({"history:undo"})).ok);
        auto back = s.store->episode(newest.id);
        REQUIRE(back.ok());
        CHECK_FALSE((*back)->deletedAtUtc.has_value());
        CHECK(*s.store->countEpisodes({}) == before);
    }
    if (!std::getenv("KNEELOG_SHOTS")) std::filesystem::remove_all(dir);
}

TEST_CASE("History's Edit button opens the episode on the Log screen", "[ui][history]") {
    UiSession s;
    fillDemo(s, 20);
    s.app->show(ui::ScreenId::History);
    REQUIRE(s.render(1280, 800, 1.0f, 14, "", test::clickAll({"history:row:first", "history:edit"})).ok);
    CHECK(s.app->current() == ui::ScreenId::Log);
}

TEST_CASE("History's note search narrows the rows to the matching episodes", "[ui][history]") {
    UiSession s;
    fillDemo(s, 90);
    s.app->show(ui::ScreenId::History);
    const auto all = allEpisodes(s);
    const auto withNote = std::find_if(all.begin(), all.end(), [](const core::Episode& e) { return e.note.size() >= 12; });
    REQUIRE(withNote != all.end());
    const std::string query = withNote->note.substr(0, 10);
    std::set<int64_t> expected;
    for (const auto& e : all)
        if (lower(e.note).find(lower(query)) != std::string::npos) expected.insert(e.id);
    REQUIRE(expected.size() < 8);  // few enough to be on screen together
    REQUIRE(s.render(1280, 800, 1.0f, 12, "", typeInto("history:search", query)).ok);
    ui::setItemRecording(true);  // forget the rows seen before the search
    REQUIRE(s.render(1280, 800, 1.0f, 3).ok);
    CHECK(visibleRows(all) == expected);
}

TEST_CASE("History's date fields show only the episodes of those days", "[ui][history]") {
    UiSession s;
    fillDemo(s, 60);
    s.app->show(ui::ScreenId::History);
    const auto all = allEpisodes(s);
    const core::CivilDate day = all[all.size() / 2].startedAt.date;
    std::set<int64_t> expected;
    for (const auto& e : all)
        if (e.startedAt.date == day) expected.insert(e.id);
    const std::string text = core::formatDate(day);
    REQUIRE(s.render(1280, 800, 1.0f, 10, "", typeInto("history:from", text)).ok);
    REQUIRE(s.render(1280, 800, 1.0f, 10, "", typeInto("history:to", text)).ok);
    ui::setItemRecording(true);
    REQUIRE(s.render(1280, 800, 1.0f, 3).ok);
    CHECK(visibleRows(all) == expected);
    // A date that is not on the calendar leaves the filter as it was.
    REQUIRE(s.render(1280, 800, 1.0f, 10, "", typeInto("history:to", "x")).ok);
    ui::setItemRecording(true);
    REQUIRE(s.render(1280, 800, 1.0f, 3).ok);
    CHECK(visibleRows(all) == expected);
}

TEST_CASE("History pages through a long journal as it scrolls to the oldest episode", "[ui][history]") {
    UiSession s;
    fillDemo(s, 400);
    s.app->show(ui::ScreenId::History);
    const auto all = allEpisodes(s);
    auto scroll = [](int f) -> std::optional<platform::ScriptedInput> {
        platform::ScriptedInput in;
        in.mouseX = 600;
        in.mouseY = 600;
        if (f > 2) in.wheel = -20.0f;
        return in;
    };
    REQUIRE(s.render(1280, 800, 1.0f, 80, "", scroll).ok);
    CHECK(ui::itemCenter("history:row:" + std::to_string(all.back().id)).has_value());
}

TEST_CASE("History and Trends render in every theme at desktop and phone size", "[ui][history][trends]") {
    const auto dir = shotsDir("review");
    for (ui::ScreenId screen : {ui::ScreenId::History, ui::ScreenId::Trends})
        for (auto [w, h, scale] : {std::tuple{1280, 800, 1.0f}, std::tuple{412, 915, 2.625f}})
            for (ui::ThemeKind theme : {ui::ThemeKind::Light, ui::ThemeKind::Dark, ui::ThemeKind::Contrast}) {
                UiSession s;
                fillDemo(s, 120);
                s.app->show(screen);
                s.app->setTheme(theme, false);
                const std::string png = (dir / (std::string(screen == ui::ScreenId::History ? "history-" : "trends-") +
                                                std::string(ui::themeName(theme)) + "-" + std::to_string(w) + ".png"))
                                            .string();
                auto r = s.render(w, h, scale, 3, png);
                INFO(static_cast<int>(screen) << " " << w << " " << ui::themeName(theme) << ": " << r.error);
                REQUIRE(r.ok);
                CHECK(test::distinctColours(png) > 150);  // text, a pain ramp and antialiasing: not flat
            }
    if (!std::getenv("KNEELOG_SHOTS")) std::filesystem::remove_all(dir);
}

TEST_CASE("Trends draws every range, from two weeks to everything", "[ui][trends]") {
    const auto dir = shotsDir("ranges");
    UiSession s;
    fillDemo(s, 730);
    s.app->show(ui::ScreenId::Trends);
    for (const char* key : {"2w", "1m", "3m", "1y", "all"}) {
        const std::string png = (dir / (std::string("trends-range-") + key + ".png")).string();
        REQUIRE(s.render(1280, 800, 1.0f, 8, png, test::clickAt(std::string("trends:range:") + key, 2)).ok);
        INFO(key);
        CHECK(test::distinctColours(png) > 150);
    }
    if (!std::getenv("KNEELOG_SHOTS")) std::filesystem::remove_all(dir);
}

TEST_CASE("Trends shows a friendly empty state on an empty journal", "[ui][trends]") {
    UiSession s;
    s.app->show(ui::ScreenId::Trends);
    REQUIRE(s.render(412, 915, 2.625f, 12, "", test::clickAt("trends:log", 4)).ok);
    CHECK(s.app->current() == ui::ScreenId::Log);
}

TEST_CASE("History and Trends do not query the store again while nothing changes", "[ui][cache]") {
    for (ui::ScreenId screen : {ui::ScreenId::History, ui::ScreenId::Trends}) {
        INFO("screen " << static_cast<int>(screen));
        CountedSession few(200, screen);
        REQUIRE(few.s.render(1280, 800, 1.0f, 2).ok);
        CountedSession many(200, screen);
        REQUIRE(many.s.render(1280, 800, 1.0f, 50).ok);
        CHECK(few.counter->calls > 0);
        CHECK(many.counter->calls == few.counter->calls);
        // A committed write is noticed: the next frames query once more, then settle again.
        const int settled = many.counter->calls;
        core::Episode e;
        e.startedAt = core::localFromUtc(core::nowUtc() - 60);
        e.pain = 4;
        REQUIRE(many.s.journal->add(e).ok());
        const int afterWrite = many.counter->calls;
        REQUIRE(many.s.render(1280, 800, 1.0f, 3).ok);
        const int reloaded = many.counter->calls;
        CHECK(reloaded > afterWrite);
        REQUIRE(many.s.render(1280, 800, 1.0f, 30).ok);
        CHECK(many.counter->calls == reloaded);
        CHECK(settled > 0);
    }
}

TEST_CASE("Trends queries again when another range is chosen", "[ui][cache][trends]") {
    CountedSession c(200, ui::ScreenId::Trends);
    REQUIRE(c.s.render(1280, 800, 1.0f, 4).ok);
    const int before = c.counter->calls;
    REQUIRE(c.s.render(1280, 800, 1.0f, 12, "", test::clickAll({"trends:range:all", "trends:range:2w"})).ok);
    CHECK(c.counter->calls > before);
    const int after = c.counter->calls;
    REQUIRE(c.s.render(1280, 800, 1.0f, 20).ok);
    CHECK(c.counter->calls == after);
}

// Not a timed test (hidden, never run by ctest): tests/bench/frame_times.sh runs it to print the
// CPU time of the screens' own frame code (App::frame: layout and draw lists), without the
// software rasterizer that dominates `kneelog screenshot --frames` at desktop size.
TEST_CASE("bench: History and Trends frame code on a 10-year journal and an empty one", "[.bench]") {
    const auto dir = test::tempDir("bench");
    const auto median = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v.empty() ? 0.0 : v[v.size() / 2];
    };
    for (int days : {3650, 0}) {
        std::string name = "j";  // appended, not "j" + ...: GCC 12 -O3 reports a false -Wrestrict
        name += std::to_string(days);
        name += ".db";
        const std::string db = (dir / name).string();
        {
            UiSession fill(db);
            if (days > 0) fillDemo(fill, days);
        }
        for (ui::ScreenId screen : {ui::ScreenId::History, ui::ScreenId::Trends}) {
            UiSession s(db);
            s.app->show(screen);
            std::vector<double> ms;
            platform::HeadlessConfig cfg;
            cfg.frames = 300;
            platform::FrameHooks hooks;
            hooks.setup = [&](float scale) { s.app->setup(scale); };
            hooks.prepareFrame = [&] { return s.app->prepareFrame(); };
            hooks.frame = [&] {
                timespec a{}, b{};
                clock_gettime(CLOCK_THREAD_CPUTIME_ID, &a);
                s.app->frame();
                clock_gettime(CLOCK_THREAD_CPUTIME_ID, &b);
                ms.push_back(static_cast<double>(b.tv_sec - a.tv_sec) * 1e3 + static_cast<double>(b.tv_nsec - a.tv_nsec) / 1e6);
            };
            REQUIRE(platform::runHeadless(cfg, hooks).ok);
            ms.erase(ms.begin());  // the first frame reads the journal
            std::printf("ui_frame_ms_median screen=%s days=%d median=%.3f\n", screen == ui::ScreenId::History ? "history" : "trends",
                        days, median(ms));
        }
    }
    std::filesystem::remove_all(dir);
}
