// The command line as CLI11 reads it: every valid name in each command's help, the global --db
// anywhere, repeatable flags, usage errors with exit 2 (issue 14).
#include <catch2/catch.hpp>

#include <filesystem>
#include <span>
#include <nlohmann/json.hpp>

#include "core/profile.hpp"
#include "core/vocabulary.hpp"
#include "run_binary.hpp"

using test::runKneelog;

namespace {

void checkListsEvery(const std::string& help, std::span<const core::Term> terms) {
    for (const core::Term& t : terms) {
        INFO(t.name);
        CHECK(help.find(std::string(t.name)) != std::string::npos);
    }
}

}  // namespace

TEST_CASE("each command's --help lists every valid name of its enumerated flags", "[cli][issue14]") {
    for (const char* command : {"add", "triage"}) {
        auto r = runKneelog({command, "--help"});
        INFO(command);
        REQUIRE(r.exitCode == 0);
        CHECK(r.out.find(std::string("usage: kneelog ") + command) != std::string::npos);
        for (auto terms : {core::symptomTerms(), core::contextTerms(), core::careTerms(), core::riskTerms(),
                           core::sideTerms(), core::legTerms(), core::painTypeTerms(), core::onsetTerms()})
            checkListsEvery(r.out, terms);
        CHECK(r.out.find("see kneelog") == std::string::npos);
    }
    auto triage = runKneelog({"triage", "--help"});
    auto profile = runKneelog({"profile", "--help"});
    REQUIRE(profile.exitCode == 0);
    checkListsEvery(profile.out, core::riskTerms());
    for (const core::Region& region : core::regions()) {
        INFO(region.code);
        CHECK(triage.out.find(std::string(region.code)) != std::string::npos);
        CHECK(profile.out.find(std::string(region.code)) != std::string::npos);
    }
}

TEST_CASE("usage errors exit 2 with a kneelog: message and the help", "[cli][issue14]") {
    auto flag = runKneelog({"--frobnicate"});
    CHECK(flag.exitCode == 2);
    CHECK(flag.err.rfind("kneelog: ", 0) == 0);
    CHECK(flag.err.find("usage: kneelog") != std::string::npos);
    auto noValue = runKneelog({"add", "--pain"});
    CHECK(noValue.exitCode == 2);
    CHECK(noValue.err.find("kneelog: --pain needs a value") != std::string::npos);
    CHECK(noValue.err.find("usage: kneelog add") != std::string::npos);
    auto twice = runKneelog({"add", "--pain", "3", "--pain", "4"});
    CHECK(twice.exitCode == 2);
    CHECK(twice.err.find("--pain was given twice") != std::string::npos);
    auto noDb = runKneelog({"list", "--db"});
    CHECK(noDb.exitCode == 2);
    CHECK(noDb.err.find("--db needs a path") != std::string::npos);
    auto extra = runKneelog({"delete", "1", "2"});
    CHECK(extra.exitCode == 2);
    CHECK(extra.err.find("unexpected argument '2'") != std::string::npos);
    auto missing = runKneelog({"restore"});
    CHECK(missing.exitCode == 2);
    CHECK(missing.err.find("'restore' needs FILE") != std::string::npos);
}

TEST_CASE("the global db flag anywhere, with = too, and repeatable flags", "[cli][issue14]") {
    const auto dir = test::freshDir("parsing");
    const std::string db = (dir / "j.db").string();
    REQUIRE(runKneelog({"add", "--pain", "3", "--symptom", "warmth", "--symptom", "calf_pain", "--when", "stairs",
                        "--when", "walking", "--care", "ice", "--care", "rest", "--db", db})
                .exitCode == 0);
    REQUIRE(runKneelog({"--db=" + db, "add", "--pain=5"}).exitCode == 0);
    auto list = runKneelog({"list", "--json", "--db", db});
    REQUIRE(list.exitCode == 0);
    const auto arr = nlohmann::json::parse(list.out);
    REQUIRE(arr.size() == 2);
    CHECK(arr.dump().find("calf_pain") != std::string::npos);
    CHECK(arr.dump().find("walking") != std::string::npos);
    CHECK(arr.dump().find("rest") != std::string::npos);
    std::filesystem::remove_all(dir);
}
