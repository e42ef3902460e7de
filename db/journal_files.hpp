#pragma once
// core::JournalFiles over SQLite: what app/main.cpp and app/gui.cpp hand to the command line and
// the window, so neither names db/ itself.
#include "core/storage.hpp"

namespace db {

class SqliteJournalFiles final : public core::JournalFiles {
public:
    core::Result<std::unique_ptr<core::StoredJournal>> open(const std::string& path,
                                                            const core::OpenOptions& options) override;
    std::string backupsFolder(const std::string& dbPath) override;
    std::vector<core::BackupInfo> backups(const std::string& dbPath) override;
    std::optional<core::BackupInfo> newestGoodBackup(const std::string& dbPath) override;
    std::vector<std::string> legacyBackups(const std::string& dbPath) override;
    std::string recoveryAdvice(const std::string& dbPath) override;
    std::vector<io::ProtectedPath> protectedPaths(const std::string& dbPath) override;
    core::Result<std::optional<std::string>> restore(const std::string& backupFile, const std::string& dbPath) override;
};

}  // namespace db
