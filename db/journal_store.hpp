#pragma once
// The SQLite journal: implements core::StoredJournal (core/storage.hpp), plus opening with safety checks,
// bulk import, integrity check, backups, restore and "delete all my data".
//
// Conventions:
// - Ranges are inclusive local days (the person's day as recorded); an open bound is open.
// - Soft-deleted episodes (and their alerts) are left out of every query except episode(id).
// - episodes() is newest first: local day, then local start time, then id, all descending;
//   episodesAfter() is exactly that order reversed, paged by a cursor (keyset) rather than an offset;
//   episodesBefore() is that order itself, paged by a cursor the same way.
//   alerts() and pendingAlerts() are newest first by the time shown.
// - updateEpisode() replaces the episode's own (non-history) alerts with the given ones, but an
//   existing alert whose rule set is unchanged is kept as it is (id, time shown and
//   acknowledgement), so an edit does not re-raise what the person already acknowledged.
//   Given history alerts are added as new rows; earlier history alerts are left alone.
//   The episode's deletion state is not changed by an update (use softDelete/undelete), nor its
//   relief rating (use setRelief).
// - addEpisode() ignores the episode's and the alerts' ids and returns the new episode id; it keeps
//   the episode's uid when given (a merge) and makes a new one otherwise; an edit time of 0 is
//   stored as the time recorded. updateEpisode() never changes the uid.
// - dataVersion() = this connection's commit count + PRAGMA data_version (other processes).
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/io/file_guard.hpp"
#include "core/repository.hpp"
#include "core/storage.hpp"
#include "db/sqlite.hpp"

namespace db {

using OpenOptions = core::OpenOptions;
using BackupInfo = core::BackupInfo;

using EpisodeBatch = std::vector<std::pair<core::Episode, std::vector<core::Alert>>>;

class JournalStore : public core::StoredJournal {
public:
    // Opens (creating 0600 in a 0700 folder if missing) and upgrades the journal at `path`;
    // ":memory:" gives a private in-memory journal. A file that is foreign, damaged or from a
    // newer KneeLog is refused with a clear message and never written to.
    static core::Result<std::unique_ptr<JournalStore>> open(const std::string& path, OpenOptions opts = {});
    ~JournalStore() override;

    core::Result<int64_t> addEpisode(const core::Episode& e, const std::vector<core::Alert>& alerts) override;
    core::Result<void> updateEpisode(const core::Episode& e, const std::vector<core::Alert>& alerts) override;
    core::Result<void> softDelete(int64_t id, int64_t atUtc) override;
    core::Result<void> undelete(int64_t id, int64_t atUtc) override;
    core::Result<std::optional<core::Episode>> episode(int64_t id) override;
    core::Result<std::vector<core::Episode>> episodes(const core::DateRange& range, int limit, int offset) override;
    core::Result<int64_t> countEpisodes(const core::DateRange& range) override;
    core::Result<std::vector<core::Episode>> episodesAfter(const core::DateRange& range,
                                                           const std::optional<core::EpisodeCursor>& after,
                                                           int limit) override;
    core::Result<std::vector<core::Episode>> episodesBefore(const core::DateRange& range,
                                                           const std::optional<core::EpisodeCursor>& before,
                                                           int limit) override;
    core::Result<std::vector<core::DaySummary>> daySummaries(const core::DateRange& range) override;
    core::Result<std::vector<core::NameCount>> symptomCounts(const core::DateRange& range) override;
    core::Result<std::vector<core::NameCount>> contextCounts(const core::DateRange& range) override;
    core::Result<std::vector<core::NameCount>> sideCounts(const core::DateRange& range) override;
    core::Result<std::vector<core::NameCount>> painTypeCounts(const core::DateRange& range) override;
    core::Result<std::vector<core::NameCount>> whereCounts(const core::DateRange& range) override;
    core::Result<std::vector<core::Episode>> episodesWithNote(const core::DateRange& range, const std::string& text,
                                                              int limit, int offset) override;
    core::Result<std::vector<std::string>> textsBeyondAscii() override;
    core::Result<std::vector<core::Alert>> alerts(const core::DateRange& range) override;
    core::Result<std::vector<core::Alert>> pendingAlerts(core::Level minLevel) override;
    core::Result<void> acknowledgeAlert(int64_t alertId, int64_t atUtc) override;
    core::Result<void> setRelief(int64_t episodeId, std::optional<int> relief, int64_t atUtc) override;
    core::Result<int64_t> addPeg(const core::PegEntry& p) override;
    core::Result<std::vector<core::PegEntry>> pegEntries(const core::DateRange& range) override;
    core::Result<std::optional<std::string>> setting(const std::string& key) override;
    core::Result<void> setSetting(const std::string& key, const std::string& value) override;
    core::Result<void> setSettings(const std::vector<std::pair<std::string, std::string>>& values) override;
    uint64_t dataVersion() override;
    // Bundles (journal_store_merge.cpp).
    core::Result<std::vector<core::Episode>> allEpisodes() override;
    core::Result<std::vector<core::Alert>> allAlerts() override;
    core::Result<std::vector<core::HistoryRecord>> episodeHistory() override;
    core::Result<void> applyMerge(const core::MergeWrite& write) override;

