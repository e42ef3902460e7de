#pragma once
// Random identifiers from libsodium's generator (the operating system's CSPRNG).
#include <string>
#include <string_view>

namespace core::crypto {

// Initialises libsodium once (every function here calls it first).
void ensureReady();

// A new random UUID, version 4 (RFC 4122), lower case: "1b4e28ba-2fa1-4d2e-883f-0016d3cca427".
std::string newUuid();
// True for the form newUuid() makes (any version digit, lower or upper case hex).
bool isUuid(std::string_view text);

}  // namespace core::crypto
