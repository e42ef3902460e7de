// Issue 12, "never lose or hide an entry", from the outside: the binary as a person runs it.
#include <catch2/catch.hpp>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "run_binary.hpp"
#include "support/read_file.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using test::runKneelog;

namespace {

// Every path under `dir`, relative, so a test can say "nothing was created".
std::set<std::string> tree(const fs::path& dir) {
    std::set<std::string> out;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec))
        out.insert(fs::relative(it->path(), dir).string());
    return out;
}

std::string at(const std::string& day, const std::string& time = "10:00:00") { return "KNEELOG_TEST_NOW=" + day + "T" + time + "Z"; }

// A journal with `n` entries, made on 2026-11-20 (UTC, test clock); from the second add on, that
// day's backup exists.
fs::path journal(const fs::path& dir, const std::string& name, int n) {
    const fs::path db = dir / name;
    for (int i = 0; i < n; ++i) {
        auto r = runKneelog({"--db", db.string(), "add", "--pain", std::to_string(i % 11), "--at",
                             "2026-11-1" + std::to_string(i % 9) + " 08:00", "--note", name + " entry " + std::to_string(i)},
                            {at("2026-11-20"), "TZ=UTC"});
        REQUIRE(r.exitCode == 0);
    }
    return db;
}

}  // namespace

TEST_CASE("export and backup refuse the journal, its -wal/-shm and its backups, by any spelling", "[cli][issue12]") {
    const auto dir = test::freshDir("guard");
    const fs::path db = journal(dir, "j.db", 3);
    // A write on a second day makes that day's backup: there is a backup to protect.
    REQUIRE(runKneelog({"--db", db.string(), "add", "--pain", "1"}, {at("2026-11-21"), "TZ=UTC"}).exitCode == 0);
    const fs::path backup = dir / "backups" / "j.db" / "2026-11-21.db";
    REQUIRE(fs::exists(backup));
    fs::create_symlink(db, dir / "link.db");
    fs::create_directories(dir / "sub");
    const std::string before = test::readFile(db), backupBefore = test::readFile(backup);

    struct Case { std::vector<std::string> args; std::string target; };
    const std::string rel = fs::relative(db, fs::current_path()).string();
    const std::vector<Case> cases = {
        {{"export", "--format", "csv", "--out", db.string()}, db.string()},
        {{"export", "--format", "pdf", "--out", db.string()}, db.string()},
        {{"export", "--format", "fhir", "--out", db.string()}, db.string()},
        {{"export", "--format", "csv", "--out", (dir / "link.db").string()}, db.string()},       // symlink
        {{"export", "--format", "csv", "--out", (dir / "sub" / ".." / "j.db").string()}, db.string()},
        {{"export", "--format", "csv", "--out", rel}, db.string()},                               // relative
        {{"export", "--format", "csv", "--out", db.string() + "-wal"}, db.string() + "-wal"},     // not there yet
        {{"export", "--format", "fhir", "--out", db.string() + "-shm"}, db.string() + "-shm"},
        {{"export", "--format", "csv", "--out", backup.string()}, backup.parent_path().string()},
        {{"export", "--format", "csv", "--out", (backup.parent_path() / "new.csv").string()}, backup.parent_path().string()},
        {{"backup", "--out", db.string()}, db.string()},
        {{"backup", "--out", (dir / "link.db").string()}, db.string()},
        {{"backup", "--out", backup.string()}, backup.parent_path().string()},
    };
    for (const Case& c : cases) {
        std::vector<std::string> args = c.args;
        args.insert(args.end(), {"--db", db.string()});
        auto r = runKneelog(args);
        INFO(c.args[0] << " " << c.args.back() << ": " << r.err);
        CHECK(r.exitCode == 1);
        CHECK(r.err.find("Refusing to write") != std::string::npos);
        CHECK(r.err.find(c.args.back()) != std::string::npos);  // the output as given
        CHECK(r.err.find(c.target) != std::string::npos);       // and what it would have hit
        CHECK(test::readFile(db) == before);
        CHECK(test::readFile(backup) == backupBefore);
    }
    CHECK_FALSE(fs::exists(db.string() + "-wal"));
    CHECK_FALSE(fs::exists(backup.parent_path() / "new.csv"));
    CHECK(fs::is_symlink(dir / "link.db"));
    auto check = runKneelog({"--db", db.string(), "check"});
    CHECK(check.exitCode == 0);
    // A file beside it is still fine.
    CHECK(runKneelog({"--db", db.string(), "export", "--format", "csv", "--out", (dir / "j.csv").string()}).exitCode == 0);
    fs::remove_all(dir);
}

