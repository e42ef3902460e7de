#include "cli/passphrase.hpp"

#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <string>

#include "core/io/atomic_file.hpp"

namespace cli {

namespace {

using core::crypto::Secret;

constexpr std::size_t kMaxPassphraseFile = 64 * 1024;

core::Result<Secret> fromFile(const std::string& path) {
    auto text = io::readWholeFile(path, kMaxPassphraseFile);
    if (!text) return text.error();
    std::string line = text->substr(0, text->find('\n'));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    core::crypto::wipe(*text);
    if (line.empty())
        return core::makeError(core::ErrorCode::Invalid,
                               "the first line of the passphrase file " + path + " is empty: write the passphrase there");
    return Secret(std::move(line));
}

// One line from the terminal with echo off; the terminal's settings are put back after.
core::Result<Secret> askOnce(const char* prompt) {
    std::fprintf(stderr, "%s", prompt);
    std::fflush(stderr);
    termios before{};
    const bool tty = tcgetattr(STDIN_FILENO, &before) == 0;
    if (tty) {
        termios quiet = before;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        quiet.c_lflag |= ECHONL;
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    std::string line;
    int c = 0;
    while ((c = std::fgetc(stdin)) != EOF && c != '\n') line += static_cast<char>(c);
    if (tty) tcsetattr(STDIN_FILENO, TCSAFLUSH, &before);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) return core::makeError(core::ErrorCode::Invalid, "no passphrase was typed; nothing was done");
    return Secret(std::move(line));
}

}  // namespace

core::Result<Secret> readPassphrase(const Invocation& inv, bool twice) {
    if (auto file = inv.get("passphrase-file")) return fromFile(*file);
    if (!isatty(STDIN_FILENO))
        return core::makeError(core::ErrorCode::Invalid,
                               "a passphrase is needed and the input is not a terminal to ask on: use --passphrase-file FILE "
                               "(the passphrase on its first line)");
    auto first = askOnce("Passphrase: ");
    if (!first || !twice) return first;
    auto again = askOnce("The same passphrase again: ");
    if (!again) return again;
    if (!(*first == *again))
        return core::makeError(core::ErrorCode::Invalid, "the two passphrases differ; nothing was written");
    return first;
}

}  // namespace cli
