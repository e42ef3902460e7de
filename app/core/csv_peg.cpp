// The PEG section of a CSV export (see csv.hpp): after the episodes, one empty line, then its own
// header and one row per weekly check-in. Import reads the episodes and skips this section.
#include <array>

#include "core/csv.hpp"

namespace core {

namespace {
constexpr std::array<std::string_view, 5> kPegColumns = {"peg_at", "peg_pain", "peg_enjoyment", "peg_activity",
                                                         "peg_score"};
}  // namespace

std::string pegSectionCsv(std::span<const PegEntry> oldestFirst) {
    if (oldestFirst.empty()) return {};
    std::string out = "\r\n";
    for (std::size_t i = 0; i < kPegColumns.size(); ++i) {
        if (i) out += ',';
        out += kPegColumns[i];
    }
    out += "\r\n";
    for (const PegEntry& p : oldestFirst)
        out += formatIso(p.at) + "," + std::to_string(p.pain) + "," + std::to_string(p.enjoyment) + "," +
               std::to_string(p.activity) + "," + pegScoreText(p.score()) + "\r\n";
    return out;
}

bool isPegSectionHeader(std::span<const std::string> fields) {
    return !fields.empty() && fields.front() == kPegColumns.front();
}

}  // namespace core
