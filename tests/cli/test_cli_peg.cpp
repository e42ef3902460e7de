// kneelog peg and kneelog relief, from outside, exactly as the issue writes the contract.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>

#include "run_binary.hpp"
#include "support/read_file.hpp"

using test::runKneelog;

namespace {
const std::string kNow = "KNEELOG_TEST_NOW=2026-11-27T12:00:00Z";
}  // namespace

TEST_CASE("peg --pain --enjoyment --activity prints the score, and peg --json lists them", "[cli][peg]") {
    const auto dir = test::freshDir("peg");
    const std::string db = (dir / "j.db").string();
    auto first = runKneelog({"peg", "--db", db, "--pain", "7", "--enjoyment", "6", "--activity", "5", "--at",
                             "2026-11-08T18:00+01:00"}, {kNow});
    INFO(first.err);
    REQUIRE(first.exitCode == 0);
    CHECK(first.out.find("PEG score 6.0") != std::string::npos);
    auto second = runKneelog({"peg", "--db", db, "--pain", "4", "--enjoyment", "3", "--activity", "3", "--at",
                              "2026-11-22 09:30"}, {kNow});
    REQUIRE(second.exitCode == 0);
    CHECK(second.out.find("PEG score 3.3") != std::string::npos);
    auto now = runKneelog({"peg", "--db", db, "--pain", "0", "--enjoyment", "10", "--activity", "2"}, {kNow});
    REQUIRE(now.exitCode == 0);
    CHECK(now.out.find("PEG score 4.0") != std::string::npos);

    auto list = runKneelog({"peg", "--db", db, "--json"}, {kNow});
    REQUIRE(list.exitCode == 0);
    const auto arr = nlohmann::json::parse(list.out);
    REQUIRE(arr.is_array());
    REQUIRE(arr.size() == 3);
    for (const auto& p : arr) {
        CHECK(p.size() == 5);
        for (const char* key : {"at", "pain", "enjoyment", "activity", "score"}) CHECK(p.contains(key));
        CHECK(p["score"].is_number());
    }
    CHECK(arr[0]["at"] == "2026-11-08T18:00:00+01:00");
    CHECK(arr[0]["pain"] == 7);
    CHECK(arr[0]["enjoyment"] == 6);
    CHECK(arr[0]["activity"] == 5);
    CHECK(arr[0]["score"].get<double>() == Approx(6.0));
    CHECK(arr[1]["score"].get<double>() == Approx(10.0 / 3));
    CHECK(arr[2]["pain"] == 0);
    CHECK(arr[2]["at"].get<std::string>().find("2026-11-2") == 0);  // --at defaults to now (local day of 27 Nov 12:00 UTC)

    // No flags: a readable list with the change in words.
    auto table = runKneelog({"peg", "--db", db}, {kNow});
    REQUIRE(table.exitCode == 0);
    CHECK(table.out.find("2026-11-08") != std::string::npos);
    CHECK(table.out.find("6.0") != std::string::npos);
    CHECK(table.out.find("Down 2.0 points since 8 Nov") != std::string::npos);
    CHECK(table.out.find("usually meaningful") != std::string::npos);
    std::filesystem::remove_all(dir);
}

