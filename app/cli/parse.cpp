// The command line read by CLI11: the table in commands.cpp becomes one CLI::App with a
// subcommand per command; --db, --help and --version are global and may stand anywhere.
#include "cli/invocation.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <list>

namespace cli {

namespace {

// argv after the program name. "--name=" (an empty value) becomes "--name" "" so that CLI11
// does not take the next argument as the value.
std::vector<std::string> argumentsOf(int argc, char** argv) {
    std::vector<std::string> args;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a.size() > 3 && a.rfind("--", 0) == 0 && a.back() == '=' && a.find('=') == a.size() - 1) {
            a.pop_back();
            args.push_back(a);
            args.emplace_back();
        } else {
            args.push_back(std::move(a));
        }
    }
    return args;
}

struct Bound {
    const CommandSpec* spec = nullptr;
    CLI::App* app = nullptr;
    CLI::Option* help = nullptr;
    std::vector<std::pair<const OptionSpec*, CLI::Option*>> options;
    std::list<std::vector<std::string>> values;  // stable storage the options write to
    std::vector<std::string> positional;
};

void bind(CLI::App& top, const CommandSpec& spec, Bound& b) {
    b.spec = &spec;
    b.app = top.add_subcommand(std::string(spec.name), std::string(spec.summary));
    b.app->set_help_flag();
    b.app->fallthrough();  // --db (and anything unknown) goes up to the main line
    b.help = b.app->add_flag("-h,--help");
    for (const OptionSpec& o : spec.options) {
        std::string flag = "--";
        flag.append(o.name);
        CLI::Option* opt = nullptr;
        if (o.takesValue) {
            opt = b.app->add_option(flag, b.values.emplace_back(), std::string(o.help))
                      ->expected(1)
                      ->allow_extra_args(false)
                      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
        } else {
            opt = b.app->add_flag(flag)->description(std::string(o.help));
        }
        b.options.emplace_back(&o, opt);
    }
    b.app->add_option("arguments", b.positional);
}

std::optional<std::string> collect(Bound& b, Invocation& inv) {
    inv.command = b.spec;
    for (auto& [spec, opt] : b.options) {
        if (opt->count() == 0) continue;
        std::string name(spec->name);
        if (opt->count() > 1 && !spec->repeatable) return "--" + name + " was given twice";
        auto& slot = inv.values[name];
        if (spec->takesValue) slot = opt->as<std::vector<std::string>>();
        else slot.emplace_back();
    }
    inv.positional = b.positional;
    const int n = static_cast<int>(inv.positional.size());
    std::string command(b.spec->name);
    if (n < b.spec->positionalMin) return "'" + command + "' needs " + std::string(b.spec->usage);
    if (n > b.spec->positionalMax) return "unexpected argument '" + inv.positional.back() + "'";
    return std::nullopt;
}

// "--pain: 1 required TEXT missing" -> "--pain needs a value" (--db: "needs a path").
std::string mismatchMessage(const CLI::ParseError& e) {
    std::string what = e.what();
    const auto colon = what.find(':');
    if (colon == std::string::npos || what.rfind("--", 0) != 0) return what;
    std::string name = what.substr(0, colon);
    return name.append(name == "--db" ? " needs a path" : " needs a value");
}

}  // namespace

std::optional<std::string> parseLine(const std::vector<CommandSpec>& table, int argc, char** argv, ParsedLine& out) {
    CLI::App top("kneelog", "kneelog");
    top.set_help_flag();
    top.allow_extras();
    top.require_subcommand(0, 1);
    std::vector<std::string> db;
    top.add_option("--db", db)->expected(1)->allow_extra_args(false)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    CLI::Option* help = top.add_flag("-h,--help");
    CLI::Option* version = top.add_flag("--version");
    std::list<Bound> bound;
    for (const CommandSpec& spec : table) bind(top, spec, bound.emplace_back());
    std::vector<std::string> args = argumentsOf(argc, argv);
    std::reverse(args.begin(), args.end());  // CLI11 takes the arguments last first
    try {
        top.parse(args);
    } catch (const CLI::ParseError& e) {
        for (Bound& b : bound)
            if (b.app->parsed()) out.command = b.spec;
        return mismatchMessage(e);
    }
    if (!db.empty()) out.db = db.back();
    out.version = version->count() > 0;
    out.help = help->count() > 0;
    out.unclaimed = top.remaining();
    for (Bound& b : bound) {
        if (!b.app->parsed()) continue;
        out.command = b.spec;
        out.help = out.help || b.help->count() > 0;
        if (out.help) return std::nullopt;
        for (const std::string& u : out.unclaimed)
            if (u.rfind("-", 0) == 0) return "unknown option " + u.substr(0, u.find('=')) + " for '" + std::string(b.spec->name) + "'";
        if (!out.unclaimed.empty()) return "unexpected argument '" + out.unclaimed.front() + "'";
        return collect(b, out.inv);
    }
    return std::nullopt;
}

std::string commandHelp(const CommandSpec& spec) {
    std::string out = "usage: kneelog ";
    out.append(spec.name).append(" ").append(spec.usage).append("\n  ").append(spec.summary).append("\n");
    for (const auto& o : spec.options) {
        std::string left = "  --";
        left.append(o.name).append(o.takesValue ? " VALUE" : "");
        if (left.size() < 26) left.resize(26, ' ');
        out.append(left).append(" ").append(o.help).append(o.repeatable ? " (repeatable)" : "").append("\n");
    }
    return out;
}

}  // namespace cli
