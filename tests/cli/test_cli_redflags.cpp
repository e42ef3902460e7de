// The command-line contract of red flags version 2, checked from outside exactly as written:
// kneelog triage / add / profile / alerts, their JSON keys and exit codes, and the clinical
// findings of the review that led to version 2.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "run_binary.hpp"
#include "support/read_file.hpp"

using test::runKneelog;

namespace {

nlohmann::json triageJson(const std::vector<std::string>& args) {
    std::vector<std::string> all = {"triage"};
    all.insert(all.end(), args.begin(), args.end());
    all.push_back("--json");
    auto r = runKneelog(all);
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    return nlohmann::json::parse(r.out);
}

// "2026-11-27 09:00"-style times `daysAgo` days before now, in local time.
std::string daysAgo(int days) {
    std::time_t t = std::time(nullptr) - static_cast<std::time_t>(days) * 86400 - 3600;
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &tm);
    return buf;
}

}  // namespace

TEST_CASE("triage: the clinical findings behind version 2", "[cli][redflags]") {
    // Two painful arthritic knees and one hot, swollen calf: the knee side no longer hides a clot.
    auto knees = triageJson({"--side", "both", "--pain", "5", "--symptom", "calf_swelling", "--symptom", "warmth"});
    CHECK(knees["level"] == "urgent");
    CHECK(knees["rules"][0] == "U1");
    // Sudden calf pain the day after an 11-hour flight.
    auto flight = triageJson({"--pain", "4", "--symptom", "calf_pain", "--risk", "long_journey"});
    CHECK(flight["level"] == "urgent");
    CHECK(flight["rules"] == nlohmann::json({"U1"}));
    // Sudden numbness with pain 7.
    auto numb = triageJson({"--pain", "7", "--onset", "sudden", "--symptom", "numbness"});
    CHECK(numb["level"] == "emergency");
    CHECK(numb["rules"][0] == "E2");
    // A painful knee with a fever: today, not "soon".
    auto fever = triageJson({"--pain", "3", "--temperature", "38.6"});
    CHECK(fever["level"] == "urgent");
    CHECK(fever["rules"] == nlohmann::json({"U3"}));
    // "Dizzy" alone: a same-day check, not an emergency call.
    auto dizzy = triageJson({"--symptom", "dizzy"});
    CHECK(dizzy["level"] == "urgent");
    CHECK(dizzy["rules"] == nlohmann::json({"U10"}));
    // Night pain alone: no alert, and the tumour page never first.
    auto night = triageJson({"--pain", "4", "--when", "night"});
    CHECK(night["level"] == "self_care");
    CHECK(night["articles"].empty());
}

TEST_CASE("triage: reads the journal named by --db as if saved now, and writes nothing", "[cli][redflags]") {
    const auto dir = test::freshDir("triage-history");
    const std::string db = (dir / "j.db").string();
    // No journal yet: every sign is new, and nothing is created.
    CHECK(triageJson({"--db", db, "--pain", "8"})["rules"] == nlohmann::json({"U4"}));
    CHECK_FALSE(std::filesystem::exists(db));
    for (int ago : {4, 3, 2}) {
        auto add = runKneelog({"add", "--db", db, "--pain", "8", "--at", daysAgo(ago)});
        INFO(add.err);
        REQUIRE(add.exitCode == 0);
    }
    const std::string before = test::readFile(db);
    // Pain 8 is now the person's usual level: S8, not U4.
    auto usual = triageJson({"--db", db, "--pain", "8"});
    CHECK(usual["level"] == "soon");
    CHECK(usual["rules"] == nlohmann::json({"S8"}));
    CHECK(test::readFile(db) == before);
    auto list = runKneelog({"list", "--db", db, "--json"});
    CHECK(nlohmann::json::parse(list.out).size() == 3);
    std::filesystem::remove_all(dir);
}

TEST_CASE("triage: the text names the region's numbers", "[cli][redflags]") {
    struct Case {
        const char* region;
        std::vector<std::string> says;
    };
    for (const Case& c : {Case{"uk", {"999", "NHS 111"}}, Case{"nz", {"111", "Healthline 0800 611 116"}},
                          Case{"au", {"000"}}, Case{"us", {"911"}}}) {
        INFO(c.region);
        for (const char* pain : {"2", "9"}) {
            auto r = runKneelog({"triage", "--pain", pain, "--region", c.region});
            REQUIRE(r.exitCode == 0);
            for (const auto& text : c.says) CHECK(r.out.find(text) != std::string::npos);
        }
    }
    auto nz = runKneelog({"triage", "--symptom", "calf_swelling", "--region", "nz"});
    CHECK(nz.out.find("NHS 111") == std::string::npos);  // 111 is New Zealand's emergency number
    auto unchosen = runKneelog({"triage", "--symptom", "chest_pain"});
    CHECK(unchosen.out.find("Call 112 now") != std::string::npos);
    CHECK(unchosen.out.find("most mobile phones") != std::string::npos);
    CHECK(unchosen.out.find("leg pain") == std::string::npos);
}