TEST_CASE("peg refuses answers outside 0-10, non-numbers and missing answers with exit 2, writing nothing",
          "[cli][peg]") {
    const auto dir = test::freshDir("pegbad");
    const std::string db = (dir / "j.db").string();
    REQUIRE(runKneelog({"peg", "--db", db, "--pain", "5", "--enjoyment", "5", "--activity", "5"}, {kNow}).exitCode == 0);
    const std::string before = test::readFile(db);
    struct Case { std::vector<std::string> args; std::string says; };
    const std::vector<Case> cases = {
        {{"--pain", "11", "--enjoyment", "5", "--activity", "5"}, "--pain: '11' is not a whole number from 0 to 10"},
        {{"--pain", "5", "--enjoyment=-1", "--activity", "5"}, "--enjoyment: '-1'"},
        {{"--pain", "5", "--enjoyment", "5", "--activity", "ten"}, "--activity: 'ten'"},
        {{"--pain", "5", "--enjoyment", "5", "--activity", "4.5"}, "--activity: '4.5'"},
        {{"--pain", "5", "--enjoyment", "5"}, "missing: --activity"},
        {{"--pain", "5"}, "missing: --enjoyment, --activity"},
        {{"--at", "2026-11-20 10:00"}, "missing: --pain, --enjoyment, --activity"},
        {{"--pain", "5", "--enjoyment", "5", "--activity", "5", "--at", "2026-02-30 10:00"}, "at:"},
        {{"--pain", "5", "--enjoyment", "5", "--activity", "5", "--at", "2999-01-01 10:00"}, "future"},
    };
    for (const auto& c : cases) {
        std::vector<std::string> args = {"peg", "--db", db};
        args.insert(args.end(), c.args.begin(), c.args.end());
        auto r = runKneelog(args, {kNow});
        INFO(c.args[0] << " " << c.args[1] << ": " << r.err);
        CHECK(r.exitCode == 2);
        CHECK(r.err.find(c.says) != std::string::npos);
    }
    CHECK(test::readFile(db) == before);
    auto list = runKneelog({"peg", "--db", db, "--json"}, {kNow});
    CHECK(nlohmann::json::parse(list.out).size() == 1);
    // A journal that is not there is not created by a bad check-in either.
    const std::string none = (dir / "none.db").string();
    CHECK(runKneelog({"peg", "--db", none, "--pain", "12", "--enjoyment", "1", "--activity", "1"}).exitCode == 2);
    CHECK_FALSE(std::filesystem::exists(none));
    std::filesystem::remove_all(dir);
}

TEST_CASE("peg with no check-ins says how to answer one, and listing never creates a journal", "[cli][peg]") {
    const auto dir = test::freshDir("pegempty");
    const std::string db = (dir / "j.db").string();
    auto missing = runKneelog({"peg", "--db", db, "--json"});
    CHECK(missing.exitCode == 1);
    CHECK(missing.err.find("There is no journal") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(db));
    REQUIRE(runKneelog({"add", "--db", db, "--pain", "3"}).exitCode == 0);
    auto empty = runKneelog({"peg", "--db", db});
    CHECK(empty.exitCode == 0);
    CHECK(empty.out.find("kneelog peg --pain N --enjoyment N --activity N") != std::string::npos);
    CHECK(nlohmann::json::parse(runKneelog({"peg", "--db", db, "--json"}).out) == nlohmann::json::array());
    auto help = runKneelog({"peg", "--help"});
    CHECK(help.exitCode == 0);
    for (const char* flag : {"--pain", "--enjoyment", "--activity", "--at", "--json"})
        CHECK(help.out.find(flag) != std::string::npos);
    std::filesystem::remove_all(dir);
}

TEST_CASE("relief ID --rating sets the rating that list --json shows as \"relief\"", "[cli][relief]") {
    const auto dir = test::freshDir("relief");
    const std::string db = (dir / "j.db").string();
    REQUIRE(runKneelog({"add", "--db", db, "--pain", "6", "--medication", "ibuprofen 400 mg"}).exitCode == 0);
    REQUIRE(runKneelog({"add", "--db", db, "--pain", "2"}).exitCode == 0);
    auto list = nlohmann::json::parse(runKneelog({"list", "--db", db, "--json"}).out);
    for (const auto& e : list) {
        REQUIRE(e.contains("relief"));
        CHECK(e["relief"].is_null());
    }
    for (const char* rating : {"none", "little", "lot", "complete"}) {
        auto r = runKneelog({"relief", "1", "--db", db, "--rating", rating});
        INFO(r.err);
        REQUIRE(r.exitCode == 0);
        const auto after = nlohmann::json::parse(runKneelog({"list", "--db", db, "--json"}).out);
        for (const auto& e : after) CHECK(e["relief"] == (e["id"] == 1 ? nlohmann::json(rating) : nlohmann::json(nullptr)));
    }
    const std::string before = test::readFile(db);
    auto bad = runKneelog({"relief", "1", "--db", db, "--rating", "some"});
    CHECK(bad.exitCode == 2);
    CHECK(bad.err.find("none, little, lot, complete") != std::string::npos);
    CHECK(runKneelog({"relief", "1", "--db", db}).exitCode == 2);
    CHECK(runKneelog({"relief", "x", "--db", db, "--rating", "lot"}).exitCode == 2);
    auto noMed = runKneelog({"relief", "2", "--db", db, "--rating", "lot"});
    CHECK(noMed.exitCode == 2);
    CHECK(noMed.err.find("no medication") != std::string::npos);
    auto unknown = runKneelog({"relief", "99", "--db", db, "--rating", "lot"});
    CHECK(unknown.exitCode == 1);
    CHECK(test::readFile(db) == before);
    REQUIRE(runKneelog({"relief", "1", "--db", db, "--clear"}).exitCode == 0);
    CHECK(nlohmann::json::parse(runKneelog({"list", "--db", db, "--json"}).out)[1]["relief"].is_null());
    auto help = runKneelog({"relief", "--help"});
    CHECK(help.out.find("--rating") != std::string::npos);
    CHECK(help.out.find("complete") != std::string::npos);
    std::filesystem::remove_all(dir);
}

