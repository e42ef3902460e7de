// Backups the person carries: plain or sealed (see backup_file.hpp).
#include "core/backup_file.hpp"

#include <climits>
#include <fstream>

#include "core/io/atomic_file.hpp"
#include "core/io/files.hpp"
#include "core/journal.hpp"

namespace core {

namespace {

constexpr std::size_t kMaxBackupBytes = std::size_t{1} << 32;

std::span<const uint8_t> asBytes(std::string_view s) { return {reinterpret_cast<const uint8_t*>(s.data()), s.size()}; }
std::string_view asText(const std::vector<uint8_t>& b) { return {reinterpret_cast<const char*>(b.data()), b.size()}; }

// The plain journal copy to read or restore: the file itself, or a sealed one opened beside the
// journal (`opened` says which, so the caller removes it after).
Result<std::string> plainCopy(const std::string& backup, const crypto::Secret* passphrase, const std::string& dbPath,
                              bool& opened) {
    opened = isSealedBackup(backup);
    if (!opened) return backup;
    const std::string plain = besideJournal(dbPath, "restore");
    if (auto r = openSealedBackup(backup, passphrase, plain); !r) return r.error();
    return plain;
}

}  // namespace

std::string besideJournal(const std::string& dbPath, const char* what) {
    const std::string folder = dbPath == ":memory:" ? std::string(".") : io::parentFolder(dbPath);
    std::string path = folder;
    path.append("/.").append(io::fileName(dbPath)).append(".").append(what).append(".tmp");
    return path;
}

crypto::FileKind backupKind(const std::string& path) {
    // The magic at the start is enough: a backup of many MB is not read to tell what it is.
    std::ifstream in(path, std::ios::binary);
    char head[16] = {};
    in.read(head, sizeof head);
    return crypto::identify({reinterpret_cast<const uint8_t*>(head), static_cast<std::size_t>(in.gcount())});
}

Result<void> writeBackup(StoredJournal& store, const std::string& dbPath, const std::string& out,
                         const crypto::Secret* passphrase) {
    if (!passphrase) return store.backupTo(out);
    const std::string plain = besideJournal(dbPath, "backup");
    auto copied = store.backupTo(plain);
    auto bytes = copied ? io::readWholeFile(plain, kMaxBackupBytes) : Result<std::string>(copied.error());
    io::removeFile(plain);
    if (!bytes) return bytes.error();
    auto sealed = crypto::seal(asBytes(*bytes), crypto::Payload::Backup, *passphrase);
    crypto::wipe(*bytes);
    if (!sealed) return sealed.error();
    return io::writeFileAtomically(out, asText(*sealed));
}

Result<void> openSealedBackup(const std::string& backup, const crypto::Secret* passphrase, const std::string& plainPath) {
    auto bytes = io::readWholeFile(backup, kMaxBackupBytes);
    if (!bytes) return bytes.error();
    auto opened = crypto::open(asBytes(*bytes), crypto::Payload::Backup, passphrase);
    if (!opened) return opened.error();
    auto written = io::writeFileAtomically(plainPath, asText(opened->data));
    crypto::wipe(opened->data);
    return written;
}

Result<BackupPreview> previewBackup(JournalFiles& files, const std::string& backup, const crypto::Secret* passphrase,
                                    const std::string& dbPath) {
    bool opened = false;
    auto plain = plainCopy(backup, passphrase, dbPath, opened);
    if (!plain) return plain.error();
    BackupPreview preview;
    preview.encrypted = opened;
    OpenOptions options;
    options.readOnly = true;
    options.create = false;
    auto read = [&]() -> Result<void> {
        auto store = files.open(*plain, options);
        if (!store) return store.error();
        if (auto checked = (*store)->check(); !checked) return checked.error();
        Journal journal(**store);
        auto count = journal.countEpisodes({});
        if (!count) return count.error();
        preview.episodes = *count;
        if (*count == 0) return {};
        auto newest = journal.episodes({}, 1, 0);
        auto oldest = journal.episodes({}, 1, static_cast<int>(std::min<int64_t>(*count - 1, INT_MAX)));
        if (!newest) return newest.error();
        if (!oldest) return oldest.error();
        if (!newest->empty()) preview.newest = newest->front().startedAt;
        if (!oldest->empty()) preview.oldest = oldest->front().startedAt;
        return {};
    };
    auto r = read();
    if (opened) io::removeFile(*plain);
    if (!r) return r.error();
    return preview;
}

Result<std::optional<std::string>> restoreBackup(JournalFiles& files, const std::string& backup,
                                                 const crypto::Secret* passphrase, const std::string& dbPath) {
    bool opened = false;
    auto plain = plainCopy(backup, passphrase, dbPath, opened);
    if (!plain) return plain.error();
    auto kept = files.restore(*plain, dbPath);
    if (opened) io::removeFile(*plain);
    return kept;
}

}  // namespace core
