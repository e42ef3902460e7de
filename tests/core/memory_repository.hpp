#pragma once
// An in-memory core::JournalRepository for tests of the journal service: no SQLite, only the
// standard library, so the core is shown to work on its own. It follows the conventions of
// db::JournalStore (see db/journal_store.hpp):
// - ranges are inclusive local days (the episode's recorded local date); an open bound is open;
// - soft-deleted episodes and their alerts are left out of every query except episode(id);
// - episodes() is newest first: local day, then local start time, then id, all descending;
//   episodesAfter() is that order reversed, after a cursor; episodesBefore() that order, before one;
//   alerts() and pendingAlerts() are newest first by the time shown, then id;
// - updateEpisode() keeps an existing episode alert whose rule set is unchanged (id, time shown,
//   acknowledgement), drops the other episode alerts and adds the new ones; history alerts given
//   are added, earlier history alerts are left alone; the deletion state is not changed;
// - every successful write bumps dataVersion() once (a write that changes nothing does not);
// - addEpisodes() is all or nothing;
// - updateEpisode() keeps the stored relief rating (setRelief changes it); pegEntries() is oldest first.
// A test can make the n-th write from now fail (failWrite) or every read fail (failReads), and
// counts the setSetting calls.
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "core/crypto/random.hpp"
#include "core/journal.hpp"
#include "core/repository.hpp"

namespace fakes {

class MemoryRepository final : public core::JournalRepository {
public:
    // [SECTION] Test controls
    // The `n`-th write call from now (1 = the next one) fails with `code`, writing nothing.
    void failWrite(int n = 1, core::ErrorCode code = core::ErrorCode::Io) {
        m_failIn = n;
        m_failCode = code;
    }
    // Every read fails while set.
    bool failReads = false;
    int setSettingCalls = 0;
    std::vector<std::string> settingKeysWritten;
    int writeCalls = 0;  // every write call, failed or not
    int dailyBackupCalls = 0;

    std::size_t storedEpisodes() const { return m_episodes.size(); }  // deleted ones included
    const std::vector<core::Alert>& storedAlerts() const { return m_alerts; }
    const std::map<std::string, std::string>& storedSettings() const { return m_settings; }

    // [SECTION] Writes
    core::Result<int64_t> addEpisode(const core::Episode& e, const std::vector<core::Alert>& alerts) override {
        if (auto f = writeFailure("save the episode")) return *f;
        if (auto r = storable(e); !r) return r.error();
        const int64_t id = insert(e, alerts);
        ++m_version;
        return id;
    }

    core::Result<void> addEpisodes(const std::vector<std::pair<core::Episode, std::vector<core::Alert>>>& batch,
                                   std::span<const core::PegEntry> checkins) override {
        if (auto f = writeFailure("import the episodes")) return *f;
        for (std::size_t i = 0; i < batch.size(); ++i)
            if (auto r = storable(batch[i].first); !r)
                return core::makeError(r.error().code, "Entry " + std::to_string(i + 1) + " of " +
                                                           std::to_string(batch.size()) + ": " + r.error().message +
                                                           ". Nothing was imported.");
        for (const auto& [e, alerts] : batch) insert(e, alerts);
        for (const core::PegEntry& p : checkins) {
            core::PegEntry stored = p;
            stored.id = m_nextPegId++;
            m_peg.push_back(stored);
        }
        ++m_version;
        return {};
    }

    core::Result<void> updateEpisode(const core::Episode& e, const std::vector<core::Alert>& alerts) override {
        if (auto f = writeFailure("update the episode")) return *f;
        if (auto r = storable(e); !r) return r;
        auto it = m_episodes.find(e.id);
        if (it == m_episodes.end()) return notFound("episode", e.id);
        core::Episode stored = e;
        stored.deletedAtUtc = it->second.deletedAtUtc;
        stored.uid = it->second.uid;  // an update never changes the uid
        if (stored.editedAtUtc == 0) stored.editedAtUtc = stored.recordedAtUtc;
        stored.relief = it->second.relief;  // changed by setRelief only
        it->second = std::move(stored);
        // Episode alerts: keep the unchanged ones, drop the others, add the new ones.
        std::vector<int64_t> previous;  // ids of this episode's own alerts not yet matched
        for (const core::Alert& a : m_alerts)
            if (a.episodeId == e.id && !a.fromHistory) previous.push_back(a.id);
        std::vector<core::Alert> added;
        for (const core::Alert& a : alerts) {
            if (!a.fromHistory) {
                auto same = std::find_if(previous.begin(), previous.end(), [&](int64_t id) {
                    return alertById(id)->ruleIds == a.ruleIds;
                });
                if (same != previous.end()) {
                    previous.erase(same);
                    continue;
                }
            }
            added.push_back(a);
        }
        std::erase_if(m_alerts, [&](const core::Alert& a) {
            return std::find(previous.begin(), previous.end(), a.id) != previous.end();
        });
        for (core::Alert a : added) {
            a.id = m_nextAlertId++;
            a.episodeId = e.id;
            m_alerts.push_back(std::move(a));
        }
        ++m_version;
        return {};
    }

