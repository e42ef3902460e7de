// kneelog bundle export --out FILE [--passphrase-file F | --no-encrypt]
// kneelog bundle import FILE [--passphrase-file F] [--dry-run]
// A bundle is the whole journal in one file (encrypted unless --no-encrypt) that merges into
// another journal (app/core/merge_rules.md).
#include <cstdio>
#include <span>
#include <string>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/passphrase.hpp"
#include "core/crypto/sealed.hpp"
#include "core/io/atomic_file.hpp"
#include "core/journal.hpp"

namespace cli {

namespace {

namespace crypto = core::crypto;

constexpr std::size_t kMaxBundleBytes = std::size_t{1} << 30;

std::span<const uint8_t> asBytes(std::string_view s) {
    return {reinterpret_cast<const uint8_t*>(s.data()), s.size()};
}

int bundleExport(Invocation& inv) {
    const auto out = inv.get("out");
    if (!out || out->empty()) return usageError("bundle export: --out FILE is required");
    if (inv.has("passphrase-file") && inv.has("no-encrypt"))
        return usageError("bundle export: give --passphrase-file or --no-encrypt, not both");
    if (inv.has("dry-run")) return usageError("bundle export: --dry-run is for bundle import");
    if (auto r = refuseJournalFiles(inv, *out); !r) return fail(r.error());
    const bool encrypt = !inv.has("no-encrypt");
    auto pass = encrypt ? readPassphrase(inv, true) : core::Result<crypto::Secret>(crypto::Secret{});
    if (!pass) return fail(pass.error());
    auto store = openJournal(inv, Access::Read);
    if (!store) return kExitFailure;
    core::Journal journal(*store);
    auto content = journal.bundleContent();
    if (!content) return fail(content.error());
    auto count = journal.countEpisodes({});
    auto file = encrypt ? crypto::seal(asBytes(*content), crypto::Payload::Bundle, *pass)
                        : core::Result<std::vector<uint8_t>>(crypto::wrapPlain(asBytes(*content), crypto::Payload::Bundle));
    crypto::wipe(*content);
    if (!file) return fail(file.error());
    if (auto r = io::writeFileAtomically(*out, std::string_view(reinterpret_cast<const char*>(file->data()), file->size())); !r)
        return fail(r.error());
    std::printf("Bundle written to %s (%lld entries). %s\n", terminalSafe(*out).c_str(), count ? static_cast<long long>(*count) : 0LL,
                encrypt ? "It is encrypted: it opens only with the passphrase."
                        : "It is NOT encrypted: anyone who gets the file can read your journal.");
    return kExitOk;
}

// The bundle's content, opened and checked; prints whether it was encrypted.
core::Result<std::string> openBundle(Invocation& inv, const std::string& path) {
    auto bytes = io::readWholeFile(path, kMaxBundleBytes);
    if (!bytes) return bytes.error();
    const auto kind = crypto::identify(asBytes(*bytes));
    crypto::Secret pass;
    if (kind == crypto::FileKind::Sealed) {
        auto asked = readPassphrase(inv, false);
        if (!asked) return asked.error();
        pass = std::move(*asked);
    }
    auto opened = crypto::open(asBytes(*bytes), crypto::Payload::Bundle, &pass);
    if (!opened) return opened.error();
    if (!opened->encrypted) std::printf("This bundle was not encrypted (it was made with --no-encrypt).\n");
    std::string content(opened->data.begin(), opened->data.end());
    crypto::wipe(opened->data);
    return content;
}

int bundleImport(Invocation& inv) {
    if (inv.positional.size() != 2) return usageError("bundle import: give the bundle file: kneelog bundle import FILE");
    if (inv.has("out") || inv.has("no-encrypt")) return usageError("bundle import: --out and --no-encrypt are for bundle export");
    const std::string& path = inv.positional[1];
    const bool dryRun = inv.has("dry-run");
    auto content = openBundle(inv, path);
    if (!content) return fail(content.error());
    // A dry run against a journal that does not exist yet plans against an empty one.
    Invocation target = inv;
    if (dryRun && !io::fileExists(inv.dbPath)) target.dbPath = ":memory:";
    auto store = openJournal(target, dryRun ? Access::Read : Access::Write | Access::Create);
    if (!store) return (crypto::wipe(*content), kExitFailure);
    core::Journal journal(*store);
    auto counts = journal.importBundle(*content, dryRun);
    crypto::wipe(*content);
    if (!counts) return fail(counts.error());
    std::printf("%s added %zu, updated %zu, deleted %zu, unchanged %zu\n",
                dryRun ? "Dry run, nothing was written:" : "Imported:", counts->added, counts->updated, counts->deleted,
                counts->unchanged);
    if (counts->checkinsAdded > 0)
        std::printf("Weekly check-ins %s: %zu\n", dryRun ? "that would be added" : "added", counts->checkinsAdded);
    return kExitOk;
}

}  // namespace

int cmdBundle(Invocation& inv) {
    const std::string what = inv.positional.empty() ? std::string() : inv.positional.front();
    if (what == "export") {
        if (inv.positional.size() != 1) return usageError("bundle export takes no file argument: use --out FILE");
        return bundleExport(inv);
    }
    if (what == "import") return bundleImport(inv);
    return usageError("bundle: say 'export' or 'import' (kneelog bundle export --out FILE, kneelog bundle import FILE)");
}

}  // namespace cli