TEST_CASE("two journals in one folder keep their own backups; backups --json lists them newest first", "[cli][issue12]") {
    const auto dir = test::freshDir("twojournals");
    const fs::path a = journal(dir, "alex.db", 2), b = journal(dir, "sam.db", 3);
    // Writes from the command line only, over nine days: the first write of each day makes its backup.
    for (int day = 21; day <= 29; ++day) {
        const std::string d = "2026-11-" + std::to_string(day);
        REQUIRE(runKneelog({"--db", a.string(), "add", "--pain", "3"}, {at(d, "08:00:00"), "TZ=UTC"}).exitCode == 0);
        REQUIRE(runKneelog({"--db", a.string(), "add", "--pain", "4"}, {at(d, "09:00:00"), "TZ=UTC"}).exitCode == 0);
        if (day % 2 == 0) REQUIRE(runKneelog({"--db", b.string(), "add", "--pain", "5"}, {at(d), "TZ=UTC"}).exitCode == 0);
    }
    auto listA = runKneelog({"--db", a.string(), "backups", "--json"});
    REQUIRE(listA.exitCode == 0);
    const json ja = json::parse(listA.out);
    REQUIRE(ja.is_array());
    REQUIRE(ja.size() == 7);  // 9 days, the newest 7 kept
    for (const auto& e : ja) {
        CHECK(e.size() == 3);
        CHECK(e.contains("path"));
        CHECK(e.contains("made_at"));
        CHECK(e.contains("episodes"));
        CHECK(e["path"].get<std::string>().find("alex.db") != std::string::npos);
        CHECK(e["path"].get<std::string>().find("sam.db") == std::string::npos);
    }
    CHECK(ja[0]["made_at"] == "2026-11-29T08:00:00Z");  // newest first, made by the day's first write
    CHECK(ja[6]["made_at"] == "2026-11-23T08:00:00Z");
    CHECK(ja[0]["episodes"] == 2 + 2 * 8);              // the journal as it was before that day
    for (std::size_t i = 1; i < ja.size(); ++i) CHECK(ja[i - 1]["made_at"] > ja[i]["made_at"]);

    const json jb = json::parse(runKneelog({"--db", b.string(), "backups", "--json"}).out);
    REQUIRE(jb.size() == 5);  // days 20, 22, 24, 26, 28: not skipped because alex's backup of the day exists
    CHECK(jb[0]["made_at"] == "2026-11-28T10:00:00Z");
    CHECK(jb[0]["episodes"] == 3 + 3);

    auto table = runKneelog({"--db", b.string(), "backups"});
    CHECK(table.exitCode == 0);
    CHECK(table.out.find("2026-11-28T10:00:00Z") != std::string::npos);

    // A backup from before backups were kept per journal cannot be told apart: kept, and named.
    fs::copy_file(b, dir / "backups" / "kneelog-2026-10-01.db");
    // Wiping one journal removes its own backups only, and says so.
    auto wipe = runKneelog({"--db", a.string(), "wipe", "--yes"});
    INFO(wipe.err);
    REQUIRE(wipe.exitCode == 0);
    CHECK(wipe.out.find("7 backups") != std::string::npos);
    CHECK(wipe.out.find("other journals were not touched") != std::string::npos);
    CHECK(wipe.out.find("1 older backups") != std::string::npos);
    CHECK(fs::exists(dir / "backups" / "kneelog-2026-10-01.db"));
    CHECK(json::parse(runKneelog({"--db", a.string(), "backups", "--json"}).out).empty());
    CHECK(json::parse(runKneelog({"--db", b.string(), "backups", "--json"}).out).size() == 5);
    fs::remove_all(dir);
}