    core::Result<void> softDelete(int64_t id, int64_t atUtc) override { return setDeleted(id, atUtc); }
    core::Result<void> undelete(int64_t id, int64_t atUtc) override { return setDeleted(id, std::nullopt, atUtc); }

    core::Result<void> acknowledgeAlert(int64_t alertId, int64_t atUtc) override {
        if (auto f = writeFailure("acknowledge the alert")) return *f;
        core::Alert* a = alertById(alertId);
        if (!a) return notFound("alert", alertId);
        if (a->acknowledgedAtUtc) return {};  // the first acknowledgement is kept
        a->acknowledgedAtUtc = atUtc;
        ++m_version;
        return {};
    }

    core::Result<void> setSetting(const std::string& key, const std::string& value) override {
        return setSettings({{key, value}});
    }

    core::Result<void> setRelief(int64_t episodeId, std::optional<int> relief, int64_t atUtc) override {
        if (auto f = writeFailure("save the relief rating")) return *f;
        auto it = m_episodes.find(episodeId);
        if (it == m_episodes.end()) return notFound("episode", episodeId);
        it->second.relief = relief;
        it->second.editedAtUtc = atUtc;  // part of the content: an edit (merge_rules.md)
        ++m_version;
        return {};
    }

    core::Result<int64_t> addPeg(const core::PegEntry& p) override {
        if (auto f = writeFailure("save the check-in")) return *f;
        core::PegEntry stored = p;
        stored.id = m_nextPegId++;
        m_peg.push_back(stored);
        ++m_version;
        return stored.id;
    }

    // Oldest first by the instant answered, then id.
    core::Result<std::vector<core::PegEntry>> pegEntries(const core::DateRange& range) override {
        if (failReads) return readError();
        std::vector<core::PegEntry> out;
        for (const core::PegEntry& p : m_peg)
            if ((!range.from || p.at.date >= *range.from) && (!range.to || p.at.date <= *range.to)) out.push_back(p);
        std::stable_sort(out.begin(), out.end(), [](const core::PegEntry& a, const core::PegEntry& b) {
            return std::pair(core::toUtcSeconds(a.at), a.id) < std::pair(core::toUtcSeconds(b.at), b.id);
        });
        return out;
    }

    // One transaction of one statement per key: a failing statement stores none of them.
    core::Result<void> setSettings(const std::vector<std::pair<std::string, std::string>>& values) override {
        for (std::size_t i = 0; i < values.size(); ++i) {
            ++setSettingCalls;
            if (auto f = writeFailure("save the setting")) return *f;
        }
        for (const auto& [key, value] : values) {
            settingKeysWritten.push_back(key);
            m_settings[key] = value;
        }
        ++m_version;
        return {};
    }

