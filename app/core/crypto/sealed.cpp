#include "core/crypto/sealed.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <cstring>

#include "core/crypto/random.hpp"

namespace core::crypto {

namespace {

constexpr std::array<uint8_t, 8> kSealedMagic = {'K', 'N', 'L', 'G', 'S', 'E', 'A', 'L'};
constexpr std::array<uint8_t, 8> kPlainMagic = {'K', 'N', 'L', 'G', 'O', 'P', 'E', 'N'};
constexpr uint8_t kFormatVersion = 1;
constexpr uint8_t kKdfArgon2id13 = 2;  // crypto_pwhash_ALG_ARGON2ID13
constexpr std::size_t kChunk = 64 * 1024;
constexpr std::size_t kSaltBytes = crypto_pwhash_SALTBYTES;
constexpr std::size_t kStreamHeaderBytes = crypto_secretstream_xchacha20poly1305_HEADERBYTES;
constexpr std::size_t kKeyBytes = crypto_secretstream_xchacha20poly1305_KEYBYTES;
constexpr std::size_t kTagBytes = crypto_secretstream_xchacha20poly1305_ABYTES;
// magic, version, payload, KDF, opslimit, memlimit, salt, stream header
constexpr std::size_t kSealedHeaderBytes = 8 + 1 + 1 + 1 + 8 + 8 + kSaltBytes + kStreamHeaderBytes;
// magic, version, payload, length, SHA-256
constexpr std::size_t kPlainHeaderBytes = 8 + 1 + 1 + 8 + crypto_hash_sha256_BYTES;

void putU64(std::vector<uint8_t>& out, uint64_t v) {
    for (int i = 0; i < 8; ++i) out.push_back(static_cast<uint8_t>(v >> (8 * i)));
}
void putU32(std::vector<uint8_t>& out, uint32_t v) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<uint8_t>(v >> (8 * i)));
}
uint64_t getU64(const uint8_t* p) {
    uint64_t v = 0;
    for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
    return v;
}
uint32_t getU32(const uint8_t* p) {
    uint32_t v = 0;
    for (int i = 3; i >= 0; --i) v = (v << 8) | p[i];
    return v;
}

Error damaged(const char* what) {
    return makeError(ErrorCode::Corrupt, std::string("The file could not be opened: ") + what + ". Nothing was changed.");
}
Error wrongKeyOrDamaged() {
    return damaged("the passphrase is wrong, or the file was changed or damaged after it was made");
}
Error cutShort() { return damaged("it is incomplete (cut short, perhaps while it was being copied)"); }

// A 32-byte key from the passphrase; wiped by the caller.
Result<std::array<uint8_t, kKeyBytes>> deriveKey(const Secret& pass, const uint8_t* salt, KdfLimits limits) {
    std::array<uint8_t, kKeyBytes> key{};
    const std::string_view p = pass.view();
    if (crypto_pwhash(key.data(), key.size(), p.data(), p.size(), salt, limits.ops, static_cast<size_t>(limits.mem),
                      crypto_pwhash_ALG_ARGON2ID13) != 0)
        return makeError(ErrorCode::Io, "There was not enough memory to derive the key from the passphrase "
                                        "(Argon2id needs about " +
                                            std::to_string(limits.mem >> 20) + " MiB). Nothing was changed.");
    return key;
}

Error wrongPayload(Payload found) {
    return makeError(ErrorCode::Foreign, found == Payload::Backup
                                             ? "This file is a KneeLog encrypted backup, not a bundle: open it with "
                                               "'kneelog restore'. Nothing was changed."
                                             : "This file is a KneeLog bundle, not a backup: open it with "
                                               "'kneelog bundle import'. Nothing was changed.");
}

// Checks the magic's version byte and the payload byte shared by both envelopes.
Result<void> checkKindAndVersion(std::span<const uint8_t> file, Payload expected) {
    if (file[8] == 0) return damaged("its header is damaged");
    if (file[8] > kFormatVersion)
        return makeError(ErrorCode::TooNew, "This file was made by a newer KneeLog (format " + std::to_string(file[8]) +
                                                "). Update KneeLog to open it. Nothing was changed.");
    if (file[9] != static_cast<uint8_t>(Payload::Bundle) && file[9] != static_cast<uint8_t>(Payload::Backup))
        return damaged("its header is damaged");
    if (file[9] != static_cast<uint8_t>(expected)) return wrongPayload(static_cast<Payload>(file[9]));
    return {};
}

