// The knee map from outside (issue 18): `add --where` and `triage --where` (repeatable), the
// "where" key of `list --json`, exit 2 with the valid names, and `--help` listing them.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "run_binary.hpp"
#include "support/read_file.hpp"

using test::runKneelog;

namespace {

const std::vector<std::string> kNames = {"inner", "centre", "outer", "above", "below"};

nlohmann::json listJson(const std::string& db) {
    auto list = runKneelog({"list", "--db", db, "--json"});
    INFO(list.err);
    REQUIRE(list.exitCode == 0);
    return nlohmann::json::parse(list.out);
}

nlohmann::json triageJson(std::vector<std::string> args) {
    args.insert(args.begin(), "triage");
    args.push_back("--json");
    auto r = runKneelog(args);
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    return nlohmann::json::parse(r.out);
}

}  // namespace

TEST_CASE("add --where is repeatable and list --json gives \"where\" sorted, [] when not given", "[cli][where]") {
    const auto dir = test::freshDir("where-add");
    const std::string db = (dir / "j.db").string();
    auto add = runKneelog({"add", "--db", db, "--pain", "5", "--side", "left", "--where", "outer", "--where", "above",
                           "--where", "outer"});
    INFO(add.err);
    REQUIRE(add.exitCode == 0);
    REQUIRE(runKneelog({"add", "--db", db, "--pain", "2"}).exitCode == 0);
    const auto arr = listJson(db);
    REQUIRE(arr.size() == 2);
    // Newest first; both at "now", so order by id descending.
    CHECK(arr[0]["where"] == nlohmann::json::array());
    CHECK(arr[1]["where"] == nlohmann::json({"above", "outer"}));
    std::filesystem::remove_all(dir);
}

TEST_CASE("every region name is accepted by add and comes back from list --json", "[cli][where]") {
    const auto dir = test::freshDir("where-all");
    const std::string db = (dir / "j.db").string();
    std::vector<std::string> args = {"add", "--db", db, "--pain", "3", "--side", "both"};
    for (const auto& n : kNames) args.insert(args.end(), {"--where", n});
    auto add = runKneelog(args);
    INFO(add.err);
    REQUIRE(add.exitCode == 0);
    const auto arr = listJson(db);
    REQUIRE(arr.size() == 1);
    CHECK(arr[0]["where"] == nlohmann::json({"above", "below", "centre", "inner", "outer"}));
    std::filesystem::remove_all(dir);
}

TEST_CASE("an unknown region exits 2 with the valid list and writes nothing", "[cli][where]") {
    const auto dir = test::freshDir("where-bad");
    const std::string db = (dir / "j.db").string();
    REQUIRE(runKneelog({"add", "--db", db, "--pain", "2"}).exitCode == 0);
    const std::string before = test::readFile(db);
    for (const std::string command : {"add", "triage"}) {
        for (const std::string bad : {"center", "Inner", "back", ""}) {
            INFO(command << " --where '" << bad << "'");
            auto r = runKneelog({command, "--db", db, "--pain", "4", "--where", "inner", "--where", bad});
            CHECK(r.exitCode == 2);
            CHECK(r.err.find("--where") != std::string::npos);
            CHECK(r.err.find("inner, centre, outer, above, below") != std::string::npos);
        }
    }
    CHECK(test::readFile(db) == before);
    CHECK(listJson(db).size() == 1);
    std::filesystem::remove_all(dir);
}

TEST_CASE("add --help and triage --help list the valid region names", "[cli][where]") {
    for (const std::string command : {"add", "triage"}) {
        auto r = runKneelog({command, "--help"});
        INFO(command);
        REQUIRE(r.exitCode == 0);
        const auto at = r.out.find("  --where VALUE");  // the option's line (the usage line names it too)
        REQUIRE(at != std::string::npos);
        const std::string line = r.out.substr(at, r.out.find('\n', at) - at);
        for (const auto& n : kNames) CHECK(line.find(n) != std::string::npos);
        CHECK(line.find("repeatable") != std::string::npos);
    }
}

