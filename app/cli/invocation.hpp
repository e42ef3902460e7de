#pragma once
// The command table (data) and what one parsed command line holds. CLI11 parses (parse.cpp).
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cli {

struct OptionSpec {
    std::string_view name;  // without the leading "--"
    bool takesValue = true;
    bool repeatable = false;
    std::string_view help;
};

struct Invocation;

struct CommandSpec {
    std::string_view name;
    std::string_view summary;
    std::string_view usage;  // arguments after the command name
    std::vector<OptionSpec> options;
    int positionalMin = 0;
    int positionalMax = 0;
    std::function<int(Invocation&)> run;
};

struct Invocation {
    const CommandSpec* command = nullptr;
    std::map<std::string, std::vector<std::string>, std::less<>> values;
    std::vector<std::string> positional;
    std::string dbPath;  // the journal to use (--db, $KNEELOG_DB or the per-user default)

    bool has(std::string_view name) const { return values.find(name) != values.end(); }
    std::optional<std::string> get(std::string_view name) const {
        auto it = values.find(name);
        if (it == values.end() || it->second.empty()) return std::nullopt;
        return it->second.back();
    }
    std::vector<std::string> all(std::string_view name) const {
        auto it = values.find(name);
        return it == values.end() ? std::vector<std::string>{} : it->second;
    }
};

// One command line as CLI11 read it.
struct ParsedLine {
    const CommandSpec* command = nullptr;  // null: no command named
    Invocation inv;
    std::optional<std::string> db;         // the last --db, when given
    bool help = false;                     // --help (of the command when one is named)
    bool version = false;
    std::vector<std::string> unclaimed;    // what neither a command nor an option took
};

// Parses argv with CLI11 against the table (--db, --help and --version are global). Returns a
// usage message on failure (a missing value, an unknown option, a flag given twice, a wrong
// number of arguments); `out.command` says whose help goes with it.
std::optional<std::string> parseLine(const std::vector<CommandSpec>& table, int argc, char** argv, ParsedLine& out);

std::string commandHelp(const CommandSpec& spec);

}  // namespace cli
