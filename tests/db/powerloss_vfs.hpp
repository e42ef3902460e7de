#pragma once
// A power-loss simulator for SQLite: a VFS shim registered as the default VFS (in one process,
// normally a forked child) that wraps the real "unix" VFS and models what a disk keeps when the
// power goes.
//
// How it works:
// - Every write to the journal or its -wal passes through to the real file (so SQLite reads back
//   what it wrote, as from the page cache) and is also recorded as pending for that file.
// - xSync is the only barrier: it makes the file's pending writes durable (applied to the file's
//   durable image) and clears them. The real fsync is skipped: the model, not the disk, decides
//   what survives, and the test stays fast.
// - Writes are counted across files. When write number `cutAt` arrives, the power goes: for each
//   file the durable image is taken, each pending (unsynced) write is independently dropped,
//   kept, or kept torn (only a random prefix of it), and the cut write itself is torn mid-page
//   (a random prefix of it lands). These images replace the real files and the process ends at
//   once with _exit(kCutExit), so nothing else reaches the disk.
// - Truncations are pending operations like writes. Creating and deleting files (directory
//   entries) is treated as durable at once; the model is about file contents, which is what
//   synchronous=FULL and the WAL have to protect.
// - The -shm file (the WAL index) is left as it was: SQLite rebuilds it on the first open.
#include <cstdint>

namespace powerloss {

inline constexpr int kCutExit = 77;

// Registers the shim as the default VFS. `cutAt` = 0 never cuts; `seed` drives the choices.
void install(uint64_t cutAt, uint32_t seed);
// Writes to the journal and its -wal seen so far (the cut points available).
uint64_t writesSeen();

}  // namespace powerloss