TEST_CASE("a damaged journal names its newest good backup and the exact command that restores it", "[cli][issue12]") {
    const auto dir = test::freshDir("recovery");
    const fs::path db = journal(dir, "j.db", 4);
    REQUIRE(runKneelog({"--db", db.string(), "add", "--pain", "5"}, {at("2026-11-21"), "TZ=UTC"}).exitCode == 0);
    const fs::path good = dir / "backups" / "j.db" / "2026-11-21.db";
    REQUIRE(fs::exists(good));
    // A newer backup that is itself damaged must not be the one offered.
    { std::ofstream(dir / "backups" / "j.db" / "2026-11-22.db") << "not a database"; }
    // The journal is overwritten with garbage past its header.
    std::string bytes = test::readFile(db);
    for (std::size_t i = 100; i < bytes.size(); ++i) bytes[i] = static_cast<char>(i * 7);
    { std::ofstream(db, std::ios::binary | std::ios::trunc) << bytes; }

    for (const char* cmd : {"list", "check"}) {
        auto r = runKneelog({"--db", db.string(), cmd});
        INFO(r.err);
        CHECK(r.exitCode == 1);
        CHECK(r.err.find("damaged") != std::string::npos);
        CHECK(r.err.find(good.string()) != std::string::npos);
        CHECK(r.err.find("2026-11-21T10:00:00Z") != std::string::npos);
        CHECK(r.err.find("4 entries") != std::string::npos);
        CHECK(r.err.find("kneelog --db " + db.string() + " restore " + good.string()) != std::string::npos);
    }
    auto restore = runKneelog({"--db", db.string(), "restore", good.string()});
    INFO(restore.err);
    REQUIRE(restore.exitCode == 0);
    CHECK(restore.out.find("was kept as " + (dir / "backups" / "j.db").string() + "/before-restore-") != std::string::npos);
    auto list = runKneelog({"--db", db.string(), "list", "--json"});
    REQUIRE(list.exitCode == 0);
    CHECK(json::parse(list.out).size() == 4);

    // No backup at all: it says so, and what to try.
    const fs::path lone = dir / "lone.db";
    { std::ofstream(lone, std::ios::binary) << bytes; }
    auto none = runKneelog({"--db", lone.string(), "check"});
    CHECK(none.exitCode == 1);
    CHECK(none.err.find("There is no automatic backup of this journal") != std::string::npos);
    CHECK(none.err.find("kneelog --db " + lone.string() + " restore FILE") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("reading commands never create a file or a folder; an empty --db or KNEELOG_DB exits 2", "[cli][issue12]") {
    const auto dir = test::freshDir("nocreate");
    const fs::path typo = dir / "typo" / "jornal.db";
    const std::vector<std::vector<std::string>> reads = {
        {"list"}, {"list", "--json"}, {"check"}, {"backups"}, {"backups", "--json"},
        {"export", "--format", "csv", "--out", (dir / "x.csv").string()}, {"delete", "1"}, {"undelete", "1"},
        {"wipe", "--yes"}, {"backup", "--out", (dir / "b.db").string()}, {"import", "--dry-run", (dir / "none.csv").string()},
    };
    for (const auto& args : reads) {
        std::vector<std::string> full = {"--db", typo.string()};
        full.insert(full.end(), args.begin(), args.end());
        auto r = runKneelog(full);
        INFO(args[0] << ": " << r.err);
        CHECK(r.exitCode == 1);
        if (args[0] != "import") CHECK(r.err.find("There is no journal at " + typo.string()) != std::string::npos);
        CHECK(tree(dir).empty());
    }
    // A home with a journal in it: an empty --db or KNEELOG_DB must not fall back to it.
    const fs::path home = dir / "home";
    fs::create_directories(home);
    const std::vector<std::string> env = {"HOME=" + home.string(), "XDG_DATA_HOME=" + (home / "data").string()};
    auto emptyFlag = runKneelog({"--db", "", "list"}, env);
    CHECK(emptyFlag.exitCode == 2);
    CHECK(emptyFlag.err.find("--db is empty") != std::string::npos);
    auto emptyEq = runKneelog({"--db=", "add", "--pain", "3"}, env);
    CHECK(emptyEq.exitCode == 2);
    auto emptyEnv = runKneelog({"add", "--pain", "3"}, {env[0], env[1], "KNEELOG_DB="});
    CHECK(emptyEnv.exitCode == 2);
    CHECK(emptyEnv.err.find("KNEELOG_DB is set but empty") != std::string::npos);
    CHECK(tree(home).empty());

    // A write creates the journal, and says so.
    auto add = runKneelog({"--db", typo.string(), "add", "--pain", "3"});
    CHECK(add.exitCode == 0);
    CHECK(add.err.find("Created a new journal at " + typo.string()) != std::string::npos);
    CHECK(fs::exists(typo));
    auto again = runKneelog({"--db", typo.string(), "add", "--pain", "4"});
    CHECK(again.err.find("Created") == std::string::npos);
    // Reading an existing journal leaves nothing beside it either.
    const auto before = tree(dir);
    const std::string bytes = test::readFile(typo);
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"list"}, {"check"}, {"backups"}, {"export", "--format", "fhir", "--out", (dir / "out.json").string()}}) {
        std::vector<std::string> full = {"--db", typo.string()};
        full.insert(full.end(), args.begin(), args.end());
        CHECK(runKneelog(full).exitCode == 0);
        fs::remove(dir / "out.json");
        CHECK(tree(dir) == before);
        CHECK(test::readFile(typo) == bytes);
    }
    fs::remove_all(dir);
}