TEST_CASE("triage: unknown names, a bad temperature and an unknown region exit 2 with the valid values",
          "[cli][redflags]") {
    struct Case {
        std::vector<std::string> args;
        std::string lists;
    };
    for (const Case& c : {Case{{"--leg", "middle"}, "left, right, both"},
                          Case{{"--risk", "flying"}, "recent_surgery, long_journey"},
                          Case{{"--symptom", "sneezing"}, "rapid_swelling"},
                          Case{{"--temperature", "43.1"}, "34.0 to 43.0"},
                          Case{{"--temperature", "33.9"}, "34.0 to 43.0"},
                          Case{{"--temperature", "warm"}, "34.0 to 43.0"},
                          Case{{"--region", "mars"}, "uk, ie, eu, us, ca, au, nz, other"}}) {
        std::vector<std::string> args = {"triage"};
        args.insert(args.end(), c.args.begin(), c.args.end());
        auto r = runKneelog(args);
        INFO(c.args.back());
        CHECK(r.exitCode == 2);
        CHECK(r.err.find(c.lists) != std::string::npos);
    }
}

TEST_CASE("add takes --leg, --temperature and --risk and prints the id and the level", "[cli][redflags]") {
    const auto dir = test::freshDir("add-v2");
    const std::string db = (dir / "j.db").string();
    auto add = runKneelog({"add", "--db", db, "--pain", "3", "--symptom", "calf_pain", "--leg", "left", "--risk",
                           "recent_surgery", "--temperature", "37.1"});
    INFO(add.err);
    REQUIRE(add.exitCode == 0);
    CHECK(add.out.rfind("1 urgent\n", 0) == 0);
    // --risk counted for that episode only: the profile is unchanged.
    auto profile = runKneelog({"profile", "--db", db, "--json"});
    REQUIRE(profile.exitCode == 0);
    CHECK(nlohmann::json::parse(profile.out)["risks"].empty());
    auto again = runKneelog({"add", "--db", db, "--pain", "3", "--symptom", "calf_pain", "--leg", "left"});
    CHECK(again.out.rfind("2 soon\n", 0) == 0);
    auto bad = runKneelog({"add", "--db", db, "--pain", "3", "--risk", "flying"});
    CHECK(bad.exitCode == 2);
    std::filesystem::remove_all(dir);
}

TEST_CASE("profile sets and unsets risks and the region; --json prints risks and region", "[cli][redflags]") {
    const auto dir = test::freshDir("profile");
    const std::string db = (dir / "j.db").string();
    auto set = runKneelog({"profile", "--db", db, "--set", "hormones", "--set", "blood_thinners", "--region", "nz",
                           "--json"});
    INFO(set.err);
    REQUIRE(set.exitCode == 0);
    const auto j = nlohmann::json::parse(set.out);
    CHECK(j == nlohmann::json({{"risks", {"blood_thinners", "hormones"}}, {"region", "nz"}}));
    auto unset = runKneelog({"profile", "--db", db, "--unset", "hormones", "--json"});
    CHECK(nlohmann::json::parse(unset.out) == nlohmann::json({{"risks", {"blood_thinners"}}, {"region", "nz"}}));
    // The profile is read on every save: a swollen knee on blood thinners is U12.
    auto add = runKneelog({"add", "--db", db, "--pain", "2", "--symptom", "swelling"});
    CHECK(add.out.rfind("1 urgent\n", 0) == 0);
    auto text = runKneelog({"profile", "--db", db});
    CHECK(text.out.find("New Zealand") != std::string::npos);
    CHECK(text.out.find("Healthline") != std::string::npos);
    for (const auto& badArgs : std::vector<std::vector<std::string>>{
             {"profile", "--db", db, "--set", "flying"}, {"profile", "--db", db, "--unset", "x"},
             {"profile", "--db", db, "--region", "NZ"}}) {
        auto bad = runKneelog(badArgs);
        CHECK(bad.exitCode == 2);
    }
    CHECK(nlohmann::json::parse(runKneelog({"profile", "--db", db, "--json"}).out)["region"] == "nz");
    std::filesystem::remove_all(dir);
}