Result<Opened> openPlain(std::span<const uint8_t> file) {
    if (file.size() < kPlainHeaderBytes) return cutShort();
    const uint64_t length = getU64(file.data() + 10);
    if (length != file.size() - kPlainHeaderBytes) return length > file.size() ? cutShort() : damaged("its length is wrong");
    std::array<uint8_t, crypto_hash_sha256_BYTES> hash{};
    crypto_hash_sha256(hash.data(), file.data() + kPlainHeaderBytes, length);
    if (sodium_memcmp(hash.data(), file.data() + 18, hash.size()) != 0)
        return damaged("its content was changed or damaged after it was made");
    Opened out;
    out.data.assign(file.begin() + kPlainHeaderBytes, file.end());
    return out;
}

// Reads the chunks after the header; the plain text, or why not.
Result<std::vector<uint8_t>> pullChunks(crypto_secretstream_xchacha20poly1305_state& state, std::span<const uint8_t> file) {
    std::vector<uint8_t> out;
    std::size_t at = kSealedHeaderBytes;
    for (;;) {
        if (file.size() - at < 4) return (wipe(out), cutShort());
        const uint32_t len = getU32(file.data() + at);
        at += 4;
        if (len < kTagBytes || len > kChunk + kTagBytes) return (wipe(out), wrongKeyOrDamaged());
        if (file.size() - at < len) return (wipe(out), cutShort());
        const std::size_t before = out.size();
        out.resize(before + len - kTagBytes);
        unsigned long long got = 0;
        unsigned char tag = 0;
        if (crypto_secretstream_xchacha20poly1305_pull(&state, out.data() + before, &got, &tag, file.data() + at, len,
                                                       file.data(), kSealedHeaderBytes) != 0)
            return (wipe(out), wrongKeyOrDamaged());
        at += len;
        if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL) {
            if (at != file.size()) return (wipe(out), damaged("it has data after its end"));
            return out;
        }
    }
}

Result<Opened> openSealed(std::span<const uint8_t> file, const Secret& pass) {
    if (file.size() < kSealedHeaderBytes) return cutShort();
    if (file[10] != kKdfArgon2id13) return damaged("its header is damaged");
    const KdfLimits limits{getU64(file.data() + 11), getU64(file.data() + 19)};
    // Bounds before the work: a damaged header must not ask for a day of hashing or a terabyte.
    if (limits.ops < crypto_pwhash_OPSLIMIT_MIN || limits.ops > crypto_pwhash_OPSLIMIT_SENSITIVE ||
        limits.mem < crypto_pwhash_MEMLIMIT_MIN || limits.mem > crypto_pwhash_MEMLIMIT_SENSITIVE)
        return damaged("its header is damaged");
    auto key = deriveKey(pass, file.data() + 27, limits);
    if (!key) return key.error();
    crypto_secretstream_xchacha20poly1305_state state;
    const int init = crypto_secretstream_xchacha20poly1305_init_pull(&state, file.data() + 27 + kSaltBytes, key->data());
    sodium_memzero(key->data(), key->size());
    if (init != 0) return damaged("its header is damaged");
    auto data = pullChunks(state, file);
    sodium_memzero(&state, sizeof state);
    if (!data) return data.error();
    Opened out;
    out.data = std::move(*data);
    out.encrypted = true;
    return out;
}

void pushChunks(crypto_secretstream_xchacha20poly1305_state& state, std::span<const uint8_t> plain,
                std::vector<uint8_t>& out) {
    const std::vector<uint8_t> header(out.begin(), out.end());  // the associated data of every chunk
    std::size_t at = 0;
    do {
        const std::size_t n = std::min(kChunk, plain.size() - at);
        const bool last = at + n == plain.size();
        putU32(out, static_cast<uint32_t>(n + kTagBytes));
        const std::size_t pos = out.size();
        out.resize(pos + n + kTagBytes);
        crypto_secretstream_xchacha20poly1305_push(&state, out.data() + pos, nullptr, plain.data() + at, n,
                                                   header.data(), header.size(),
                                                   last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0);
        at += n;
    } while (at < plain.size());
}

}  // namespace

KdfLimits moderateLimits() { return {crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE}; }
KdfLimits testLimits() { return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN}; }

