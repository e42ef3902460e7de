// Issue 16 from the outside: kneelog bundle export / import, backup --encrypt and restore of an
// encrypted backup, every contract as written (exit codes, the counts printed, dry runs that
// change nothing, damaged files refused with the journal left byte for byte).
#include <catch2/catch.hpp>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "run_binary.hpp"
#include "support/read_file.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using test::runKneelog;

namespace {

const std::string kNow = "KNEELOG_TEST_NOW=2026-11-20T10:00:00Z";

void add(const fs::path& db, const std::string& day, int pain, const std::string& note) {
    auto r = runKneelog({"--db", db.string(), "add", "--pain", std::to_string(pain), "--at", day + " 08:00", "--note", note},
                        {kNow, "TZ=UTC"});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
}

fs::path passFile(const fs::path& dir, const std::string& name, const std::string& text) {
    const fs::path p = dir / name;
    std::ofstream(p) << text;
    return p;
}

// The entries as list --json shows them, without the local ids (which differ between journals).
json entries(const fs::path& db) {
    auto r = runKneelog({"--db", db.string(), "list", "--json"}, {kNow, "TZ=UTC"});
    REQUIRE(r.exitCode == 0);
    json list = json::parse(r.out);
    for (auto& e : list) e.erase("id");
    return list;
}

test::RunResult bundle(const fs::path& db, std::vector<std::string> args) {
    std::vector<std::string> full = {"--db", db.string(), "bundle"};
    full.insert(full.end(), args.begin(), args.end());
    return runKneelog(full, {kNow, "TZ=UTC"});
}

}  // namespace

TEST_CASE("bundle: export, import both ways, the counts printed, and importing twice changes nothing", "[cli][bundle]") {
    const auto dir = test::freshDir("bundle-both-ways");
    const fs::path phone = dir / "phone.db", desktop = dir / "desktop.db";
    add(phone, "2026-11-18", 4, "stairs after the walk");
    add(phone, "2026-11-19", 6, "knee felt tight");
    add(desktop, "2026-11-17", 2, "desk day");
    const fs::path pass = passFile(dir, "pass.txt", "a long phrase for the knee\n");
    const fs::path file = dir / "phone.kneelog";

    auto out = bundle(phone, {"export", "--out", file.string(), "--passphrase-file", pass.string()});
    INFO(out.err);
    REQUIRE(out.exitCode == 0);
    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    const std::string sealed = test::readFile(file);
    CHECK(sealed.rfind("KNLGSEAL", 0) == 0);
    CHECK(sealed.find("stairs after the walk") == std::string::npos);  // no note text in the file
    CHECK(sealed.find("tight") == std::string::npos);

    auto in = bundle(desktop, {"import", file.string(), "--passphrase-file", pass.string()});
    INFO(in.err);
    REQUIRE(in.exitCode == 0);
    CHECK(in.out.find("added 2, updated 0, deleted 0, unchanged 0") != std::string::npos);
    auto again = bundle(desktop, {"import", file.string(), "--passphrase-file", pass.string()});
    REQUIRE(again.exitCode == 0);
    CHECK(again.out.find("added 0, updated 0, deleted 0, unchanged 2") != std::string::npos);

    const fs::path back = dir / "desktop.kneelog";
    REQUIRE(bundle(desktop, {"export", "--out", back.string(), "--passphrase-file", pass.string()}).exitCode == 0);
    auto home = bundle(phone, {"import", back.string(), "--passphrase-file", pass.string()});
    REQUIRE(home.exitCode == 0);
    CHECK(home.out.find("added 1, updated 0, deleted 0, unchanged 2") != std::string::npos);
    CHECK(entries(phone) == entries(desktop));
    CHECK(entries(phone).size() == 3);
}