    // All or nothing, like the SQLite store: everything is checked before anything changes.
    core::Result<void> applyMerge(const core::MergeWrite& w) override {
        if (auto f = writeFailure("merge the bundle")) return *f;
        for (const auto& [e, alerts] : w.add)
            if (auto r = storable(e); !r) return r;
        for (const core::Episode& e : w.update)
            if (!m_episodes.count(e.id)) return notFound("episode", e.id);
        for (const core::Alert& a : w.addAlerts)
            if (!m_episodes.count(a.episodeId)) return notFound("episode", a.episodeId);
        for (const auto& [id, at] : w.acknowledge)
            if (!alertById(id)) return notFound("alert", id);
        for (const core::PegEntry& p : w.addPeg)
            if (!core::isValidDate(p.at.date) || p.at.date.year > 9999)
                return core::makeError(core::ErrorCode::Invalid, "Could not save the check-in (its date is not a valid day)");
        for (const auto& [e, alerts] : w.add) insert(e, alerts);
        for (const core::Episode& e : w.update) m_episodes[e.id] = e;
        for (core::Alert a : w.addAlerts) {
            a.id = m_nextAlertId++;
            m_alerts.push_back(std::move(a));
        }
        for (const auto& [id, at] : w.acknowledge) alertById(id)->acknowledgedAtUtc = at;
        for (const core::HistoryRecord& h : w.history)
            if (std::none_of(m_history.begin(), m_history.end(), [&](const core::HistoryRecord& k) { return k.sameVersion(h); }))
                m_history.push_back(h);
        for (const auto& [key, value] : w.settings) m_settings[key] = value;
        for (core::PegEntry p : w.addPeg) {
            p.id = m_nextPegId++;
            m_peg.push_back(p);
        }
        ++m_version;
        return {};
    }

    // [SECTION] Reads
    core::Result<std::vector<core::Episode>> allEpisodes() override {
        if (failReads) return readError();
        std::vector<core::Episode> out;
        for (const auto& [id, e] : m_episodes) out.push_back(e);
        return out;
    }
    core::Result<std::vector<core::Alert>> allAlerts() override {
        if (failReads) return readError();
        return m_alerts;
    }
    core::Result<std::vector<core::HistoryRecord>> episodeHistory() override {
        if (failReads) return readError();
        return m_history;
    }

    core::Result<std::optional<core::Episode>> episode(int64_t id) override {
        if (failReads) return readError();
        auto it = m_episodes.find(id);
        if (it == m_episodes.end()) return std::optional<core::Episode>{};
        return std::optional<core::Episode>{it->second};
    }

    core::Result<std::vector<core::Episode>> episodes(const core::DateRange& range, int limit, int offset) override {
        if (failReads) return readError();
        return page(live(range), limit, offset);
    }

    // Oldest first (live() reversed), the `limit` after the cursor.
    core::Result<std::vector<core::Episode>> episodesAfter(const core::DateRange& range,
                                                           const std::optional<core::EpisodeCursor>& after,
                                                           int limit) override {
        if (failReads) return readError();
        std::vector<core::Episode> all = live(range);
        std::reverse(all.begin(), all.end());
        if (after) {
            const auto cursor = orderKey(after->startedAt, after->id);
            std::erase_if(all, [&](const core::Episode& e) { return orderKey(e.startedAt, e.id) <= cursor; });
        }
        return page(std::move(all), limit, 0);
    }

    // Newest first (live()), the `limit` before the cursor.
    core::Result<std::vector<core::Episode>> episodesBefore(const core::DateRange& range,
                                                            const std::optional<core::EpisodeCursor>& before,
                                                            int limit) override {
        if (failReads) return readError();
        std::vector<core::Episode> all = live(range);
        if (before) {
            const auto cursor = orderKey(before->startedAt, before->id);
            std::erase_if(all, [&](const core::Episode& e) { return orderKey(e.startedAt, e.id) >= cursor; });
        }
        return page(std::move(all), limit, 0);
    }

    core::Result<int64_t> countEpisodes(const core::DateRange& range) override {
        if (failReads) return readError();
        return static_cast<int64_t>(live(range).size());
    }

    core::Result<std::vector<core::Episode>> episodesWithNote(const core::DateRange& range, const std::string& text,
                                                              int limit, int offset) override {
        if (failReads) return readError();
        std::vector<core::Episode> found = live(range);
        const std::string needle = asciiLower(text);
        std::erase_if(found, [&](const core::Episode& e) { return asciiLower(e.note).find(needle) == std::string::npos; });
        return page(std::move(found), limit, offset);
    }

    core::Result<std::vector<std::string>> textsBeyondAscii() override {
        if (failReads) return readError();
        std::vector<std::string> out;
        const auto beyond = [](const std::string& s) {
            return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
        };
        for (const auto& [id, e] : m_episodes)
            if (beyond(e.note)) out.push_back(e.note);
        for (const auto& [id, e] : m_episodes)
            if (beyond(e.medication)) out.push_back(e.medication);
        return out;
    }

