// kneelog demo | check | backup | backups | restore | wipe
#include <climits>
#include <cstdio>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "core/io/atomic_file.hpp"
#include "core/io/file_guard.hpp"
#include "cli/passphrase.hpp"
#include "core/backup_file.hpp"
#include "core/crypto/sealed.hpp"
#include "core/journal.hpp"

namespace cli {

int cmdDemo(Invocation& inv) {
    const auto daysText = inv.get("days");
    const auto days = daysText ? wholeNumber(*daysText, 1, 36500) : std::nullopt;
    if (!days) return usageError("demo: --days N is required, 1 to 36500");
    long long seed = 1;
    if (auto s = inv.get("seed")) {
        const auto n = wholeNumber(*s, LLONG_MIN, LLONG_MAX);
        if (!n) return usageError("demo: --seed must be a number");
        seed = *n;
    }
    auto store = openJournal(inv, Access::Write | Access::Create);
    if (!store) return kExitFailure;
    core::Journal journal(*store);
    // Sample data never mixes into a real journal.
    auto existing = journal.countEpisodes({});
    if (!existing) return fail(existing.error());
    if (*existing > 0)
        return usageError("demo: this journal already has episodes; sample data only goes into an empty journal "
                          "(use --db to choose a separate file, e.g. --db sample.db)");
    auto added = journal.addSample(static_cast<int>(*days), static_cast<uint64_t>(seed));
    if (!added) return fail(added.error());
    std::printf("Added %zu sample episodes over %lld days.\n", *added, *days);
    return kExitOk;
}

int cmdCheck(Invocation& inv) {
    auto store = openJournal(inv, Access::Read);
    if (!store) return kExitFailure;
    if (auto r = store->check(); !r) return fail(r.error());
    std::printf("ok: the journal passed its integrity check\n");
    return kExitOk;
}

int cmdBackup(Invocation& inv) {
    auto out = inv.get("out");
    if (!out || out->empty()) return usageError("backup: --out FILE is required");
    // Before the journal is opened: the refusal must not depend on the journal being readable.
    if (auto r = io::refuseProtected(*out, journalFiles().protectedPaths(inv.dbPath)); !r) return fail(r.error());
    if (!inv.has("encrypt")) {
        if (inv.has("passphrase-file")) return usageError("backup: --passphrase-file goes with --encrypt");
        auto store = openJournal(inv, Access::Read);
        if (!store) return kExitFailure;
        if (auto r = core::writeBackup(*store, inv.dbPath, *out, nullptr); !r) return fail(r.error());
        std::printf("Backup written to %s\n", out->c_str());
        return kExitOk;
    }
    auto pass = readPassphrase(inv, true);
    if (!pass) return fail(pass.error());
    auto store = openJournal(inv, Access::Read);
    if (!store) return kExitFailure;
    if (auto r = core::writeBackup(*store, inv.dbPath, *out, &*pass); !r) return fail(r.error());
    std::printf("Encrypted backup written to %s (it opens only with the passphrase: kneelog restore FILE)\n", out->c_str());
    return kExitOk;
}

int cmdBackups(Invocation& inv) {
    // Listing needs no journal connection (it works when the journal is damaged), only a journal.
    if (inv.dbPath != ":memory:" && !io::fileExists(inv.dbPath)) {
        std::string message = "There is no journal at ";
        message.append(inv.dbPath).append(" (nothing was created there).");
        if (journalFiles().newestGoodBackup(inv.dbPath))
            message.append(" ").append(journalFiles().recoveryAdvice(inv.dbPath));
        return fail(core::makeError(core::ErrorCode::NotFound, message));
    }
    const auto list = inv.dbPath == ":memory:" ? std::vector<core::BackupInfo>{} : journalFiles().backups(inv.dbPath);
    if (inv.has("json")) {
        nlohmann::json arr = nlohmann::json::array();
        for (const auto& b : list)
            arr.push_back({{"path", b.path},
                           {"made_at", core::formatIsoUtc(b.madeAtUtc)},
                           {"episodes", b.episodes ? nlohmann::json(*b.episodes) : nlohmann::json(nullptr)}});
        std::printf("%s\n", arr.dump(2).c_str());
        return kExitOk;
    }
    if (list.empty()) {
        std::printf("No backups of this journal yet (they are kept in %s). The first change of each day makes one; "
                    "'kneelog backup --out FILE' makes one now.\n",
                    terminalSafe(journalFiles().backupsFolder(inv.dbPath)).c_str());
        return kExitOk;
    }
    std::printf("%-20s %-9s %s\n", "made at (UTC)", "entries", "path");
    for (const auto& b : list)
        std::printf("%-20s %-9s %s\n", core::formatIsoUtc(b.madeAtUtc).c_str(),
                    b.episodes ? std::to_string(*b.episodes).c_str() : "damaged", terminalSafe(b.path).c_str());
    return kExitOk;
}

int cmdRestore(Invocation& inv) {
    const std::string& backup = inv.positional.front();
    const bool existed = io::fileExists(inv.dbPath);
    const core::crypto::FileKind kind = core::backupKind(backup);
    core::crypto::Secret pass;
    if (kind == core::crypto::FileKind::Sealed) {
        auto asked = readPassphrase(inv, false);
        if (!asked) return fail(asked.error());
        pass = std::move(*asked);
    } else if (kind == core::crypto::FileKind::Other && inv.has("passphrase-file")) {
        std::printf("%s is not encrypted; --passphrase-file was not needed.\n", backup.c_str());
    }
    auto kept = core::restoreBackup(journalFiles(), backup, &pass, inv.dbPath);
    if (!kept) return fail(kept.error());
    if (*kept)
        std::printf("Restored %s into %s. The journal it replaced was kept as %s (restore that file to undo).\n",
                    backup.c_str(), inv.dbPath.c_str(), kept->value().c_str());
    else
        std::printf("Restored %s into %s. %s\n", backup.c_str(), inv.dbPath.c_str(),
                    existed ? "The journal it replaced was empty, so nothing needed keeping."
                            : "There was no journal there before.");
    return kExitOk;
}

int cmdWipe(Invocation& inv) {
    if (!inv.has("yes"))
        return usageError("wipe deletes every episode, alert and backup of this journal and cannot be undone; run it "
                          "with --yes");
    auto store = openJournal(inv, Access::Write | Access::NoBackup);
    if (!store) return kExitFailure;
    std::size_t removed = 0;
    if (auto r = store->wipe(&removed); !r) return fail(r.error());
    std::printf("All your data in %s was deleted, and so were this journal's %zu %s in %s. Backups of other journals were "
                "not touched.\n",
                inv.dbPath.c_str(), removed, removed == 1 ? "backup" : "backups",
                journalFiles().backupsFolder(inv.dbPath).c_str());
    if (auto legacy = journalFiles().legacyBackups(inv.dbPath); !legacy.empty())
        std::printf("%zu older backups from before backups were kept per journal were left in %s (kneelog-*.db): "
                    "they may belong to another journal in this folder. Delete them yourself if they are yours.\n",
                    legacy.size(), terminalSafe(legacy.front().substr(0, legacy.front().find_last_of('/'))).c_str());
    return kExitOk;
}

}  // namespace cli
