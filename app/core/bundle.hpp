#pragma once
// A bundle's content: the whole journal as JSON (entries with their uids, edit times and
// tombstones, the kept versions, the alerts and acknowledgements, the person's settings), before
// it is sealed (core/crypto/sealed.hpp). The format is in merge_rules.md, "The bundle".
#include <cstdint>
#include <string>
#include <string_view>

#include "core/merge.hpp"
#include "core/result.hpp"

namespace core {

inline constexpr int kBundleFormat = 1;

std::string bundleJson(const JournalSnapshot& snapshot, int64_t madeAtUtc);
// Reads and checks every entry, alert and setting; Invalid with the entry named when any is bad
// (the bundle is then refused whole), TooNew for a newer format.
Result<JournalSnapshot> parseBundle(std::string_view text);

}  // namespace core
