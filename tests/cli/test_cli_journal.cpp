#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <cctype>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include "run_binary.hpp"
#include "support/read_file.hpp"

using test::runKneelog;

TEST_CASE("add with every flag round-trips through list --json", "[cli][journal]") {
    const auto dir = test::freshDir("roundtrip");
    const std::string db = (dir / "j.db").string();
    const std::string note = "Stairs \"bad\", then ok;\nsecond line — 😀 ä שלום";
    auto add = runKneelog({"add", "--db", db, "--pain", "6", "--at", "2026-03-14T18:30+01:00", "--side", "left",
                           "--type", "throbbing", "--onset", "gradual", "--when", "stairs", "--when", "night",
                           "--symptom", "swelling", "--symptom", "morning_stiffness", "--care", "ice", "--care",
                           "medication", "--medication", "ibuprofen 400 mg", "--leg", "right", "--temperature",
                           "37.4", "--note", note});
    INFO(add.err);
    REQUIRE(add.exitCode == 0);
    // id, then level: night pain alone is no longer a rule on one episode (red flags v2, S2), and a
    // swollen knee without warmth, fever or a risk is self-care.
    CHECK(add.out.rfind("1 self_care", 0) == 0);
    auto list = runKneelog({"list", "--db", db, "--json"});
    REQUIRE(list.exitCode == 0);
    const auto arr = nlohmann::json::parse(list.out);
    REQUIRE(arr.size() == 1);
    const auto& e = arr[0];
    CHECK(e["id"] == 1);
    CHECK(e["at"] == "2026-03-14T18:30:00+01:00");
    CHECK(e["day"] == "2026-03-14");
    CHECK(e["side"] == "left");
    CHECK(e["leg"] == "right");
    CHECK(e["temperature"] == 37.4);
    CHECK(e["pain"] == 6);
    CHECK(e["type"] == "throbbing");
    CHECK(e["onset"] == "gradual");
    CHECK(e["when"] == nlohmann::json({"night", "stairs"}));
    CHECK(e["symptoms"] == nlohmann::json({"morning_stiffness", "swelling"}));
    CHECK(e["care"] == nlohmann::json({"ice", "medication"}));
    CHECK(e["medication"] == "ibuprofen 400 mg");
    CHECK(e["note"] == note);
    std::filesystem::remove_all(dir);
}

TEST_CASE("add refuses bad values with exit 2, names the field and writes nothing", "[cli][journal]") {
    const auto dir = test::freshDir("badadd");
    const std::string db = (dir / "j.db").string();
    REQUIRE(runKneelog({"add", "--db", db, "--pain", "2"}).exitCode == 0);
    const std::string before = test::readFile(db);
    struct Case { std::vector<std::string> args; std::string says; };
    const std::vector<Case> cases = {
        {{"--pain", "11"}, "pain"},
        {{"--pain", "seven"}, "pain"},
        {{}, "pain"},
        {{"--pain", "3", "--side", "front"}, "left, right, both"},
        {{"--pain", "3", "--type", "stabbing"}, "sharp, dull"},
        {{"--pain", "3", "--symptom", "itchy"}, "calf_swelling"},
        {{"--pain", "3", "--when", "dancing"}, "weight_bearing"},
        {{"--pain", "3", "--care", "massage"}, "compression"},
        {{"--pain", "3", "--at", "2026-02-30 10:00"}, "calendar"},
        {{"--pain", "3", "--at", "yesterday"}, "YYYY-MM-DD"},
        {{"--pain", "3", "--at", "2999-01-01 10:00"}, "future"},
        {{"--pain", "3", "--at", "1969-12-31 10:00"}, "1970"},
        {{"--pain", "3", "--note", std::string(100001, 'x')}, "100000"},
    };
    for (const auto& c : cases) {
        std::vector<std::string> args = {"add", "--db", db};
        args.insert(args.end(), c.args.begin(), c.args.end());
        auto r = runKneelog(args);
        INFO(r.err);
        CHECK(r.exitCode == 2);
        CHECK(r.err.find(c.says) != std::string::npos);
    }
    auto list = runKneelog({"list", "--db", db, "--json"});
    CHECK(nlohmann::json::parse(list.out).size() == 1);
    CHECK(test::readFile(db) == before);
    std::filesystem::remove_all(dir);
}

TEST_CASE("triage --json prints exactly one object and writes nothing", "[cli][journal]") {
    const auto dir = test::freshDir("triage");
    auto r = runKneelog({"triage", "--db", (dir / "j.db").string(), "--side", "right", "--symptom", "calf_swelling",
                         "--symptom", "warmth", "--json"});
    REQUIRE(r.exitCode == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["level"] == "urgent");
    CHECK(j["rules"] == nlohmann::json({"U1", "S4"}));  // warmth alone is also S4
    CHECK(j["articles"] == nlohmann::json({"dvt", "gout", "infection"}));
    CHECK_FALSE(std::filesystem::exists(dir / "j.db"));
    auto bad = runKneelog({"triage", "--symptom", "sneezing"});
    CHECK(bad.exitCode == 2);
    CHECK(bad.err.find("breathless") != std::string::npos);
    std::filesystem::remove_all(dir);
}