    // Stores many episodes with their alerts in one transaction (demo data, import).
    core::Result<void> addEpisodes(const EpisodeBatch& batch, std::span<const core::PegEntry> checkins) override;
    // The per-day history the H rules read, for the inclusive local days [from, to], oldest first.
    core::Result<std::vector<core::HistoryDay>> historyDays(core::CivilDate from, core::CivilDate to);
    // Full integrity check (and foreign keys); Corrupt when anything is wrong.
    core::Result<void> check() override;
    // A consistent copy of the journal in `file` (mode 0600), written aside and renamed into place.
    core::Result<void> backupTo(const std::string& file) override;
    // Today's automatic backup in the journal's own backups folder (backupsFolder), keeping the
    // newest 7; the path made, or nullopt when today's already exists.
    core::Result<std::optional<std::string>> dailyBackup(core::CivilDate today) override;

    // Backups belong to their journal: "<folder>/backups/<journal file name>/" holds the daily
    // backups ("YYYY-MM-DD.db") and the journals replaced by a restore
    // ("before-restore-<UTC time>.db") of that journal only, so journals side by side never
    // share, skip or delete each other's backups.
    static std::string backupsFolder(const std::string& dbPath);
    // Every backup of the journal at `dbPath`, newest first, each checked (read-only).
    static std::vector<BackupInfo> backups(const std::string& dbPath);
    // The newest backup that is a sound KneeLog journal.
    static std::optional<BackupInfo> newestGoodBackup(const std::string& dbPath);
    // Backups made before backups were kept per journal ("backups/kneelog-YYYY-MM-DD.db" beside
    // the journal): they cannot be told apart between journals, so nothing deletes them; wipe and
    // the recovery advice name them.
    static std::vector<std::string> legacyBackups(const std::string& dbPath);
    // The newest good automatic backup's path, if any.
    static std::optional<std::string> newestBackup(const std::string& dbPath);
    // What to do about a journal that cannot be read: the newest good backup (path, date,
    // entries) and the exact command that restores it, or that there is none and what to try.
    static std::string recoveryAdvice(const std::string& dbPath);
    // The journal's own files, which no export or backup may overwrite: the journal, its -wal,
    // -shm and -journal (beside the path given and beside the file a symlink points to) and its
    // backups folder.
    static std::vector<io::ProtectedPath> protectedPaths(const std::string& dbPath);
    // Replaces the journal at `dbPath` with `backupFile` after checking the backup is a sound
    // KneeLog journal; the current journal is kept in its backups folder first. Returns where it
    // was kept (nullopt when there was no journal to keep). Close every store on `dbPath` first.
    static core::Result<std::optional<std::string>> restore(const std::string& backupFile, const std::string& dbPath);
    // Deletes every episode, alert and PEG check-in and this journal's backups (only its own), then
    // checkpoints and vacuums so no trace remains in the file. Settings are kept.
    // `removedBackups`, when given, receives the number of backup files removed.
    core::Result<void> wipe(std::size_t* removedBackups = nullptr) override;
    // Moves every committed page from the write-ahead log into the journal file and empties the
    // log (the app going to the background: Android may end it there). Busy when another
    // connection is reading.
    core::Result<void> checkpoint();
    std::string path() const override { return m_path; }
    bool readOnly() const override { return m_readOnly; }

private:
    JournalStore(Connection conn, std::string path, bool readOnly);

    core::Result<int64_t> insertEpisode(const core::Episode& e, const std::vector<core::Alert>& alerts);
    core::Result<void> insertNames(int64_t id, const core::Episode& e);
    core::Result<void> replaceNames(int64_t id, const core::Episode& e);
    core::Result<void> insertAlert(int64_t episodeId, const core::Alert& a);
    core::Result<int64_t> insertPeg(const core::PegEntry& p);
    core::Result<void> replaceAlerts(int64_t episodeId, const std::vector<core::Alert>& alerts);
    core::Result<void> bumpDaySummary(const core::Episode& e);
    core::Result<std::optional<std::pair<int64_t, bool>>> dayAndDeleted(int64_t id);
    core::Result<void> setDeleted(int64_t id, std::optional<int64_t> atUtc, const char* operation,
                                  std::optional<int64_t> editedAtUtc = std::nullopt);
    core::Result<void> overwriteEpisode(const core::Episode& e);
    core::Result<void> writeMerge(const core::MergeWrite& write);
    core::Result<std::vector<core::DaySummary>> summaryRows(int64_t from, int64_t to);
    core::Result<std::vector<core::NameCount>> nameCounts(const char* sql, const core::DateRange& range);
    core::Result<std::vector<core::Episode>> episodeRows(const std::string& sql, const core::DateRange& range,
                                                         const std::string* note, int limit, int offset);
    core::Result<std::vector<core::Episode>> collectEpisodes(Statement& stmt);
    core::Result<std::vector<core::Alert>> alertRows(const std::string& sql, std::initializer_list<int64_t> params);
    core::Result<void> committed(Transaction& tx);
    // Checkpoints and leaves WAL mode, so the file can be replaced with no log left beside it.
    core::Result<void> leaveWalMode();
    // Keeps the journal at `dbPath` in its backups folder before a restore replaces it.
    static core::Result<std::optional<std::string>> keepCurrent(const std::string& dbPath);

    Connection m_conn;
    std::string m_path;
    bool m_readOnly = false;
    uint64_t m_ownCommits = 0;
    uint64_t m_lastVersion = 0;
};

}  // namespace db
