#include "db/journal_files.hpp"

#include "db/journal_store.hpp"

namespace db {

core::Result<std::unique_ptr<core::StoredJournal>> SqliteJournalFiles::open(const std::string& path,
                                                                            const core::OpenOptions& options) {
    auto store = JournalStore::open(path, options);
    if (!store) return store.error();
    return std::unique_ptr<core::StoredJournal>(std::move(*store));
}

std::string SqliteJournalFiles::backupsFolder(const std::string& dbPath) { return JournalStore::backupsFolder(dbPath); }

std::vector<core::BackupInfo> SqliteJournalFiles::backups(const std::string& dbPath) {
    return JournalStore::backups(dbPath);
}

std::optional<core::BackupInfo> SqliteJournalFiles::newestGoodBackup(const std::string& dbPath) {
    return JournalStore::newestGoodBackup(dbPath);
}

std::vector<std::string> SqliteJournalFiles::legacyBackups(const std::string& dbPath) {
    return JournalStore::legacyBackups(dbPath);
}

std::string SqliteJournalFiles::recoveryAdvice(const std::string& dbPath) { return JournalStore::recoveryAdvice(dbPath); }

std::vector<io::ProtectedPath> SqliteJournalFiles::protectedPaths(const std::string& dbPath) {
    return JournalStore::protectedPaths(dbPath);
}

core::Result<std::optional<std::string>> SqliteJournalFiles::restore(const std::string& backupFile,
                                                                     const std::string& dbPath) {
    return JournalStore::restore(backupFile, dbPath);
}

}  // namespace db
