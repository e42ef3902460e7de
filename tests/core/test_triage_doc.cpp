// The rule table is documented in app/core/triage_rules.md, beside the code. This test keeps the
// two in step: every rule in the code has a row there with its key and level, and every row there
// is a rule in the code.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/triage.hpp"

namespace {

struct DocRow {
    std::string id, key, level;
};

std::string trimmed(std::string s) {
    const auto first = s.find_first_not_of(" `");
    const auto last = s.find_last_not_of(" `");
    return first == std::string::npos ? std::string() : s.substr(first, last - first + 1);
}

// Table rows whose first cell is a rule id (a letter E, U, S or H followed by digits).
std::vector<DocRow> documentedRules() {
    std::ifstream in(std::filesystem::path(KNEELOG_SOURCE_DIR) / "app" / "core" / "triage_rules.md");
    REQUIRE(in.good());
    std::vector<DocRow> rows;
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("|", 0) != 0) continue;
        std::vector<std::string> cells;
        std::stringstream ss(line.substr(1));
        std::string cell;
        while (std::getline(ss, cell, '|')) cells.push_back(trimmed(cell));
        if (cells.size() < 3 || cells[0].size() < 2) continue;
        const char group = cells[0][0];
        if (group != 'E' && group != 'U' && group != 'S' && group != 'H') continue;
        if (cells[0].find_first_not_of("0123456789", 1) != std::string::npos) continue;
        rows.push_back({cells[0], cells[1], cells[2]});
    }
    return rows;
}

}  // namespace

TEST_CASE("triage_rules.md documents every rule of the code, and only those") {
    const std::vector<DocRow> rows = documentedRules();
    std::set<std::string> documented;
    for (const DocRow& row : rows) {
        INFO("documented rule " << row.id);
        CHECK(documented.insert(row.id).second);  // once each
        const core::Rule* rule = core::findRule(row.id);
        REQUIRE(rule != nullptr);                  // a row for a rule the code does not have fails
        CHECK(row.key == rule->key);
        CHECK(row.level == core::levelName(rule->level));
    }
    for (const core::Rule& rule : core::rules()) {
        INFO("rule in the code " << rule.id);
        CHECK(documented.count(std::string(rule.id)) == 1);
    }
}
