// libFuzzer target for the bundle reader: any bytes in, no crash and no sanitizer report.
// - As a file: the envelope reader (core/crypto/sealed.hpp) refuses or opens it; a sealed header
//   asking for more than the cheapest Argon2id is skipped (the cost is bounded and tested, but
//   would only slow the fuzzing down).
// - As content: every bundle the JSON reader accepts must write back and read again as the same
//   snapshot (the round-trip promise a merge relies on).
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "core/bundle.hpp"
#include "core/crypto/sealed.hpp"

namespace {

bool cheapHeader(std::span<const uint8_t> file) {
    if (file.size() < 27) return true;
    uint64_t ops = 0, mem = 0;
    for (int i = 7; i >= 0; --i) ops = (ops << 8) | file[11 + i];
    for (int i = 7; i >= 0; --i) mem = (mem << 8) | file[19 + i];
    const core::crypto::KdfLimits cheap = core::crypto::testLimits();
    return ops <= cheap.ops && mem <= cheap.mem;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::span<const uint8_t> file(data, size);
    const core::crypto::Secret pass{"fuzz"};
    if (core::crypto::identify(file) != core::crypto::FileKind::Sealed || cheapHeader(file))
        (void)core::crypto::open(file, core::crypto::Payload::Bundle, &pass);

    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto read = core::parseBundle(text);
    if (!read) return 0;
    auto again = core::parseBundle(core::bundleJson(*read, 0));
    if (!again || again->episodes != read->episodes || again->alerts.size() != read->alerts.size() ||
        again->checkins != read->checkins || !(again->person == read->person))
        __builtin_trap();
    return 0;
}