    core::Result<std::vector<core::DaySummary>> daySummaries(const core::DateRange& range) override {
        if (failReads) return readError();
        std::map<core::CivilDate, std::pair<core::DaySummary, int>> days;  // day -> summary, pain sum
        for (const core::Episode& e : live(range)) {
            auto& [d, sum] = days[e.startedAt.date];
            d.day = e.startedAt.date;
            ++d.episodes;
            d.maxPain = std::max(d.maxPain, e.pain);
            sum += e.pain;
            d.swelling = d.swelling || e.hasSymptom("swelling");
        }
        std::vector<core::DaySummary> out;
        for (auto& [day, entry] : days) {
            entry.first.meanPain = static_cast<double>(entry.second) / entry.first.episodes;
            out.push_back(entry.first);
        }
        return out;
    }

    core::Result<std::vector<core::NameCount>> symptomCounts(const core::DateRange& range) override {
        return counts(range, [](const core::Episode& e) { return e.symptoms; });
    }
    core::Result<std::vector<core::NameCount>> contextCounts(const core::DateRange& range) override {
        return counts(range, [](const core::Episode& e) { return e.when; });
    }
    core::Result<std::vector<core::NameCount>> sideCounts(const core::DateRange& range) override {
        return counts(range, [](const core::Episode& e) { return std::vector<std::string>{e.side}; });
    }
    core::Result<std::vector<core::NameCount>> painTypeCounts(const core::DateRange& range) override {
        return counts(range, [](const core::Episode& e) { return std::vector<std::string>{e.painType}; });
    }
    core::Result<std::vector<core::NameCount>> whereCounts(const core::DateRange& range) override {
        return counts(range, [](const core::Episode& e) { return e.where; });
    }

    core::Result<std::vector<core::Alert>> alerts(const core::DateRange& range) override {
        if (failReads) return readError();
        return newestFirst([&](const core::Alert& a) {
            const core::Episode* e = liveEpisode(a.episodeId);
            return e && inRange(*e, range);
        });
    }

    core::Result<std::vector<core::Alert>> pendingAlerts(core::Level minLevel) override {
        if (failReads) return readError();
        return newestFirst([&](const core::Alert& a) {
            return liveEpisode(a.episodeId) && !a.acknowledgedAtUtc && a.level >= minLevel;
        });
    }

    core::Result<std::optional<std::string>> setting(const std::string& key) override {
        if (failReads) return readError();
        auto it = m_settings.find(key);
        if (it == m_settings.end()) return std::optional<std::string>{};
        return std::optional<std::string>{it->second};
    }

    uint64_t dataVersion() override { return m_version; }

    core::Result<std::optional<std::string>> dailyBackup(core::CivilDate) override {
        ++dailyBackupCalls;
        return std::optional<std::string>{};  // this storage keeps no backups
    }

private:
    static core::Error readError() { return core::makeError(core::ErrorCode::Io, "Could not read the journal (test)"); }
    static core::Error notFound(const char* what, int64_t id) {
        return core::makeError(core::ErrorCode::NotFound, std::string("There is no ") + what + " " + std::to_string(id));
    }

    // Counts the write call; the failure injected for it, if any.
    std::optional<core::Error> writeFailure(const char* operation) {
        ++writeCalls;
        if (m_failIn > 0 && --m_failIn == 0)
            return core::makeError(m_failCode, std::string("Could not ") + operation + " (test failure)");
        return std::nullopt;
    }

    static core::Result<void> storable(const core::Episode& e) {
        if (!core::isValidDate(e.startedAt.date) || e.startedAt.date.year > 9999)
            return core::makeError(core::ErrorCode::Invalid, "Could not save the episode (its date is not a valid day)");
        return {};
    }

    int64_t insert(const core::Episode& e, const std::vector<core::Alert>& alerts) {
        const int64_t id = m_nextEpisodeId++;
        core::Episode stored = e;
        stored.id = id;
        if (stored.uid.empty()) stored.uid = core::crypto::newUuid();
        if (stored.editedAtUtc == 0) stored.editedAtUtc = stored.recordedAtUtc;
        m_episodes.emplace(id, std::move(stored));
        for (core::Alert a : alerts) {
            a.id = m_nextAlertId++;
            a.episodeId = id;
            m_alerts.push_back(std::move(a));
        }
        return id;
    }

