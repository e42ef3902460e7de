#pragma once
// Backups the person carries (kneelog backup --out, Settings → Back up now): a plain copy of the
// journal, or the same copy sealed with a passphrase (core/crypto/sealed.hpp, Payload::Backup).
// The command line and the window share these, so both write and read the same files.
//
// A plain copy made or opened on the way lives beside the journal (never beside the file written
// elsewhere, e.g. on a USB stick), is readable by its owner only, and is removed afterwards.
#include <cstdint>
#include <optional>
#include <string>

#include "core/crypto/sealed.hpp"
#include "core/result.hpp"
#include "core/storage.hpp"
#include "core/time.hpp"

namespace core {

// ".journal.db.<what>.tmp" in the journal's folder.
std::string besideJournal(const std::string& dbPath, const char* what);

// Sealed (encrypted), Plain (a sealed file written with --no-encrypt) or Other (a plain journal
// copy, or not a backup at all: restore checks it).
crypto::FileKind backupKind(const std::string& path);
inline bool isSealedBackup(const std::string& path) { return backupKind(path) != crypto::FileKind::Other; }

// Writes a backup of `store` to `out` (atomically, 0600): plain without a passphrase, sealed
// with one. No plain copy is left behind.
Result<void> writeBackup(StoredJournal& store, const std::string& dbPath, const std::string& out,
                         const crypto::Secret* passphrase);

// A sealed backup opened into a plain journal copy at `plainPath` (0600). A wrong passphrase, a
// flipped byte or a truncated file is refused and nothing is written.
Result<void> openSealedBackup(const std::string& backup, const crypto::Secret* passphrase, const std::string& plainPath);

// What a backup holds, read without changing it: shown before a restore replaces the journal.
struct BackupPreview {
    bool encrypted = false;
    int64_t episodes = 0;
    std::optional<LocalDateTime> newest, oldest;  // none when it holds no entries
};

// Opens `backup` (a plain journal copy, or sealed with `passphrase`) read-only and counts what it
// holds; the plain copy of a sealed one is removed again.
Result<BackupPreview> previewBackup(JournalFiles& files, const std::string& backup, const crypto::Secret* passphrase,
                                    const std::string& dbPath);

// Replaces the journal at `dbPath` with the backup (plain or sealed), keeping the current one
// aside first (JournalFiles::restore); returns where it was kept. Close the journal first.
Result<std::optional<std::string>> restoreBackup(JournalFiles& files, const std::string& backup,
                                                 const crypto::Secret* passphrase, const std::string& dbPath);

}  // namespace core
