#include "powerloss_vfs.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <map>
#include <string>
#include <vector>

namespace powerloss {

namespace {

struct Op {
    bool truncate = false;
    int64_t offset = 0;  // write offset, or the new size for a truncation
    std::string data;
};

// One file's two states: what is durable on the disk, and what was written since its last sync.
struct Tracked {
    std::string durable;
    std::vector<Op> pending;
    bool deleted = false;  // removed by xDelete: not recreated by the power loss
};

struct ShimFile {
    sqlite3_file base;
    sqlite3_file* real;  // the real VFS's file, allocated right after this struct
    Tracked* tracked;    // null for files the model ignores (temporary files)
    std::string path;
};

sqlite3_vfs* g_real = nullptr;
sqlite3_vfs g_vfs;
sqlite3_io_methods g_methods;
std::map<std::string, Tracked> g_files;
uint64_t g_writes = 0;
uint64_t g_cutAt = 0;
uint32_t g_rng = 1;

uint32_t next() {
    g_rng = g_rng * 1103515245u + 12345u;
    return g_rng >> 8;
}

void apply(std::string& image, const Op& op, std::size_t keep) {
    if (op.truncate) {
        image.resize(static_cast<std::size_t>(op.offset));
        return;
    }
    const auto off = static_cast<std::size_t>(op.offset);
    if (image.size() < off + keep) image.resize(off + keep, '\0');
    std::memcpy(image.data() + off, op.data.data(), keep);
}

bool writeWhole(const std::string& path, const std::string& bytes) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_TRUNC | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) return false;
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n <= 0) break;
        done += static_cast<std::size_t>(n);
    }
    ::close(fd);
    return done == bytes.size();
}

// The power goes while `cut` is being written to `cutFile`.
[[noreturn]] void powerLoss(const std::string& cutFile, const Op& cut) {
    for (auto& [path, t] : g_files) {
        if (t.deleted) continue;
        std::string image = t.durable;
        for (const Op& op : t.pending) {
            switch (next() % 3) {
                case 0: break;                               // never reached the disk
                case 1: apply(image, op, op.data.size()); break;  // reached it whole
                default:                                      // torn: only a prefix landed
                    apply(image, op, op.truncate ? 0 : next() % (op.data.size() + 1));
            }
        }
        if (path == cutFile && !cut.data.empty()) apply(image, cut, next() % cut.data.size());
        if (!writeWhole(path, image)) ::_exit(3);
    }
    ::_exit(kCutExit);
}

ShimFile* shim(sqlite3_file* f) { return reinterpret_cast<ShimFile*>(f); }

int xClose(sqlite3_file* f) {
    ShimFile* s = shim(f);
    const int rc = s->real->pMethods ? s->real->pMethods->xClose(s->real) : SQLITE_OK;
    s->path.~basic_string();
    return rc;
}
int xRead(sqlite3_file* f, void* buf, int amt, sqlite3_int64 off) { return shim(f)->real->pMethods->xRead(shim(f)->real, buf, amt, off); }
int xWrite(sqlite3_file* f, const void* buf, int amt, sqlite3_int64 off) {
    ShimFile* s = shim(f);
    if (s->tracked) {
        Op op{false, off, std::string(static_cast<const char*>(buf), static_cast<std::size_t>(amt))};
        if (++g_writes == g_cutAt) powerLoss(s->path, op);
        s->tracked->pending.push_back(std::move(op));
    }
    return s->real->pMethods->xWrite(s->real, buf, amt, off);
}
int xTruncate(sqlite3_file* f, sqlite3_int64 size) {
    ShimFile* s = shim(f);
    if (s->tracked) s->tracked->pending.push_back(Op{true, size, {}});
    return s->real->pMethods->xTruncate(s->real, size);
}
int xSync(sqlite3_file* f, int flags) {
    ShimFile* s = shim(f);
    if (!s->tracked) return s->real->pMethods->xSync(s->real, flags);
    for (const Op& op : s->tracked->pending) apply(s->tracked->durable, op, op.data.size());
    s->tracked->pending.clear();
    return SQLITE_OK;
}
int xFileSize(sqlite3_file* f, sqlite3_int64* size) { return shim(f)->real->pMethods->xFileSize(shim(f)->real, size); }
int xLock(sqlite3_file* f, int l) { return shim(f)->real->pMethods->xLock(shim(f)->real, l); }
int xUnlock(sqlite3_file* f, int l) { return shim(f)->real->pMethods->xUnlock(shim(f)->real, l); }
int xCheckReservedLock(sqlite3_file* f, int* out) { return shim(f)->real->pMethods->xCheckReservedLock(shim(f)->real, out); }
int xFileControl(sqlite3_file* f, int op, void* arg) { return shim(f)->real->pMethods->xFileControl(shim(f)->real, op, arg); }
int xSectorSize(sqlite3_file* f) { return shim(f)->real->pMethods->xSectorSize(shim(f)->real); }
int xDeviceCharacteristics(sqlite3_file* f) { return shim(f)->real->pMethods->xDeviceCharacteristics(shim(f)->real); }
int xShmMap(sqlite3_file* f, int region, int size, int extend, void volatile** p) {
    return shim(f)->real->pMethods->xShmMap(shim(f)->real, region, size, extend, p);
}
int xShmLock(sqlite3_file* f, int offset, int n, int flags) { return shim(f)->real->pMethods->xShmLock(shim(f)->real, offset, n, flags); }
void xShmBarrier(sqlite3_file* f) { shim(f)->real->pMethods->xShmBarrier(shim(f)->real); }
int xShmUnmap(sqlite3_file* f, int deleteFlag) { return shim(f)->real->pMethods->xShmUnmap(shim(f)->real, deleteFlag); }