TEST_CASE("triage --where below is read like calf_pain; above is not", "[cli][where][redflags]") {
    const std::vector<std::vector<std::string>> withs = {
        {},
        {"--symptom", "swelling"},
        {"--symptom", "warmth"},
        {"--onset", "sudden"},
        {"--risk", "long_journey"},
        {"--symptom", "lump"},
        {"--leg", "both", "--symptom", "warmth"},
    };
    for (const auto& with : withs) {
        std::vector<std::string> base = {"--pain", "4", "--side", "left"};
        base.insert(base.end(), with.begin(), with.end());
        auto calf = base, below = base, above = base;
        calf.insert(calf.end(), {"--symptom", "calf_pain"});
        below.insert(below.end(), {"--where", "below"});
        above.insert(above.end(), {"--where", "above", "--where", "inner"});
        const auto byCalf = triageJson(calf);
        const auto byBelow = triageJson(below);
        const auto byAbove = triageJson(above);
        const auto plain = triageJson(base);
        INFO("with " << nlohmann::json(with).dump());
        CHECK(byBelow["rules"] == byCalf["rules"]);
        CHECK(byBelow["level"] == byCalf["level"]);
        CHECK(byAbove["rules"] == plain["rules"]);
        CHECK(byAbove["level"] == plain["level"]);
    }
    // The named cases: a painful upper calf in one leg with warmth is a possible clot (U1); with
    // the knee swollen it is the calf-pain check (S7); above the crease it is neither.
    const auto has = [](const nlohmann::json& rules, const char* id) {
        return std::find(rules.begin(), rules.end(), nlohmann::json(id)) != rules.end();
    };
    CHECK(has(triageJson({"--pain", "4", "--where", "below", "--symptom", "warmth"})["rules"], "U1"));
    const auto swollen = triageJson({"--pain", "4", "--where", "below", "--symptom", "swelling"});
    CHECK(swollen["rules"] == triageJson({"--pain", "4", "--symptom", "calf_pain", "--symptom", "swelling"})["rules"]);
    CHECK(has(swollen["rules"], "S7"));
    const auto above = triageJson({"--pain", "4", "--where", "above", "--symptom", "warmth"})["rules"];
    CHECK_FALSE(has(above, "U1"));
    CHECK_FALSE(has(above, "S7"));
}

TEST_CASE("where travels through CSV export and import, FHIR, and page 1 of the PDF (one page)", "[cli][where]") {
    const auto dir = test::freshDir("where-export");
    const std::string db = (dir / "j.db").string(), csv = (dir / "e.csv").string();
    const std::string fhir = (dir / "e.json").string(), pdf = (dir / "p.pdf").string();
    REQUIRE(runKneelog({"add", "--db", db, "--pain", "5", "--side", "right", "--where", "centre", "--where", "below",
                        "--at", "2026-11-20 09:00"}).exitCode == 0);
    REQUIRE(runKneelog({"add", "--db", db, "--pain", "3", "--side", "right", "--at", "2026-11-21 09:00"}).exitCode == 0);
    REQUIRE(runKneelog({"export", "--db", db, "--format", "csv", "--out", csv}).exitCode == 0);
    CHECK(test::readFile(csv).find(",where\r\n") != std::string::npos);
    const std::string fresh = (dir / "fresh.db").string();
    auto imported = runKneelog({"import", csv, "--db", fresh});
    INFO(imported.err);
    REQUIRE(imported.exitCode == 0);
    const auto a = listJson(db), b = listJson(fresh);
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) CHECK(a[i]["where"] == b[i]["where"]);

    REQUIRE(runKneelog({"export", "--db", db, "--format", "fhir", "--out", fhir}).exitCode == 0);
    const std::string bundle = test::readFile(fhir);
    CHECK(bundle.find("\"53840002\"") != std::string::npos);  // below: structure of calf of leg
    CHECK(bundle.find("\"32361000\"") != std::string::npos);  // centre: popliteal fossa structure
    CHECK(bundle.find("Right knee, behind it: Below the crease, Centre") != std::string::npos);

    REQUIRE(runKneelog({"export", "--db", db, "--format", "pdf", "--summary", "--out", pdf}).exitCode == 0);
    const std::string text = test::shellOutput("pdftotext -raw '" + pdf + "' -");
    CHECK(text.find("Where behind the knee") != std::string::npos);
    CHECK(text.find("Right leg from behind") != std::string::npos);
    const std::string info = test::shellOutput("pdfinfo '" + pdf + "'");
    const auto pages = info.find("Pages:");
    REQUIRE(pages != std::string::npos);
    CHECK(std::stoi(info.substr(pages + 6)) == 1);
    std::filesystem::remove_all(dir);
}
