#pragma once
// KneeLog's file envelope for bundles and backups (format in sealed_format.md beside this file):
// sealed with a passphrase (Argon2id key, XChaCha20-Poly1305 secret stream in 64 KiB chunks), or
// plain when the person asked for it, marked so by a different magic. Opening checks everything
// before a single byte is handed back: a wrong passphrase, a changed byte, a cut-off or foreign
// file is refused with a message for a person. No passphrase or key is kept or logged; the
// buffers that held them are wiped (sodium_memzero).
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace core::crypto {

// What the envelope holds.
enum class Payload : uint8_t { Bundle = 1, Backup = 2 };

// Argon2id's cost. The files always use moderateLimits(); tests pass cheaper ones (never the CLI).
struct KdfLimits {
    uint64_t ops = 0;
    uint64_t mem = 0;  // bytes
};
KdfLimits moderateLimits();  // crypto_pwhash OPSLIMIT_MODERATE, MEMLIMIT_MODERATE (256 MiB)
KdfLimits testLimits();      // the smallest libsodium accepts: tests only

// A passphrase held in memory and wiped when it goes out of scope. Not copyable.
class Secret {
public:
    Secret() = default;
    explicit Secret(std::string text) : m_text(std::move(text)) {}
    Secret(Secret&& other) noexcept;
    Secret& operator=(Secret&& other) noexcept;
    Secret(const Secret&) = delete;
    Secret& operator=(const Secret&) = delete;
    ~Secret();
    std::string_view view() const { return m_text; }
    bool empty() const { return m_text.empty(); }
    bool operator==(const Secret& other) const;  // constant time for equal lengths

private:
    void wipe();
    std::string m_text;
};

// Wipes a buffer that held something secret (or decrypted health data).
void wipe(std::vector<uint8_t>& bytes);
void wipe(std::string& text);

enum class FileKind { Sealed, Plain, Other };
// Which envelope `start` (the file's first bytes, 8 or more) begins with.
FileKind identify(std::span<const uint8_t> start);
const char* payloadName(Payload p);  // "bundle", "backup"

// Seals `plain` with a key derived from `passphrase` (a fresh random salt each time).
Result<std::vector<uint8_t>> seal(std::span<const uint8_t> plain, Payload kind, const Secret& passphrase,
                                  KdfLimits limits = moderateLimits());
// The plain envelope: says it is not encrypted, and carries a SHA-256 of the content so damage is
// still found.
std::vector<uint8_t> wrapPlain(std::span<const uint8_t> plain, Payload kind);

struct Opened {
    std::vector<uint8_t> data;
    bool encrypted = false;
};
// Opens either envelope holding `expected`. Corrupt for a wrong passphrase, a changed or cut-off
// file; Foreign for a file that is not one of KneeLog's or holds the other payload kind; Invalid
// for a sealed file opened with no passphrase; TooNew for a newer format.
Result<Opened> open(std::span<const uint8_t> file, Payload expected, const Secret* passphrase);

}  // namespace core::crypto
