#include "cli/commands.hpp"

#include "cli/common.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <span>
#include <string>
#include <optional>
#include <vector>

#include "core/profile.hpp"
#include "core/vocabulary.hpp"

namespace cli {

namespace {

// "one of: a, b, c" for a flag's help, built once from the vocabulary so it never falls behind.
std::string_view namesHelp(std::string_view prefix, std::span<const core::Term> terms) {
    static std::vector<std::unique_ptr<std::string>> kept;  // the table holds string_views
    kept.push_back(std::make_unique<std::string>(std::string(prefix) + core::validNames(terms)));
    return *kept.back();
}

std::string_view regionHelp() {
    static const std::string text = "your region, for the numbers the advice names: " + core::validRegionCodes();
    return text;
}

std::vector<OptionSpec> episodeOptions() {
    return {
        {"pain", true, false, "pain 0-10 (0 = no pain, 10 = worst imaginable)"},
        {"at", true, false, "when it started: \"YYYY-MM-DD HH:MM\" or ISO 8601 (default: now)"},
        {"side", true, false, namesHelp("the knee: ", core::sideTerms())},
        {"leg", true, false, namesHelp("the leg with calf or leg signs (separate from the knee): ", core::legTerms())},
        {"type", true, false, namesHelp("one of: ", core::painTypeTerms())},
        {"onset", true, false, namesHelp("one of: ", core::onsetTerms())},
        {"when", true, true, namesHelp("when it hurts, repeatable: ", core::contextTerms())},
        {"symptom", true, true, namesHelp("repeatable: ", core::symptomTerms())},
        {"care", true, true, namesHelp("what you did for it, repeatable: ", core::careTerms())},
        {"where", true, true,
         namesHelp("where behind the knee, repeatable (inner = the side towards the other leg): ", core::whereTerms())},
        {"medication", true, false, "medication name and dose, free text"},
        {"temperature", true, false, "body temperature in °C, 34.0-43.0, one decimal (38.0 or more is a fever)"},
        {"risk", true, true, namesHelp("a risk for this evaluation only, repeatable: ", core::riskTerms())},
        {"note", true, false, "a free-text note (up to 100000 characters)"},
    };
}

std::vector<OptionSpec> with(std::vector<OptionSpec> base, std::vector<OptionSpec> extra) {
    base.insert(base.end(), extra.begin(), extra.end());
    return base;
}

// The commands over the entries: log, read, advise, profile.
std::vector<CommandSpec> journalCommands() {
    return {
        {"add", "log one pain episode; prints its id and its advice level", "--pain N [options]",
         episodeOptions(), 0, 0, cmdAdd},
        {"list", "show the journal as a table, or as JSON", "[--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]",
         {{"from", true, false, "first day"}, {"to", true, false, "last day"}, {"json", false, false, "JSON array"}},
         0, 0, cmdList},
        {"triage", "what KneeLog would advise for one episode, as if saved now (writes nothing)",
         "[--pain N] [--side S] [--leg L] [--onset O] [--when W]... [--where R]... [--symptom S]... [--risk R]... "
         "[--temperature C] [--region CODE] [--json]",
         with(episodeOptions(), {{"region", true, false, regionHelp()}, {"json", false, false, "one JSON object"}}),
         0, 0, cmdTriage},
        {"profile", "show or change your region and the risks KneeLog takes into account",
         "[--set RISK]... [--unset RISK]... [--region CODE] [--json]",
         {{"set", true, true, namesHelp("tick a risk (again: still true), repeatable: ", core::riskTerms())},
          {"unset", true, true, namesHelp("untick a risk, repeatable: ", core::riskTerms())},
          {"region", true, false, regionHelp()},
          {"json", false, false, "one JSON object {\"risks\": [...], \"region\": \"...\"}"}},
         0, 0, cmdProfile},
        {"insights", "what helps and what hurts: patterns in your entries, with 95% intervals",
         "[--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]",
         {{"from", true, false, "first day"}, {"to", true, false, "last day"},
          {"json", false, false, "one JSON object {\"care\", \"contexts\", \"time_of_day\", \"weekday\", \"relief\"}"}},
         0, 0, cmdInsights},
        {"peg", "the weekly check-in (PEG): answer it, or list your scores",
         "[--pain N --enjoyment N --activity N [--at T]] [--json]",
         {{"pain", true, false, "your pain on average in the past week, 0-10"},
          {"enjoyment", true, false, "how much pain interfered with your enjoyment of life, 0-10"},
          {"activity", true, false, "how much pain interfered with your general activity, 0-10"},
          {"at", true, false, "when you answered: \"YYYY-MM-DD HH:MM\" or ISO 8601 (default: now)"},
          {"json", false, false, "the list as a JSON array [{\"at\", \"pain\", \"enjoyment\", \"activity\", \"score\"}]"}},
         0, 0, cmdPeg},
        {"relief", "rate how much an entry's medication helped (list --json shows it as \"relief\")",
         "ID --rating none|little|lot|complete | ID --clear",
         {{"rating", true, false, "none | little (a little) | lot (a lot) | complete"},
          {"clear", false, false, "remove the rating"}},
         1, 1, cmdRelief},
        {"alerts", "list the emergency and urgent alerts you have not acknowledged, or acknowledge one",
         "[--json] | --ack ID",
         {{"json", false, false, "a JSON array"}, {"ack", true, false, "acknowledge the alert with this id"}}, 0, 0,
         cmdAlerts},
        {"delete", "delete an episode (it can be brought back with undelete)", "ID", {}, 1, 1, cmdDelete},
        {"undelete", "bring back a deleted episode", "ID", {}, 1, 1, cmdUndelete},
        {"demo", "fill the journal with a realistic synthetic history", "--days N [--seed S]",
         {{"days", true, false, "how many days back"}, {"seed", true, false, "random seed (default 1)"}}, 0, 0,
         cmdDemo},
    };
}

// The commands over the file: check, backups, export and import, screenshots.
std::vector<CommandSpec> fileCommands(const Hooks& hooks) {
    return {
        {"check", "verify the journal file's integrity", "", {}, 0, 0, cmdCheck},
        {"backup", "copy the journal to a file, encrypted with --encrypt", "--out FILE [--encrypt [--passphrase-file F]]",
         {{"out", true, false, "backup file"},
          {"encrypt", false, false, "encrypt the copy with a passphrase (asked on the terminal, or --passphrase-file)"},
          {"passphrase-file", true, false, "with --encrypt: read the passphrase from this file's first line"}},
         0, 0, cmdBackup},
        {"restore", "replace the journal with a backup, plain or encrypted (the current one is kept as a backup)",
         "FILE [--passphrase-file F]",
         {{"passphrase-file", true, false, "for an encrypted backup: read the passphrase from this file's first line"}},
         1, 1, cmdRestore},
        {"bundle", "carry your journal to another device: an encrypted file that merges both ways",
         "export --out FILE [--passphrase-file F | --no-encrypt]  |  import FILE [--passphrase-file F] [--dry-run]",
         {{"out", true, false, "export: the bundle file to write"},
          {"passphrase-file", true, false, "read the passphrase from this file's first line (else it is asked for)"},
          {"no-encrypt", false, false, "export: write the bundle unencrypted (anyone with the file can read it)"},
          {"dry-run", false, false, "import: print what would change (added, updated, deleted, unchanged); write nothing"}},
         1, 2, cmdBundle},
        {"backups", "list this journal's automatic backups, newest first", "[--json]",
         {{"json", false, false, "JSON array of {path, made_at, episodes}"}}, 0, 0, cmdBackups},
        {"wipe", "delete all your data, this journal's backups included", "--yes",
         {{"yes", false, false, "confirm: this cannot be undone"}}, 0, 0, cmdWipe},
        {"export", "write your entries for a doctor: PDF report, CSV or FHIR",
         "--format pdf|csv|fhir --out FILE [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--name TEXT] [--paper a4|letter] [--summary]",
         {{"format", true, false, "pdf (report) | csv (table) | fhir (FHIR R4 JSON bundle)"},
          {"out", true, false, "the file to write (replaced whole, never half-written)"},
          {"from", true, false, "first day (default: the first entry)"},
          {"to", true, false, "last day (default: today)"},
          {"name", true, false, "your name on the report (optional)"},
          {"paper", true, false, "a4 | letter (default: your saved choice, else a4)"},
          {"summary", false, false, "pdf only: write page 1 alone, the one-page summary"}},
         0, 0, cmdExport},
        {"import", "add entries from a KneeLog CSV file (all or nothing; duplicates skipped)",
         "[--format csv] FILE [--dry-run]",
         {{"format", true, false, "csv (the only format that can be imported)"},
          {"dry-run", false, false, "check the file and report what would happen; write nothing"}},
         1, 1, cmdImport},
        {"screenshot", "render one screen to a PNG with no display",
         "--screen NAME --out FILE.png [--size WxH] [--scale F] [--theme T] [--frames N] [--tap KEY]... [--show KEY] [--first-run]",
         {{"screen", true, false, "log | history | trends | guidance | export | settings"},
          {"out", true, false, "PNG file to write"},
          {"size", true, false, "logical size WxH (default 1280x800)"},
          {"scale", true, false, "device pixels per logical pixel (default 1)"},
          {"theme", true, false, "light | dark | contrast"},
          {"frames", true, false, "render N frames and print frame_ms median and p95"},
          {"tap", true, true, "click a named item first (e.g. pain:6, symptom:calf_pain), repeatable"},
          {"show", true, false, "then scroll until this named item is in view"},
          {"first-run", false, false, "show the first-run questions (disclaimer and region)"}},
         0, 0, [render = hooks.screenshot](Invocation& inv) { return cmdScreenshot(inv, render); }},
    };
}

std::vector<CommandSpec> makeTable(const Hooks& hooks) {
    std::vector<CommandSpec> table = journalCommands();
    std::vector<CommandSpec> files = fileCommands(hooks);
    table.insert(table.end(), std::make_move_iterator(files.begin()), std::make_move_iterator(files.end()));
    return table;
}

std::string usage(const std::vector<CommandSpec>& table) {
    std::string out =
        "KneeLog — a private journal for pain behind the knee.\n\n"
        "usage: kneelog [--db PATH] [COMMAND] [options]\n\n"
        "With no command, the window opens on your journal.\n\ncommands:\n"
        "  gui         open the window (the default when no command is given)\n";
    for (const auto& c : table) {
        std::string left = "  " + std::string(c.name);
        left.resize(14, ' ');
        out += left + std::string(c.summary) + "\n";
    }
    out +=
        "\nglobal options:\n"
        "  --db PATH     use this journal file (default: $KNEELOG_DB, else your data folder)\n"
        "  --help        this text; 'kneelog COMMAND --help' for a command's options\n"
        "  --version     print the version\n";
    return out;
}

int usageFailure(const std::string& message, const std::string& help) {
    std::fprintf(stderr, "kneelog: %s\n\n%s", message.c_str(), help.c_str());
    return kExitUsage;
}

std::optional<std::string> resolveJournal(const std::optional<std::string>& db,
                                          const std::function<std::string()>& defaultDbPath) {
    // An empty path must never fall back to the person's real journal.
    if (db && db->empty()) {
        usageError("--db is empty: give the path of the journal file");
        return std::nullopt;
    }
    if (db) return db;
    if (const char* env = std::getenv("KNEELOG_DB")) {
        if (!*env) {
            usageError("KNEELOG_DB is set but empty: give the path of the journal file, or unset it");
            return std::nullopt;
        }
        return std::string(env);
    }
    return defaultDbPath ? defaultDbPath() : std::string();
}

}  // namespace

bool asksForWindow(int argc, char** argv) {
    ParsedLine line;
    if (parseLine({}, argc, argv, line) || line.help || line.version) return false;
    return line.unclaimed.empty() || (line.unclaimed.size() == 1 && line.unclaimed.front() == "gui");
}

std::optional<std::string> journalPath(int argc, char** argv, const std::function<std::string()>& defaultDbPath) {
    ParsedLine line;
    if (auto err = parseLine({}, argc, argv, line)) {
        usageError(*err);
        return std::nullopt;
    }
    return resolveJournal(line.db, defaultDbPath);
}

int run(int argc, char** argv, const Hooks& hooks) {
    const std::vector<CommandSpec> table = makeTable(hooks);
    ParsedLine line;
    if (auto err = parseLine(table, argc, argv, line))
        return usageFailure(*err, line.command ? commandHelp(*line.command) : usage(table));
    if (line.help) {
        std::printf("%s", (line.command ? commandHelp(*line.command) : usage(table)).c_str());
        return kExitOk;
    }
    if (line.version) {
        std::printf("kneelog %s\n", KNEELOG_VERSION);
        return kExitOk;
    }
    if (!line.command) {
        const std::string name = line.unclaimed.empty() ? std::string("gui") : line.unclaimed.front();
        return usageFailure("unknown command or option '" + name + "'", usage(table));
    }
    const auto db = resolveJournal(line.db, hooks.defaultDbPath);
    if (!db) return kExitUsage;
    if (!hooks.files) return fail(core::makeError(core::ErrorCode::Internal, "no journal storage was wired in"));
    useWiring(*hooks.files, hooks.fontDir);
    Invocation& inv = line.inv;
    inv.dbPath = *db;
    int rc = line.command->run(inv);
    for (const core::Error& e : takeDeferredFailures()) {
        std::fprintf(stderr, "kneelog: %s%s\n", e.message.c_str(),
                     rc == kExitOk ? " What the command did was saved." : "");
        if (rc == kExitOk) rc = kExitFailure;
    }
    return rc;
}

}  // namespace cli