    core::Result<void> setDeleted(int64_t id, std::optional<int64_t> atUtc, std::optional<int64_t> editedAt = {}) {
        if (auto f = writeFailure(atUtc ? "delete the episode" : "restore the episode")) return *f;
        auto it = m_episodes.find(id);
        if (it == m_episodes.end()) return notFound("episode", id);
        if (it->second.deletedAtUtc.has_value() == atUtc.has_value()) return {};  // already in that state
        it->second.deletedAtUtc = atUtc;
        if (editedAt) it->second.editedAtUtc = *editedAt;  // a restore counts as an edit
        ++m_version;
        return {};
    }

    core::Alert* alertById(int64_t id) {
        auto it = std::find_if(m_alerts.begin(), m_alerts.end(), [&](const core::Alert& a) { return a.id == id; });
        return it == m_alerts.end() ? nullptr : &*it;
    }

    const core::Episode* liveEpisode(int64_t id) const {
        auto it = m_episodes.find(id);
        return it == m_episodes.end() || it->second.deletedAtUtc ? nullptr : &it->second;
    }

    static bool inRange(const core::Episode& e, const core::DateRange& range) {
        const core::CivilDate& d = e.startedAt.date;
        return (!range.from || d >= *range.from) && (!range.to || d <= *range.to);
    }

    // Not deleted, in range, newest first.
    std::vector<core::Episode> live(const core::DateRange& range) const {
        std::vector<core::Episode> out;
        for (const auto& [id, e] : m_episodes)
            if (!e.deletedAtUtc && inRange(e, range)) out.push_back(e);
        std::sort(out.begin(), out.end(), [](const core::Episode& a, const core::Episode& b) {
            return orderKey(a.startedAt, a.id) > orderKey(b.startedAt, b.id);
        });
        return out;
    }

    // The store's order: local day, local start time, then id.
    using OrderKey = std::tuple<core::CivilDate, int, int, int, int64_t>;
    static OrderKey orderKey(const core::LocalDateTime& t, int64_t id) {
        return std::tuple(t.date, t.hour, t.minute, t.second, id);
    }

    static std::vector<core::Episode> page(std::vector<core::Episode> all, int limit, int offset) {
        const std::size_t from = std::min(all.size(), static_cast<std::size_t>(std::max(offset, 0)));
        all.erase(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(from));
        if (limit >= 0 && all.size() > static_cast<std::size_t>(limit)) all.resize(static_cast<std::size_t>(limit));
        return all;
    }

    static std::string asciiLower(std::string s) {
        for (char& c : s)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        return s;
    }

    template <class Names>
    core::Result<std::vector<core::NameCount>> counts(const core::DateRange& range, Names names) {
        if (failReads) return readError();
        std::map<std::string, int> byName;
        for (const core::Episode& e : live(range)) {
            const std::vector<std::string> list = names(e);
            for (const std::string& n : std::set<std::string>(list.begin(), list.end())) ++byName[n];
        }
        std::vector<core::NameCount> out;
        for (const auto& [name, count] : byName) out.push_back({name, count});
        std::stable_sort(out.begin(), out.end(), [](const core::NameCount& a, const core::NameCount& b) {
            return a.count > b.count;  // most first; equal counts stay in name order
        });
        return out;
    }

    template <class Keep>
    std::vector<core::Alert> newestFirst(Keep keep) const {
        std::vector<core::Alert> out;
        for (const core::Alert& a : m_alerts)
            if (keep(a)) out.push_back(a);
        std::sort(out.begin(), out.end(), [](const core::Alert& a, const core::Alert& b) {
            return std::tie(a.shownAtUtc, a.id) > std::tie(b.shownAtUtc, b.id);
        });
        return out;
    }

    std::map<int64_t, core::Episode> m_episodes;
    std::vector<core::Alert> m_alerts;
    std::vector<core::HistoryRecord> m_history;
    std::map<std::string, std::string> m_settings;
    std::vector<core::PegEntry> m_peg;
    int64_t m_nextPegId = 1;
    int64_t m_nextEpisodeId = 1;
    int64_t m_nextAlertId = 1;
    uint64_t m_version = 0;
    int m_failIn = 0;
    core::ErrorCode m_failCode = core::ErrorCode::Io;
};

// A journal over its own in-memory repository, with a clock the test can move.
struct ClockedJournal {
    explicit ClockedJournal(int64_t start) : now(start) {}
    MemoryRepository repo;
    int64_t now;
    core::Journal journal{repo, [this] { return now; }};
};

}  // namespace fakes