int xOpen(sqlite3_vfs*, const char* name, sqlite3_file* f, int flags, int* outFlags) {
    ShimFile* s = shim(f);
    s->base.pMethods = nullptr;
    s->real = reinterpret_cast<sqlite3_file*>(s + 1);
    s->tracked = nullptr;
    const int rc = g_real->xOpen(g_real, name, s->real, flags, outFlags);
    if (rc != SQLITE_OK) return rc;
    new (&s->path) std::string(name ? name : "");
    if (name && (flags & (SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_WAL))) {
        auto [it, added] = g_files.try_emplace(s->path);
        if (added || it->second.deleted) {  // what is on the disk when the file is first seen is durable
            it->second = Tracked{};
            sqlite3_int64 size = 0;
            s->real->pMethods->xFileSize(s->real, &size);
            it->second.durable.resize(static_cast<std::size_t>(size));
            if (size > 0) s->real->pMethods->xRead(s->real, it->second.durable.data(), static_cast<int>(size), 0);
        }
        s->tracked = &it->second;
    }
    s->base.pMethods = &g_methods;
    return SQLITE_OK;
}

int xDelete(sqlite3_vfs*, const char* name, int syncDir) {
    // The directory entry goes at once (see the header). The entry is kept (marked) rather than
    // erased, so no open file is left pointing at freed memory.
    if (auto it = g_files.find(name); it != g_files.end()) it->second = Tracked{{}, {}, true};
    return g_real->xDelete(g_real, name, syncDir);
}

}  // namespace

void install(uint64_t cutAt, uint32_t seed) {
    g_real = sqlite3_vfs_find("unix");
    g_cutAt = cutAt;
    g_rng = seed * 2654435761u + 1;
    g_writes = 0;
    g_files.clear();
    g_methods = sqlite3_io_methods{};
    g_methods.iVersion = 2;  // no xFetch: SQLite then never maps the file into memory
    g_methods.xClose = xClose;
    g_methods.xRead = xRead;
    g_methods.xWrite = xWrite;
    g_methods.xTruncate = xTruncate;
    g_methods.xSync = xSync;
    g_methods.xFileSize = xFileSize;
    g_methods.xLock = xLock;
    g_methods.xUnlock = xUnlock;
    g_methods.xCheckReservedLock = xCheckReservedLock;
    g_methods.xFileControl = xFileControl;
    g_methods.xSectorSize = xSectorSize;
    g_methods.xDeviceCharacteristics = xDeviceCharacteristics;
    g_methods.xShmMap = xShmMap;
    g_methods.xShmLock = xShmLock;
    g_methods.xShmBarrier = xShmBarrier;
    g_methods.xShmUnmap = xShmUnmap;
    g_vfs = *g_real;  // every other call goes to the real VFS as it is
    g_vfs.pNext = nullptr;
    g_vfs.zName = "kneelog-powerloss";
    g_vfs.szOsFile = static_cast<int>(sizeof(ShimFile)) + g_real->szOsFile;
    g_vfs.xOpen = xOpen;
    g_vfs.xDelete = xDelete;
    sqlite3_vfs_register(&g_vfs, 1);
}

uint64_t writesSeen() { return g_writes; }

}  // namespace powerloss