TEST_CASE("alerts lists pending emergency and urgent alerts and --ack acknowledges one", "[cli][redflags]") {
    const auto dir = test::freshDir("alerts");
    const std::string db = (dir / "j.db").string();
    REQUIRE(runKneelog({"add", "--db", db, "--pain", "2", "--symptom", "stiffness"}).exitCode == 0);   // self-care
    REQUIRE(runKneelog({"add", "--db", db, "--pain", "2", "--symptom", "locking"}).exitCode == 0);     // soon
    REQUIRE(runKneelog({"add", "--db", db, "--pain", "2", "--symptom", "cannot_straighten"}).exitCode == 0);
    REQUIRE(runKneelog({"add", "--db", db, "--pain", "2", "--symptom", "cold_foot"}).exitCode == 0);
    auto list = runKneelog({"alerts", "--db", db, "--json"});
    INFO(list.err);
    REQUIRE(list.exitCode == 0);
    const auto arr = nlohmann::json::parse(list.out);
    REQUIRE(arr.size() == 2);
    for (const auto& a : arr)
        for (const char* key : {"id", "level", "rules", "episode_id", "logged_at"}) CHECK(a.contains(key));
    CHECK(arr[0]["level"] == "emergency");
    CHECK(arr[0]["rules"] == nlohmann::json({"E2"}));
    CHECK(arr[0]["episode_id"] == 4);
    CHECK(arr[1]["level"] == "urgent");
    CHECK(arr[1]["rules"] == nlohmann::json({"U5"}));
    const std::string id = std::to_string(arr[0]["id"].get<long long>());
    auto ack = runKneelog({"alerts", "--db", db, "--ack", id});
    CHECK(ack.exitCode == 0);
    CHECK(nlohmann::json::parse(runKneelog({"alerts", "--db", db, "--json"}).out).size() == 1);
    auto missing = runKneelog({"alerts", "--db", db, "--ack", "999"});
    CHECK(missing.exitCode == 1);
    CHECK(missing.err.find("999") != std::string::npos);
    CHECK(runKneelog({"alerts", "--db", db, "--ack", "abc"}).exitCode == 2);
    std::filesystem::remove_all(dir);
}

TEST_CASE("insights --json has the keys of the contract, and null where there are not enough entries", "[cli][insights]") {
    const auto dir = test::freshDir("insights");
    const std::string db = (dir / "j.db").string();
    REQUIRE(runKneelog({"add", "--db", db, "--pain", "4", "--care", "ice", "--when", "stairs"}).exitCode == 0);
    auto r = runKneelog({"insights", "--db", db, "--json"});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    const auto j = nlohmann::json::parse(r.out);
    for (const char* key : {"care", "contexts", "time_of_day", "weekday"}) REQUIRE(j.contains(key));
    bool sawIce = false;
    for (const auto& c : j["care"]) {
        for (const char* key : {"name", "n", "change", "low", "high"}) CHECK(c.contains(key));
        if (c["name"] == "ice") {
            sawIce = true;
            CHECK(c["change"].is_null());  // one entry: not enough
            CHECK(c["low"].is_null());
        }
    }
    CHECK(sawIce);
    for (const auto& c : j["contexts"])
        for (const char* key : {"name", "n", "difference", "low", "high"}) CHECK(c.contains(key));
    REQUIRE(j["time_of_day"].size() == 4);
    for (const auto& p : j["time_of_day"]) CHECK((p.contains("part") && p.contains("n") && p.contains("mean")));
    REQUIRE(j["weekday"].size() == 7);
    CHECK(j["weekday"][0]["day"] == "mon");
    CHECK(runKneelog({"insights", "--db", (dir / "none.db").string()}).exitCode == 1);
    CHECK(runKneelog({"insights", "--db", db, "--from", "2026-13-01"}).exitCode == 2);
    std::filesystem::remove_all(dir);
}

TEST_CASE("insights text shows a medication name with control characters escaped", "[cli][insights]") {
    const auto dir = test::freshDir("insights-escape");
    const std::string db = (dir / "j.db").string();
    REQUIRE(runKneelog({"add", "--db", db, "--pain", "4", "--care", "medication", "--medication",
                        "\x1b]0;owned\x07pill 10 mg"}).exitCode == 0);
    auto r = runKneelog({"insights", "--db", db});
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.find('\x1b') == std::string::npos);
    CHECK(r.out.find("\\x1b") != std::string::npos);
    std::filesystem::remove_all(dir);
}
