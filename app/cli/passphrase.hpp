#pragma once
// Where a passphrase comes from on the command line: --passphrase-file F (its first line, the
// line end stripped) or, without it, the terminal with echo off. Never from an argument (it would
// show in the process list and the shell's history), never stored or printed.
#include "cli/invocation.hpp"
#include "core/crypto/sealed.hpp"
#include "core/result.hpp"

namespace cli {

// `twice`: when asking on the terminal, ask again and refuse a mismatch (making a file).
// Invalid (exit 2) when stdin is not a terminal and no file is given, or the passphrase is empty.
core::Result<core::crypto::Secret> readPassphrase(const Invocation& inv, bool twice);

}  // namespace cli
