#include "cli/args.hpp"

namespace cli {

std::optional<std::string> Invocation::get(std::string_view name) const {
    auto it = values.find(name);
    if (it == values.end() || it->second.empty()) return std::nullopt;
    return it->second.back();
}

std::vector<std::string> Invocation::all(std::string_view name) const {
    auto it = values.find(name);
    return it == values.end() ? std::vector<std::string>{} : it->second;
}

std::optional<std::string> parseOptions(const CommandSpec& spec, int argc, char** argv, int first, Invocation& out) {
    out.command = &spec;
    for (int i = first; i < argc; ++i) {
        std::string_view arg = argv[i];
        if (arg.size() > 2 && arg.substr(0, 2) == "--") {
            std::string_view name = arg.substr(2);
            std::optional<std::string> inlineValue;
            if (auto eq = name.find('='); eq != std::string_view::npos) {
                inlineValue = std::string(name.substr(eq + 1));
                name = name.substr(0, eq);
            }
            const OptionSpec* opt = nullptr;
            for (const auto& o : spec.options)
                if (o.name == name) opt = &o;
            if (!opt) return "unknown option --" + std::string(name) + " for '" + std::string(spec.name) + "'";
            std::string value;
            if (opt->takesValue) {
                if (inlineValue) value = *inlineValue;
                else if (i + 1 < argc) value = argv[++i];
                else return "--" + std::string(name) + " needs a value";
            } else if (inlineValue) {
                return "--" + std::string(name) + " takes no value";
            }
            auto& slot = out.values[std::string(name)];
            if (!slot.empty() && !opt->repeatable) return "--" + std::string(name) + " was given twice";
            slot.push_back(value);
        } else {
            out.positional.emplace_back(arg);
        }
    }
    const int n = static_cast<int>(out.positional.size());
    if (n < spec.positionalMin) return "'" + std::string(spec.name) + "' needs " + std::string(spec.usage);
    if (n > spec.positionalMax) return "unexpected argument '" + out.positional.back() + "'";
    return std::nullopt;
}

std::string commandHelp(const CommandSpec& spec) {
    std::string out = "usage: kneelog " + std::string(spec.name) + " " + std::string(spec.usage) + "\n  " +
                      std::string(spec.summary) + "\n";
    for (const auto& o : spec.options) {
        std::string left = "  --" + std::string(o.name) + (o.takesValue ? " VALUE" : "");
        if (left.size() < 26) left.resize(26, ' ');
        out += left + " " + std::string(o.help) + (o.repeatable ? " (repeatable)" : "") + "\n";
    }
    return out;
}

}  // namespace cli
