#pragma once
// A small table-driven command-line parser: one table of commands, each with its options.
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
    std::optional<std::string> get(std::string_view name) const;
    std::vector<std::string> all(std::string_view name) const;
};

// Parses argv after the command name. Returns an error message on failure.
std::optional<std::string> parseOptions(const CommandSpec& spec, int argc, char** argv, int first, Invocation& out);

std::string commandHelp(const CommandSpec& spec);

}  // namespace cli