Secret::Secret(Secret&& other) noexcept : m_text(std::move(other.m_text)) { other.wipe(); }
Secret& Secret::operator=(Secret&& other) noexcept {
    if (this != &other) {
        wipe();
        m_text = std::move(other.m_text);
        other.wipe();
    }
    return *this;
}
Secret::~Secret() { wipe(); }
void Secret::wipe() { crypto::wipe(m_text); }
bool Secret::operator==(const Secret& other) const {
    return m_text.size() == other.m_text.size() &&
           (m_text.empty() || sodium_memcmp(m_text.data(), other.m_text.data(), m_text.size()) == 0);
}

void wipe(std::vector<uint8_t>& bytes) {
    if (!bytes.empty()) sodium_memzero(bytes.data(), bytes.size());
    bytes.clear();
}
void wipe(std::string& text) {
    if (!text.empty()) sodium_memzero(text.data(), text.size());
    text.clear();
}

FileKind identify(std::span<const uint8_t> start) {
    if (start.size() < 8) return FileKind::Other;
    if (std::equal(kSealedMagic.begin(), kSealedMagic.end(), start.begin())) return FileKind::Sealed;
    if (std::equal(kPlainMagic.begin(), kPlainMagic.end(), start.begin())) return FileKind::Plain;
    return FileKind::Other;
}

const char* payloadName(Payload p) { return p == Payload::Backup ? "encrypted backup" : "bundle"; }

Result<std::vector<uint8_t>> seal(std::span<const uint8_t> plain, Payload kind, const Secret& pass, KdfLimits limits) {
    ensureReady();
    if (pass.empty()) return makeError(ErrorCode::Invalid, "The passphrase is empty: choose one to encrypt the file");
    std::vector<uint8_t> out(kSealedMagic.begin(), kSealedMagic.end());
    out.push_back(kFormatVersion);
    out.push_back(static_cast<uint8_t>(kind));
    out.push_back(kKdfArgon2id13);
    putU64(out, limits.ops);
    putU64(out, limits.mem);
    std::array<uint8_t, kSaltBytes> salt{};
    randombytes_buf(salt.data(), salt.size());
    out.insert(out.end(), salt.begin(), salt.end());
    auto key = deriveKey(pass, salt.data(), limits);
    if (!key) return key.error();
    crypto_secretstream_xchacha20poly1305_state state;
    std::array<uint8_t, kStreamHeaderBytes> streamHeader{};
    crypto_secretstream_xchacha20poly1305_init_push(&state, streamHeader.data(), key->data());
    sodium_memzero(key->data(), key->size());
    out.insert(out.end(), streamHeader.begin(), streamHeader.end());
    pushChunks(state, plain, out);
    sodium_memzero(&state, sizeof state);
    return out;
}

std::vector<uint8_t> wrapPlain(std::span<const uint8_t> plain, Payload kind) {
    ensureReady();
    std::vector<uint8_t> out(kPlainMagic.begin(), kPlainMagic.end());
    out.push_back(kFormatVersion);
    out.push_back(static_cast<uint8_t>(kind));
    putU64(out, plain.size());
    std::array<uint8_t, crypto_hash_sha256_BYTES> hash{};
    crypto_hash_sha256(hash.data(), plain.data(), plain.size());
    out.insert(out.end(), hash.begin(), hash.end());
    out.insert(out.end(), plain.begin(), plain.end());
    return out;
}

Result<Opened> open(std::span<const uint8_t> file, Payload expected, const Secret* pass) {
    ensureReady();
    const FileKind kind = identify(file);
    if (kind == FileKind::Other)
        return makeError(ErrorCode::Foreign, file.size() < 8 && file.size() > 0
                                                 ? "The file could not be opened: it is incomplete (cut short). Nothing was changed."
                                                 : std::string("This file is not a KneeLog ") + payloadName(expected) +
                                                       " (its first bytes say otherwise). Nothing was changed.");
    if (file.size() < 10) return cutShort();
    if (auto r = checkKindAndVersion(file, expected); !r) return r.error();
    if (kind == FileKind::Plain) return openPlain(file);
    if (!pass || pass->empty())
        return makeError(ErrorCode::Invalid, "This file is encrypted: a passphrase is needed to open it");
    return openSealed(file, *pass);
}

}  // namespace core::crypto