TEST_CASE("bundle: a deletion travels, and a dry run changes nothing", "[cli][bundle]") {
    const auto dir = test::freshDir("bundle-dry-run");
    const fs::path a = dir / "a.db", b = dir / "b.db";
    add(a, "2026-11-18", 4, "one");
    add(a, "2026-11-19", 5, "two");
    const fs::path pass = passFile(dir, "pass.txt", "phrase");  // no newline at the end: still the first line
    const fs::path file = dir / "a.kneelog";
    REQUIRE(bundle(a, {"export", "--out", file.string(), "--passphrase-file", pass.string()}).exitCode == 0);
    REQUIRE(bundle(b, {"import", file.string(), "--passphrase-file", pass.string()}).exitCode == 0);
    auto id = json::parse(runKneelog({"--db", a.string(), "list", "--json"}, {kNow, "TZ=UTC"}).out)[0]["id"].get<int64_t>();
    REQUIRE(runKneelog({"--db", a.string(), "delete", std::to_string(id)}, {kNow, "TZ=UTC"}).exitCode == 0);
    REQUIRE(bundle(a, {"export", "--out", file.string(), "--passphrase-file", pass.string()}).exitCode == 0);

    const std::string before = test::readFile(b);
    auto dry = bundle(b, {"import", file.string(), "--passphrase-file", pass.string(), "--dry-run"});
    INFO(dry.err);
    REQUIRE(dry.exitCode == 0);
    CHECK(dry.out.find("Dry run") != std::string::npos);
    CHECK(dry.out.find("added 0, updated 0, deleted 1, unchanged 1") != std::string::npos);
    CHECK(test::readFile(b) == before);
    auto real = bundle(b, {"import", file.string(), "--passphrase-file", pass.string()});
    CHECK(real.out.find("added 0, updated 0, deleted 1, unchanged 1") != std::string::npos);
    CHECK(entries(b) == entries(a));
    CHECK(entries(b).size() == 1);
    // A dry run into a journal that does not exist creates nothing.
    auto none = bundle(dir / "none.db", {"import", file.string(), "--passphrase-file", pass.string(), "--dry-run"});
    CHECK(none.exitCode == 0);
    CHECK_FALSE(fs::exists(dir / "none.db"));
}

TEST_CASE("bundle: a wrong passphrase, a flipped byte and a cut file exit 1 and change nothing", "[cli][bundle]") {
    const auto dir = test::freshDir("bundle-damage");
    const fs::path a = dir / "a.db", b = dir / "b.db";
    add(a, "2026-11-18", 4, "one");
    add(b, "2026-11-17", 3, "mine");
    const fs::path pass = passFile(dir, "pass.txt", "right\n"), wrong = passFile(dir, "wrong.txt", "wrong\n");
    const fs::path file = dir / "a.kneelog";
    REQUIRE(bundle(a, {"export", "--out", file.string(), "--passphrase-file", pass.string()}).exitCode == 0);
    const std::string good = test::readFile(file), before = test::readFile(b);

    auto r = bundle(b, {"import", file.string(), "--passphrase-file", wrong.string()});
    CHECK(r.exitCode == 1);
    CHECK(r.err.find("passphrase is wrong") != std::string::npos);
    CHECK(test::readFile(b) == before);

    std::string flipped = good;
    flipped[flipped.size() / 2] ^= 0x01;
    std::ofstream(dir / "flipped.kneelog", std::ios::binary) << flipped;
    r = bundle(b, {"import", (dir / "flipped.kneelog").string(), "--passphrase-file", pass.string()});
    CHECK(r.exitCode == 1);
    CHECK(r.err.find("changed or damaged") != std::string::npos);

    std::ofstream(dir / "cut.kneelog", std::ios::binary) << good.substr(0, good.size() - 10);
    r = bundle(b, {"import", (dir / "cut.kneelog").string(), "--passphrase-file", pass.string()});
    CHECK(r.exitCode == 1);
    CHECK(r.err.find("incomplete") != std::string::npos);

    std::ofstream(dir / "other.kneelog") << "just some text";
    r = bundle(b, {"import", (dir / "other.kneelog").string(), "--passphrase-file", pass.string()});
    CHECK(r.exitCode == 1);
    CHECK(r.err.find("not a KneeLog bundle") != std::string::npos);
    CHECK(test::readFile(b) == before);
}

