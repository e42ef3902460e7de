// The command line as CLI11 reads it: every valid name in each command's help, the global --db
// anywhere, repeatable flags, usage errors with exit 2 (issue 14).
#include <catch2/catch.hpp>

#include <filesystem>
#include <span>
#include <nlohmann/json.hpp>

#include "core/profile.hpp"
#include "core/vocabulary.hpp"
#include "support/read_file.hpp"
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

TEST_CASE("numbers on the line: digits only, within their range", "[cli][issue14]") {
    const auto dir = test::freshDir("numbers");
    const std::string db = (dir / "j.db").string();
    const std::string png = (dir / "s.png").string();
    struct Case {
        std::vector<std::string> args;
        const char* message;
    };
    const Case refused[] = {
        {{"add", "--pain", "11"}, "not a whole number from 0 to 10"},
        {{"add", "--pain", "4.5"}, "not a whole number from 0 to 10"},
        {{"add", "--pain", " 4"}, "not a whole number from 0 to 10"},
        {{"delete", "0"}, "is not an episode id"},
        {{"delete", "12abc"}, "is not an episode id"},
        {{"alerts", "--ack", "-3"}, "is not an alert id"},
        {{"demo", "--days", "0"}, "--days N is required, 1 to 36500"},
        {{"demo", "--days", "10", "--seed", "x"}, "--seed must be a number"},
        {{"screenshot", "--out", png, "--scale", "1,5"}, "--scale must be 0.5 to 4"},
        {{"screenshot", "--out", png, "--scale", "9"}, "--scale must be 0.5 to 4"},
        {{"screenshot", "--out", png, "--size", "100x900"}, "--size must be WxH"},
        {{"screenshot", "--out", png, "--size", "400x900x2"}, "--size must be WxH"},
        {{"screenshot", "--out", png, "--frames", "0"}, "--frames must be 1 to 100000"},
    };
    for (const Case& c : refused) {
        auto args = c.args;
        args.insert(args.end(), {"--db", db});
        auto r = runKneelog(args);
        INFO(args[0] << " " << args[1] << " " << args[2]);
        CHECK(r.exitCode == 2);
        CHECK(r.err.find(c.message) != std::string::npos);
    }
    CHECK_FALSE(std::filesystem::exists(png));
    // A decimal scale is read as written ("1,5" was refused above).
    auto ok = runKneelog({"screenshot", "--out", png, "--size", "400x500", "--scale", "1.5", "--db", db});
    REQUIRE(ok.exitCode == 0);
    const std::string bytes = test::readFile(png);
    REQUIRE(bytes.size() > 24);
    auto be32 = [&](std::size_t at) {
        return (static_cast<unsigned char>(bytes[at]) << 24) | (static_cast<unsigned char>(bytes[at + 1]) << 16) |
               (static_cast<unsigned char>(bytes[at + 2]) << 8) | static_cast<unsigned char>(bytes[at + 3]);
    };
    CHECK(be32(16) == 600);  // the PNG's width and height: 400x500 at 1.5
    CHECK(be32(20) == 750);
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