TEST_CASE("a garbage file given as --db is refused and left untouched", "[cli][journal]") {
    const auto dir = test::freshDir("garbage");
    const auto db = dir / "notes.txt";
    { std::ofstream(db) << "these are my shopping notes, not a journal\n"; }
    const std::string before = test::readFile(db);
    for (const auto& args : std::vector<std::vector<std::string>>{{"list"}, {"add", "--pain", "3"}, {"check"}}) {
        std::vector<std::string> a = args;
        a.push_back("--db");
        a.push_back(db.string());
        auto r = runKneelog(a);
        CHECK(r.exitCode == 1);
        CHECK(r.err.find("KneeLog") != std::string::npos);
    }
    CHECK(test::readFile(db) == before);
    std::filesystem::remove_all(dir);
}

TEST_CASE("delete and undelete an episode; wipe needs --yes", "[cli][journal]") {
    const auto dir = test::freshDir("wipe");
    const std::string db = (dir / "j.db").string();
    REQUIRE(runKneelog({"add", "--db", db, "--pain", "4", "--note", "UNIQUE-MARKER-7731"}).exitCode == 0);
    CHECK(runKneelog({"undelete", "--db", db, "99"}).exitCode != 0);
    CHECK(runKneelog({"delete", "--db", db, "x1"}).exitCode == 2);
    REQUIRE(runKneelog({"delete", "--db", db, "1"}).exitCode == 0);
    CHECK(nlohmann::json::parse(runKneelog({"list", "--db", db, "--json"}).out).empty());
    REQUIRE(runKneelog({"undelete", "--db", db, "1"}).exitCode == 0);
    CHECK(nlohmann::json::parse(runKneelog({"list", "--db", db, "--json"}).out).size() == 1);
    CHECK(runKneelog({"wipe", "--db", db}).exitCode == 2);
    CHECK(runKneelog({"wipe", "--db", db, "--yes"}).exitCode == 0);
    CHECK(nlohmann::json::parse(runKneelog({"list", "--db", db, "--json"}).out).empty());
    CHECK(test::readFile(db).find("UNIQUE-MARKER-7731") == std::string::npos);
    std::filesystem::remove_all(dir);
}

// Writers killed with SIGKILL at random moments: every add that reported success is kept and the
// file passes its integrity check.
TEST_CASE("kneelog add writers killed with SIGKILL lose no reported entry", "[cli][faults]") {
    const auto dir = test::freshDir("kill9");
    const std::string db = (dir / "j.db").string();
    REQUIRE(runKneelog({"add", "--db", db, "--pain", "1"}).exitCode == 0);
    std::mt19937 rng(12345);
    std::set<std::string> reported;
    int killed = 0;
    for (int round = 0; round < 40; ++round) {
        const std::string note = "round-" + std::to_string(round);
        const auto out = dir / ("out-" + std::to_string(round));
        const pid_t pid = fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            const std::string cmd = std::string("exec '") + KNEELOG_EXE + "' add --db '" + db +
                                    "' --pain 5 --note " + note + " > '" + out.string() + "'";
            execl("/bin/sh", "sh", "-c", cmd.c_str(), static_cast<char*>(nullptr));
            _exit(127);
        }
        std::this_thread::sleep_for(std::chrono::microseconds(std::uniform_int_distribution<int>(0, 30000)(rng)));
        if (kill(pid, SIGKILL) == 0) ++killed;
        int status = 0;
        waitpid(pid, &status, 0);
        // Success is what the writer printed: an id line means the transaction had committed.
        if (test::readFile(out).find(" ") != std::string::npos) reported.insert(note);
    }
    auto check = runKneelog({"check", "--db", db});
    INFO(check.err);
    CHECK(check.exitCode == 0);
    const auto arr = nlohmann::json::parse(runKneelog({"list", "--db", db, "--json"}).out);
    std::set<std::string> present;
    for (const auto& e : arr) present.insert(e["note"].get<std::string>());
    for (const auto& n : reported) CHECK(present.count(n) == 1);
    INFO("killed " << killed << " of 40, reported " << reported.size());
    CHECK(killed > 0);
    std::filesystem::remove_all(dir);
}

TEST_CASE("list --json, read a page at a time, gives every entry once in the table's order", "[cli][journal]") {
    const auto dir = test::freshDir("list-pages");
    const std::string db = (dir / "j.db").string();
    REQUIRE(runKneelog({"demo", "--days", "600", "--db", db}).exitCode == 0);
    auto table = runKneelog({"list", "--db", db});
    REQUIRE(table.exitCode == 0);
    std::vector<long long> tableIds;
    std::istringstream lines(table.out);
    std::string line;
    std::getline(lines, line);  // the header
    while (std::getline(lines, line))
        if (!line.empty() && std::isdigit(static_cast<unsigned char>(line[0]))) tableIds.push_back(std::stoll(line));
    auto json = runKneelog({"list", "--db", db, "--json"});
    REQUIRE(json.exitCode == 0);
    const auto arr = nlohmann::json::parse(json.out);
    REQUIRE(arr.size() > 500);  // more than one page of the stream
    std::vector<long long> jsonIds;
    for (const auto& e : arr) jsonIds.push_back(e["id"].get<long long>());
    CHECK(jsonIds == tableIds);
    CHECK(std::set<long long>(jsonIds.begin(), jsonIds.end()).size() == jsonIds.size());
    // The same text as one array dumped whole with indent 2.
    CHECK(json.out == arr.dump(2) + "\n");
    std::filesystem::remove_all(dir);
}
