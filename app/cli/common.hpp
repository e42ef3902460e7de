#pragma once
// Pieces the subcommands share: opening the journal, reading episode flags, printing results.
#include <memory>
#include <optional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "cli/invocation.hpp"
#include "core/episode.hpp"
#include "core/result.hpp"
#include "core/triage.hpp"
#include "core/storage.hpp"

namespace cli {

// How a command uses the journal; combine with |.
//  Read        never creates anything: a missing journal is "There is no journal at PATH" (exit 1).
//              A journal KneeLog may not write (read-only file, folder or medium) is opened
//              read-only and left byte-identical; one it may write is opened normally, so SQLite
//              removes its -wal/-shm on close and an older journal is upgraded.
//  Write       the journal must exist (delete, undelete, alerts --ack, wipe); a read-only
//              journal is refused with a message and not changed. The first write of each day
//              makes that day's automatic backup first (see Journal::dailyBackup).
//  Create      with Write: a missing journal is created, and "Created a new journal at PATH"
//              is printed on stderr (add, import, demo).
//  NoBackup    with Write: no daily backup (wipe).
enum class Access : unsigned { Read = 1, Write = 2, Create = 4, NoBackup = 8 };
constexpr Access operator|(Access a, Access b) { return static_cast<Access>(static_cast<unsigned>(a) | static_cast<unsigned>(b)); }
constexpr bool has(Access set, Access flag) { return (static_cast<unsigned>(set) & static_cast<unsigned>(flag)) != 0; }

// What cli::run was handed by the executable (see Hooks): the journal files the commands work
// on and the folder of the PDF's fonts.
void useWiring(core::JournalFiles& files, std::string fontDir);
core::JournalFiles& journalFiles();
const std::string& fontDir();

// Opens the journal named by the invocation; prints a clear message and returns null on failure.
std::unique_ptr<core::StoredJournal> openJournal(const Invocation& inv, Access access);
// The older spelling: read-only (Access::Read), else Access::Write | Access::Create.
std::unique_ptr<core::StoredJournal> openJournal(const Invocation& inv, bool readOnly = false);

// For commands that only read: the journal when its file exists (read-only). A missing file is an
// empty journal in memory when `missingIsEmpty` (triage), else "There is no journal at PATH".
// Nothing is created on disk. Prints a message and returns null when the file cannot be read.
std::unique_ptr<core::StoredJournal> openForReading(const Invocation& inv, bool missingIsEmpty);

// Refuses (exit 1) an output file that is the journal, its -wal/-shm or its backups.
core::Result<void> refuseJournalFiles(const Invocation& inv, const std::string& out);

// "Emergency: 999 · same day: NHS 111 (United Kingdom)", or the 112 sentence when no region is chosen.
std::string regionNumbersLine(const std::string& regionCode);

// --from and --to as an inclusive range of local days (either may be absent); the last day may
// not come before the first.
core::Result<core::DateRange> rangeFromOptions(const Invocation& inv);

// --at as a local date and time ("YYYY-MM-DD HH:MM" or ISO 8601); now when it is absent.
core::Result<core::LocalDateTime> timeFromOptions(const Invocation& inv);

// A failure after the command's work was done (today's automatic backup could not be made):
// printed and turned into exit 1 by cli::run once the command returns.
void deferFailure(const core::Error& error);
std::vector<core::Error> takeDeferredFailures();

// Stored text made safe for a terminal table: control characters (C0, DEL, C1), invalid UTF-8
// and bidirectional overrides are shown escaped (\x1b, \u202e), a newline as "⏎", a tab as a
// space. JSON output never goes through this: it stays exact.
std::string terminalSafe(std::string_view text);

// The command line's number parsers, one for each kind. A whole number within [min, max], digits
// with an optional leading '-', nothing else; nullopt otherwise.
std::optional<long long> wholeNumber(std::string_view text, long long min, long long max);
// A decimal such as "2", "1.25" or ".5" (digits, at most one '.', no sign or exponent), read the
// same in every locale; nullopt otherwise.
std::optional<double> decimalNumber(std::string_view text);

// Prints "kneelog: <message>" and returns the exit code for the error (2 for bad input, else 1).
int fail(const core::Error& error);
int usageError(const std::string& message);

// Builds an episode from --pain, --at, --side, ... Unknown names are refused with the valid list.
// With `painRequired` false a missing --pain means 0 (for triage).
core::Result<core::Episode> episodeFromOptions(const Invocation& inv, bool painRequired);

// The --risk names (checked), for one evaluation only.
core::Result<std::vector<std::string>> risksFromOptions(const Invocation& inv);


nlohmann::json episodeJson(const core::Episode& e);
nlohmann::json triageJson(const core::TriageResult& r);

}  // namespace cli
