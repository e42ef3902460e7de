// kneelog demo | check | backup | restore | wipe
#include <charconv>
#include <cstdio>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "core/journal.hpp"

namespace cli {

namespace {

bool parseNumber(const std::string& text, long long& out) {
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && ptr == text.data() + text.size();
}

}  // namespace

int cmdDemo(Invocation& inv) {
    long long days = 0, seed = 1;
    const auto daysText = inv.get("days");
    if (!daysText || !parseNumber(*daysText, days) || days < 1 || days > 36500)
        return usageError("demo: --days N is required, 1 to 36500");
    if (auto s = inv.get("seed"); s && !parseNumber(*s, seed)) return usageError("demo: --seed must be a number");
    auto store = openJournal(inv);
    if (!store) return kExitFailure;
    // Sample data never mixes into a real journal.
    auto existing = store->countEpisodes({});
    if (!existing) return fail(existing.error());
    if (*existing > 0)
        return usageError("demo: this journal already has episodes; sample data only goes into an empty journal "
                          "(use --db to choose a separate file, e.g. --db sample.db)");
    auto added = fillWithSample(*store, static_cast<int>(days), static_cast<uint64_t>(seed));
    if (!added) return fail(added.error());
    std::printf("Added %zu sample episodes over %lld days.\n", *added, days);
    return kExitOk;
}

int cmdCheck(Invocation& inv) {
    auto store = openJournal(inv, true);
    if (!store) return kExitFailure;
    if (auto r = store->check(); !r) return fail(r.error());
    std::printf("ok: the journal passed its integrity check\n");
    return kExitOk;
}

int cmdBackup(Invocation& inv) {
    auto out = inv.get("out");
    if (!out || out->empty()) return usageError("backup: --out FILE is required");
    auto store = openJournal(inv, true);
    if (!store) return kExitFailure;
    if (auto r = store->backupTo(*out); !r) return fail(r.error());
    std::printf("Backup written to %s\n", out->c_str());
    return kExitOk;
}

int cmdRestore(Invocation& inv) {
    if (auto r = db::JournalStore::restore(inv.positional.front(), inv.dbPath); !r) return fail(r.error());
    std::printf("Restored. Your previous journal was kept as a backup.\n");
    return kExitOk;
}

int cmdWipe(Invocation& inv) {
    if (!inv.has("yes"))
        return usageError("wipe deletes every episode, alert and backup and cannot be undone; run it with --yes");
    auto store = openJournal(inv);
    if (!store) return kExitFailure;
    if (auto r = store->wipe(); !r) return fail(r.error());
    std::printf("All your data was deleted.\n");
    return kExitOk;
}

}  // namespace cli
