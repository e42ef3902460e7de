#pragma once
// The journal as a file, as the command line and the window see it: opening with safety checks,
// the integrity check, backups, restore and "delete all my data". core declares it; db/
// implements it with SQLite (db/journal_files.hpp); app/main.cpp and app/gui.cpp wire the
// implementation in, so app/cli and app/ui never name the storage engine.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/io/file_guard.hpp"
#include "core/repository.hpp"
#include "core/result.hpp"

namespace core {

struct OpenOptions {
    bool readOnly = false;
    int busyTimeoutMs = 4000;
    // false: a missing journal is refused ("There is no journal at PATH") and nothing is created.
    bool create = true;
    // true: a journal that cannot be written (read-only file or folder, or a file with no write
    // permission bit at all) is opened read-only instead of being refused; for reading commands.
    bool readOnlyIfNeeded = false;
};

// One automatic backup of a journal.
struct BackupInfo {
    std::string path;
    int64_t madeAtUtc = 0;                 // the file's modification time
    std::optional<int64_t> episodes;       // none when the backup is not a sound KneeLog journal
};

// An open journal file: the repository the service reads and writes, plus the file-level work.
class StoredJournal : public JournalRepository {
public:
    // Full integrity check (and foreign keys); Corrupt when anything is wrong.
    virtual Result<void> check() = 0;
    // A consistent copy of the journal in `file` (mode 0600), written aside and renamed into place.
    virtual Result<void> backupTo(const std::string& file) = 0;
    // Deletes every episode and alert and this journal's own backups, so no trace remains in the
    // file; settings are kept. `removedBackups`, when given, receives the number removed.
    virtual Result<void> wipe(std::size_t* removedBackups = nullptr) = 0;
    virtual std::string path() const = 0;
    virtual bool readOnly() const = 0;
};

// Journal files by path. Every function works without an open journal (so it also works when
// the journal is damaged).
class JournalFiles {
public:
    virtual ~JournalFiles() = default;
    // Opens (creating 0600 in a 0700 folder when allowed) and upgrades the journal at `path`;
    // ":memory:" is a private in-memory journal. A foreign, damaged or newer file is refused
    // with a clear message and never written to.
    virtual Result<std::unique_ptr<StoredJournal>> open(const std::string& path, const OpenOptions& options) = 0;
    // Where this journal's own backups are kept.
    virtual std::string backupsFolder(const std::string& dbPath) = 0;
    // Every backup of the journal, newest first, each checked (read-only).
    virtual std::vector<BackupInfo> backups(const std::string& dbPath) = 0;
    // The newest backup that is a sound KneeLog journal.
    virtual std::optional<BackupInfo> newestGoodBackup(const std::string& dbPath) = 0;
    // Backups from before backups were kept per journal: nothing deletes them.
    virtual std::vector<std::string> legacyBackups(const std::string& dbPath) = 0;
    // What to do about a journal that cannot be read, with the exact command that restores.
    virtual std::string recoveryAdvice(const std::string& dbPath) = 0;
    // The journal's own files, which no export or backup may overwrite.
    virtual std::vector<io::ProtectedPath> protectedPaths(const std::string& dbPath) = 0;
    // Replaces the journal with a checked backup, keeping the current one first; returns where it
    // was kept (nullopt when there was nothing to keep). Close every journal on `dbPath` first.
    virtual Result<std::optional<std::string>> restore(const std::string& backupFile, const std::string& dbPath) = 0;
};

}  // namespace core