TEST_CASE("bundle: --no-encrypt says so in the file and on import", "[cli][bundle]") {
    const auto dir = test::freshDir("bundle-plain");
    const fs::path a = dir / "a.db", b = dir / "b.db";
    add(a, "2026-11-18", 4, "plain words");
    const fs::path file = dir / "a.kneelog";
    auto out = bundle(a, {"export", "--out", file.string(), "--no-encrypt"});
    REQUIRE(out.exitCode == 0);
    CHECK(out.out.find("NOT encrypted") != std::string::npos);
    const std::string text = test::readFile(file);
    CHECK(text.rfind("KNLGOPEN", 0) == 0);
    CHECK(text.find("plain words") != std::string::npos);
    auto in = bundle(b, {"import", file.string()});
    REQUIRE(in.exitCode == 0);
    CHECK(in.out.find("not encrypted") != std::string::npos);
    CHECK(in.out.find("added 1,") != std::string::npos);
}

TEST_CASE("bundle: usage errors exit 2, and no passphrase is asked for without a terminal", "[cli][bundle]") {
    const auto dir = test::freshDir("bundle-usage");
    const fs::path a = dir / "a.db";
    add(a, "2026-11-18", 4, "one");
    const fs::path pass = passFile(dir, "pass.txt", "p\n");
    const std::string out = (dir / "x.kneelog").string();
    CHECK(bundle(a, {}).exitCode == 2);
    CHECK(bundle(a, {"send"}).exitCode == 2);
    CHECK(bundle(a, {"export"}).exitCode == 2);
    CHECK(bundle(a, {"export", "--out", out, "--passphrase-file", pass.string(), "--no-encrypt"}).exitCode == 2);
    CHECK(bundle(a, {"export", "--out", out, "--dry-run", "--no-encrypt"}).exitCode == 2);
    CHECK(bundle(a, {"import"}).exitCode == 2);
    CHECK(bundle(a, {"import", out, "--no-encrypt"}).exitCode == 2);
    CHECK(bundle(a, {"export", "--out", out, "--bogus"}).exitCode == 2);
    CHECK_FALSE(fs::exists(out));
    // stdin is not a terminal here: refused, pointing at --passphrase-file.
    auto ask = bundle(a, {"export", "--out", out});
    CHECK(ask.exitCode == 2);
    CHECK(ask.err.find("--passphrase-file") != std::string::npos);
    CHECK_FALSE(fs::exists(out));
    // An empty passphrase file is refused, as is writing over the journal itself.
    CHECK(bundle(a, {"export", "--out", out, "--passphrase-file", passFile(dir, "empty.txt", "\n").string()}).exitCode == 2);
    CHECK(bundle(a, {"export", "--out", a.string(), "--no-encrypt"}).exitCode == 1);
}

TEST_CASE("backup --encrypt and restore of an encrypted backup", "[cli][bundle]") {
    const auto dir = test::freshDir("backup-encrypted");
    const fs::path db = dir / "j.db";
    add(db, "2026-11-18", 4, "secret knee words");
    add(db, "2026-11-19", 5, "second entry");
    const json before = entries(db);
    const fs::path pass = passFile(dir, "pass.txt", "backup phrase\n"), wrong = passFile(dir, "wrong.txt", "nope\n");
    const fs::path file = dir / "j.backup";
    auto made = runKneelog({"--db", db.string(), "backup", "--out", file.string(), "--encrypt", "--passphrase-file", pass.string()},
                           {kNow, "TZ=UTC"});
    INFO(made.err);
    REQUIRE(made.exitCode == 0);
    const std::string sealed = test::readFile(file);
    CHECK(sealed.rfind("KNLGSEAL", 0) == 0);
    CHECK(sealed.find("secret knee words") == std::string::npos);
    CHECK(sealed.find("SQLite format") == std::string::npos);
    CHECK(runKneelog({"--db", db.string(), "backup", "--out", file.string(), "--encrypt"}, {kNow}).exitCode == 2);
    CHECK(runKneelog({"--db", db.string(), "backup", "--out", file.string(), "--passphrase-file", pass.string()}, {kNow}).exitCode == 2);

    add(db, "2026-11-19", 9, "added after the backup");
    const std::string changed = test::readFile(db);
    auto bad = runKneelog({"--db", db.string(), "restore", file.string(), "--passphrase-file", wrong.string()}, {kNow, "TZ=UTC"});
    CHECK(bad.exitCode == 1);
    CHECK(bad.err.find("passphrase is wrong") != std::string::npos);
    CHECK(test::readFile(db) == changed);
    CHECK(runKneelog({"--db", db.string(), "restore", file.string()}, {kNow, "TZ=UTC"}).exitCode == 2);  // no terminal to ask on

    auto ok = runKneelog({"--db", db.string(), "restore", file.string(), "--passphrase-file", pass.string()}, {kNow, "TZ=UTC"});
    INFO(ok.err);
    REQUIRE(ok.exitCode == 0);
    CHECK(entries(db) == before);
    for (const auto& e : fs::directory_iterator(dir)) CHECK(e.path().filename().string().find(".tmp") == std::string::npos);
    // A bundle is not a backup.
    const fs::path bundleFile = dir / "j.kneelog";
    REQUIRE(bundle(db, {"export", "--out", bundleFile.string(), "--passphrase-file", pass.string()}).exitCode == 0);
    auto mixed = runKneelog({"--db", db.string(), "restore", bundleFile.string(), "--passphrase-file", pass.string()}, {kNow});
    CHECK(mixed.exitCode == 1);
    CHECK(mixed.err.find("bundle import") != std::string::npos);
}

