// The sealed and plain envelopes (core/crypto/sealed.hpp): round trips, and every way a file can
// be wrong is refused. Argon2id runs at the smallest cost here (testLimits); the files KneeLog
// writes always use the moderate one.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "core/crypto/random.hpp"
#include "core/crypto/sealed.hpp"

using namespace core;
using namespace core::crypto;

namespace {

std::vector<uint8_t> bytes(const std::string& s) { return std::vector<uint8_t>(s.begin(), s.end()); }

std::vector<uint8_t> sealOk(const std::vector<uint8_t>& plain, const char* pass, Payload kind = Payload::Bundle) {
    const Secret secret{pass};
    auto sealed = seal(plain, kind, secret, testLimits());
    REQUIRE(sealed.ok());
    return *sealed;
}

}  // namespace

TEST_CASE("sealed: round trip, empty and several chunks; the plain text never shows", "[crypto]") {
    const Secret pass{"correct horse battery staple"};
    for (std::size_t size : {std::size_t{0}, std::size_t{1}, std::size_t{65536}, std::size_t{65537}, std::size_t{200000}}) {
        std::vector<uint8_t> plain(size);
        for (std::size_t i = 0; i < size; ++i) plain[i] = static_cast<uint8_t>("knee pain note "[i % 15]);
        auto sealed = seal(plain, Payload::Bundle, pass, testLimits());
        REQUIRE(sealed.ok());
        CHECK(identify(*sealed) == FileKind::Sealed);
        auto opened = open(*sealed, Payload::Bundle, &pass);
        REQUIRE(opened.ok());
        CHECK(opened->encrypted);
        CHECK(opened->data == plain);
        if (size > 100) {
            const std::string text(sealed->begin(), sealed->end());
            CHECK(text.find("knee pain") == std::string::npos);
        }
    }
    // A fresh salt each time: the same content and passphrase never give the same file.
    CHECK(sealOk(bytes("same"), "pass") != sealOk(bytes("same"), "pass"));
}

TEST_CASE("sealed: a wrong or missing passphrase is refused", "[crypto]") {
    const auto sealed = sealOk(bytes("{\"note\": \"stairs\"}"), "right one");
    const Secret wrong{"right on"};
    auto r = open(sealed, Payload::Bundle, &wrong);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::Corrupt);
    CHECK(r.error().message.find("passphrase is wrong") != std::string::npos);
    CHECK(r.error().message.find("Nothing was changed") != std::string::npos);
    auto none = open(sealed, Payload::Bundle, nullptr);
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().code == ErrorCode::Invalid);
    CHECK_FALSE(seal(bytes("x"), Payload::Bundle, Secret{}, testLimits()).ok());  // no empty passphrase
}

TEST_CASE("sealed: every single flipped byte of a small file is refused", "[crypto]") {
    const Secret pass{"pass phrase"};
    const auto sealed = sealOk(bytes("{\"entries\": [1, 2, 3]}"), "pass phrase");
    for (std::size_t i = 0; i < sealed.size(); ++i)
        for (uint8_t mask : {uint8_t{0x01}, uint8_t{0x80}}) {
            auto changed = sealed;
            changed[i] ^= mask;
            auto r = open(changed, Payload::Bundle, &pass);
            INFO("byte " << i << " mask " << int(mask));
            REQUIRE_FALSE(r.ok());
            CHECK(r.error().message.find("Nothing was changed") != std::string::npos);
        }
}

TEST_CASE("sealed: a file cut short anywhere, or with bytes added, is refused", "[crypto]") {
    const Secret pass{"pass phrase"};
    std::vector<uint8_t> plain(70000, 'a');  // two chunks: a cut at the chunk boundary too
    const auto sealed = sealOk(plain, "pass phrase");
    std::set<std::size_t> cuts = {0, 1, 7, 8, 9, 10, 40, 66, 67, 68, 71, 100, sealed.size() / 2, sealed.size() - 1};
    cuts.insert(67 + 4 + 65536 + 17);  // right after the first chunk
    for (std::size_t cut : cuts) {
        INFO("cut at " << cut);
        std::vector<uint8_t> part(sealed.begin(), sealed.begin() + static_cast<std::ptrdiff_t>(cut));
        auto r = open(part, Payload::Bundle, &pass);
        REQUIRE_FALSE(r.ok());
        if (cut >= 8) CHECK(r.error().message.find("incomplete") != std::string::npos);
    }
    auto longer = sealed;
    longer.push_back(0);
    CHECK_FALSE(open(longer, Payload::Bundle, &pass).ok());
}

TEST_CASE("sealed: a bundle is not a backup, a foreign file is named so, a newer format asks for an update", "[crypto]") {
    const Secret pass{"p"};
    auto backup = sealOk(bytes("SQLite format 3"), "p", Payload::Backup);
    auto asBundle = open(backup, Payload::Bundle, &pass);
    REQUIRE_FALSE(asBundle.ok());
    CHECK(asBundle.error().message.find("kneelog restore") != std::string::npos);
    CHECK(open(backup, Payload::Backup, &pass).ok());
    auto foreign = open(bytes("PK\x03\x04 a zip file, say"), Payload::Bundle, &pass);
    REQUIRE_FALSE(foreign.ok());
    CHECK(foreign.error().code == ErrorCode::Foreign);
    auto newer = backup;
    newer[8] = 2;
    CHECK(open(newer, Payload::Backup, &pass).error().code == ErrorCode::TooNew);
}

TEST_CASE("plain: says so, and damage is still found", "[crypto]") {
    const auto plain = wrapPlain(bytes("{\"note\": \"stairs\"}"), Payload::Bundle);
    CHECK(identify(plain) == FileKind::Plain);
    auto opened = open(plain, Payload::Bundle, nullptr);
    REQUIRE(opened.ok());
    CHECK_FALSE(opened->encrypted);
    CHECK(opened->data == bytes("{\"note\": \"stairs\"}"));
    for (std::size_t i = 0; i < plain.size(); ++i) {
        auto changed = plain;
        changed[i] ^= 0x04;
        INFO("byte " << i);
        CHECK_FALSE(open(changed, Payload::Bundle, nullptr).ok());
    }
    CHECK_FALSE(open(std::vector<uint8_t>(plain.begin(), plain.end() - 1), Payload::Bundle, nullptr).ok());
}

TEST_CASE("uuid: version 4, the RFC 4122 variant, unique", "[crypto]") {
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) {
        const std::string u = newUuid();
        REQUIRE(isUuid(u));
        CHECK(u[14] == '4');
        CHECK(std::string("89ab").find(u[19]) != std::string::npos);
        seen.insert(u);
    }
    CHECK(seen.size() == 1000);
    CHECK_FALSE(isUuid("not-a-uuid"));
    CHECK_FALSE(isUuid("5d4c3b2a-1f0e-4d9c-8b7a-69584736251g"));
}

TEST_CASE("secret: equal passphrases compare equal, and moving one leaves nothing behind", "[crypto]") {
    Secret a{"twice typed"}, b{"twice typed"}, c{"twice typee"};
    CHECK(a == b);
    CHECK_FALSE(a == c);
    Secret moved = std::move(a);
    CHECK(a.empty());
    CHECK(moved.view() == "twice typed");
}