TEST_CASE("a read-only journal is read by every reading command, refuses writes and stays byte-identical", "[cli][issue12]") {
    const auto dir = test::freshDir("readonly");
    const fs::path folder = dir / "medium";
    fs::create_directories(folder);
    const fs::path db = journal(folder, "j.db", 3);
    for (bool lockFolder : {false, true}) {
        ::chmod(db.c_str(), 0444);  // no write bit: never written, even by root
        if (lockFolder) ::chmod(folder.c_str(), 0555);
        const std::string before = test::readFile(db);
        fs::remove(dir / "out.csv");
        const auto files = tree(dir);
        auto list = runKneelog({"--db", db.string(), "list", "--json"});
        INFO(list.err);
        CHECK(list.exitCode == 0);
        CHECK(json::parse(list.out).size() == 3);
        CHECK(runKneelog({"--db", db.string(), "list"}).exitCode == 0);
        CHECK(runKneelog({"--db", db.string(), "check"}).exitCode == 0);
        CHECK(runKneelog({"--db", db.string(), "backups", "--json"}).exitCode == 0);
        CHECK(runKneelog({"--db", db.string(), "export", "--format", "csv", "--out", (dir / "out.csv").string()}).exitCode == 0);
        for (const auto& write : std::vector<std::vector<std::string>>{{"add", "--pain", "3"}, {"delete", "1"}, {"wipe", "--yes"}}) {
            std::vector<std::string> full = {"--db", db.string()};
            full.insert(full.end(), write.begin(), write.end());
            auto r = runKneelog(full);
            INFO(write[0] << ": " << r.err);
            CHECK(r.exitCode == 1);
            CHECK(r.err.find("read-only") != std::string::npos);
        }
        CHECK(test::readFile(db) == before);
        auto after = tree(dir);
        after.erase("out.csv");
        CHECK(after == files);  // no -wal, -shm or backups appeared beside it
        ::chmod(folder.c_str(), 0700);
    }
    fs::remove_all(dir);
}

TEST_CASE("list shows control characters in notes escaped; JSON stays exact", "[cli][issue12]") {
    const auto dir = test::freshDir("escapes");
    const fs::path db = dir / "j.db";
    const std::string note = "a\x1b]0;owned\x07title\x1b[31mred\nsecond\rline\tend \xc2\x9b" "2J \xe2\x80\xae" "evil";
    REQUIRE(runKneelog({"--db", db.string(), "add", "--pain", "3", "--note", note, "--medication", "x\x1b[2Jy"}).exitCode == 0);
    auto table = runKneelog({"--db", db.string(), "list"});
    REQUIRE(table.exitCode == 0);
    for (char c : table.out) {
        const auto u = static_cast<unsigned char>(c);
        CHECK((u >= 0x20 || u == '\n'));
        CHECK(u != 0x7f);
    }
    CHECK(table.out.find("\xc2\x9b") == std::string::npos);  // C1 CSI
    CHECK(table.out.find("\xe2\x80\xae") == std::string::npos);  // right-to-left override
    CHECK(table.out.find("a\\x1b]0;owned\\x07title") != std::string::npos);
    CHECK(table.out.find("\xe2\x8f\x8e") != std::string::npos);  // the newline as ⏎
    const auto lines = std::count(table.out.begin(), table.out.end(), '\n');
    CHECK(lines == 2);  // the header and one row: the note's newline did not break the table
    auto js = runKneelog({"--db", db.string(), "list", "--json"});
    REQUIRE(js.exitCode == 0);
    const json arr = json::parse(js.out);
    REQUIRE(arr.size() == 1);
    CHECK(arr[0]["note"] == note);  // exact, control characters and all
    CHECK(arr[0]["medication"] == "x\x1b[2Jy");
    fs::remove_all(dir);
}