TEST_CASE("bundle: the knee map's regions, a relief rating and weekly check-ins travel", "[cli][bundle]") {
    const auto dir = test::freshDir("bundle-map-peg");
    const fs::path phone = dir / "phone.db", desktop = dir / "desktop.db";
    auto added = runKneelog({"--db", phone.string(), "add", "--pain", "5", "--at", "2026-11-19 08:00", "--where",
                             "centre", "--where", "inner", "--medication", "ibuprofen 400 mg"},
                            {kNow, "TZ=UTC"});
    INFO(added.err);
    REQUIRE(added.exitCode == 0);
    const json listed = json::parse(runKneelog({"--db", phone.string(), "list", "--json"}, {kNow, "TZ=UTC"}).out);
    REQUIRE(listed.size() == 1);
    const std::string id = std::to_string(listed[0]["id"].get<long long>());
    auto rated = runKneelog({"--db", phone.string(), "relief", id, "--rating", "lot"}, {kNow, "TZ=UTC"});
    INFO(rated.err);
    REQUIRE(rated.exitCode == 0);
    auto peg = runKneelog({"--db", phone.string(), "peg", "--pain", "6", "--enjoyment", "4", "--activity", "5"},
                          {kNow, "TZ=UTC"});
    INFO(peg.err);
    REQUIRE(peg.exitCode == 0);

    const fs::path file = dir / "phone.kneelog";
    REQUIRE(bundle(phone, {"export", "--out", file.string(), "--no-encrypt"}).exitCode == 0);
    auto dry = bundle(desktop, {"import", file.string(), "--dry-run"});
    REQUIRE(dry.exitCode == 0);
    CHECK(dry.out.find("Weekly check-ins that would be added: 1") != std::string::npos);
    auto in = bundle(desktop, {"import", file.string()});
    INFO(in.err);
    REQUIRE(in.exitCode == 0);
    CHECK(in.out.find("added 1, updated 0, deleted 0, unchanged 0") != std::string::npos);
    CHECK(in.out.find("Weekly check-ins added: 1") != std::string::npos);
    CHECK(entries(desktop) == entries(phone));  // where and relief included
    CHECK(entries(desktop)[0]["where"] == json::array({"centre", "inner"}));
    auto pegs = runKneelog({"--db", desktop.string(), "peg", "--json"}, {kNow, "TZ=UTC"});
    REQUIRE(pegs.exitCode == 0);
    CHECK(json::parse(pegs.out).size() == 1);
    auto again = bundle(desktop, {"import", file.string()});
    REQUIRE(again.exitCode == 0);
    CHECK(again.out.find("Weekly check-ins") == std::string::npos);  // nothing new the second time
}
