#include "core/words.hpp"

#include <algorithm>

namespace core {

std::string termLabel(std::span<const Term> terms, std::string_view name) {
    const Term* t = findTerm(terms, name);
    return t ? std::string(t->label) : std::string(name);
}

std::string termLabels(std::span<const Term> terms, const std::vector<std::string>& names, std::string_view sep) {
    std::string out;
    for (const auto& n : names) {
        if (n.empty()) continue;
        if (!out.empty()) out += sep;
        out += termLabel(terms, n);
    }
    return out;
}

std::string sideWords(std::string_view side) {
    const Term* t = findTerm(sideTerms(), side);
    return t ? std::string(t->label) : std::string("Side not given");
}

const char* monthShort(int month) {
    static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return kMonths[std::clamp(month, 1, 12) - 1];
}

const char* monthLong(int month) {
    static constexpr const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                              "July",    "August",   "September", "October", "November", "December"};
    return kMonths[std::clamp(month, 1, 12) - 1];
}

const char* weekdayShort(int64_t daysFromEpoch) {
    static constexpr const char* kWeekdays[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
    return kWeekdays[((daysFromEpoch % 7) + 7) % 7];
}

std::string withThousands(std::size_t n) {
    const std::string digits = std::to_string(n);
    std::string s;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) s += ',';
        s += digits[i];
    }
    return s;
}

}  // namespace core