TEST_CASE("Exports carry the check-ins: a CSV section import skips, FHIR responses, a PDF section", "[cli][peg]") {
    const auto dir = test::freshDir("pegexport");
    const std::string db = (dir / "j.db").string();
    REQUIRE(runKneelog({"add", "--db", db, "--pain", "6", "--at", "2026-11-08 09:00", "--medication", "ibuprofen"},
                       {kNow}).exitCode == 0);
    REQUIRE(runKneelog({"peg", "--db", db, "--pain", "7", "--enjoyment", "6", "--activity", "5", "--at",
                        "2026-11-08 18:00"}, {kNow}).exitCode == 0);
    REQUIRE(runKneelog({"peg", "--db", db, "--pain", "4", "--enjoyment", "4", "--activity", "3", "--at",
                        "2026-11-22 18:00"}, {kNow}).exitCode == 0);

    const std::string csv = (dir / "out.csv").string();
    REQUIRE(runKneelog({"export", "--db", db, "--format", "csv", "--out", csv}, {kNow}).exitCode == 0);
    const std::string text = test::readFile(csv);
    CHECK(text.find("\r\n\r\npeg_at,peg_pain,peg_enjoyment,peg_activity,peg_score\r\n") != std::string::npos);
    CHECK(text.find(",7,6,5,6.0\r\n") != std::string::npos);
    const std::string other = (dir / "other.db").string();
    auto import = runKneelog({"import", "--db", other, csv}, {kNow});
    INFO(import.err);
    REQUIRE(import.exitCode == 0);
    CHECK(import.out.find("Imported 1 entry") != std::string::npos);
    CHECK(import.out.find("check-in section (2 rows) was skipped") != std::string::npos);
    CHECK(nlohmann::json::parse(runKneelog({"list", "--db", other, "--json"}).out).size() == 1);
    CHECK(nlohmann::json::parse(runKneelog({"peg", "--db", other, "--json"}).out).empty());

    const std::string fhir = (dir / "out.json").string();
    REQUIRE(runKneelog({"export", "--db", db, "--format", "fhir", "--out", fhir}, {kNow}).exitCode == 0);
    const auto bundle = nlohmann::json::parse(test::readFile(fhir));
    int questionnaires = 0, responses = 0;
    for (const auto& e : bundle["entry"]) {
        questionnaires += e["resource"]["resourceType"] == "Questionnaire";
        responses += e["resource"]["resourceType"] == "QuestionnaireResponse";
    }
    CHECK(questionnaires == 1);
    CHECK(responses == 2);

    const std::string pdf = (dir / "out.pdf").string();
    REQUIRE(runKneelog({"export", "--db", db, "--format", "pdf", "--out", pdf}, {kNow}).exitCode == 0);
    const std::string words = test::shellOutput("pdftotext -raw '" + pdf + "' -");
    CHECK(words.find("Weekly check-in (PEG): 2 scores") != std::string::npos);
    CHECK(words.find("Down 2.3 points since 8 Nov") != std::string::npos);
    std::filesystem::remove_all(dir);
}
