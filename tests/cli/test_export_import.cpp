#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <functional>
#include <map>
#include <cctype>
#include <cstring>
#include <set>
#include <sstream>

#include "run_binary.hpp"
#include "support/read_file.hpp"

using nlohmann::json;
using test::runKneelog;

namespace {

namespace fs = std::filesystem;
using test::shellOutput;

std::string pdfText(const fs::path& pdf, const char* mode = "-raw") {
    return shellOutput(std::string("pdftotext ") + mode + " '" + pdf.string() + "' -");
}

// Runs of whitespace become one space: wrapped lines read as the text that was wrapped.
std::string squeezed(const std::string& s) {
    std::string out;
    for (char c : s) {
        const bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f';
        if (space) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

void writeFile(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

json listed(const fs::path& db) {
    auto r = runKneelog({"list", "--json", "--db", db.string()});
    REQUIRE(r.exitCode == 0);
    return json::parse(r.out);
}

void add(const fs::path& db, std::vector<std::string> args) {
    args.insert(args.begin(), "add");
    args.push_back("--db");
    args.push_back(db.string());
    auto r = runKneelog(args);
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
}

const std::string kLongNote =
    "Après la randonnée près de Łódź le genou gauche était très gonflé et chaud; Øystein pense à un kyste de "
    "Baker, mais le médecin devrait regarder. Ça tire derrière le genou quand je descends les escaliers, "
    "surtout le soir après le travail, et la nuit je me réveille deux ou trois fois à cause de la douleur.";

// A journal with a handful of entries whose notes need care: accents, quotes, commas, new lines.
fs::path journalWithNotes(const fs::path& dir) {
    const fs::path db = dir / "j.db";
    add(db, {"--pain", "6", "--side", "left", "--at", "2026-11-02 09:15", "--symptom", "swelling", "--symptom",
             "warmth", "--note", kLongNote});
    add(db, {"--pain", "2", "--side", "right", "--at", "2026-11-05 18:40", "--type", "dull", "--when", "stairs",
             "--care", "medication", "--medication", "ibuprofen 400 mg, twice", "--note",
             "Sagte: \"es zieht\", dann Ruhe.\nZweite Zeile"});
    add(db, {"--pain", "0", "--side", "both", "--at", "2026-11-09 07:05", "--note", "Żółć ğüşıöç ñandú Ærøskøbing"});
    add(db, {"--pain", "8", "--side", "right", "--at", "2026-11-10 21:30", "--symptom", "calf_pain", "--symptom",
             "calf_swelling", "--note", "Wade hart und geschwollen"});
    return db;
}

json withoutIds(json list) {
    for (auto& e : list) e.erase("id");
    std::multiset<std::string> sorted;
    json out = json::array();
    for (auto& e : list) sorted.insert(e.dump());
    for (const auto& s : sorted) out.push_back(json::parse(s));
    return out;
}

}  // namespace

TEST_CASE("export pdf: the text holds the summary figures and every entry's date and note", "[cli][export]") {
    const auto dir = test::freshDir("export-pdf");
    const auto db = journalWithNotes(dir);
    const auto pdf = dir / "report.pdf";
    auto r = runKneelog({"export", "--format", "pdf", "--out", pdf.string(), "--from", "2026-11-01", "--to",
                         "2026-11-14", "--name", "Zoë Ærø", "--db", db.string()});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.find("Wrote 4 entries to ") != std::string::npos);
    CHECK(r.out.find("Red flags (emergency or urgent): 2. Advice to see a doctor soon (not a red flag): 0.") !=
          std::string::npos);
    struct stat st {};
    REQUIRE(::stat(pdf.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    const std::string text = squeezed(pdfText(pdf));
    CHECK(text.find("Patient: Zoë Ærø") != std::string::npos);
    CHECK(text.find("Period: 2026-11-01 to 2026-11-14 (14 days)") != std::string::npos);
    CHECK(text.find("4 entries on 4 days") != std::string::npos);
    CHECK(text.find("Serious alerts: emergency and urgent (2)") != std::string::npos);
    CHECK(text.find("Advice to see a doctor soon (not a red flag): none.") != std::string::npos);
    CHECK(text.find("patient-reported") != std::string::npos);
    CHECK(text.find("Page 1 of 2") != std::string::npos);
    CHECK(text.find("Page 2 of 2") != std::string::npos);
    for (const char* day : {"2026-11-02", "2026-11-05", "2026-11-09", "2026-11-10"}) CHECK(text.find(day) != std::string::npos);
    CHECK(text.find(squeezed(kLongNote)) != std::string::npos);  // wrapped over several lines, read back whole
    CHECK(text.find("Sagte: \"es zieht\", dann Ruhe. Zweite Zeile") != std::string::npos);
    CHECK(text.find("Żółć ğüşıöç ñandú Ærøskøbing") != std::string::npos);
    CHECK(text.find("Left knee") != std::string::npos);
    CHECK(text.find("Both knees") != std::string::npos);
    // The long note really wraps: its words are spread over several lines of the table.
    const std::string layout = pdfText(pdf, "-layout");
    CHECK(layout.find("Après la randonnée") != std::string::npos);
    CHECK(layout.find("Après la randonnée près de Łódź le genou gauche était très gonflé et chaud") == std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("export pdf: ten years of entries give one table row each", "[cli][export]") {
    const auto dir = test::freshDir("export-10y");
    const auto db = (dir / "j.db").string();
    REQUIRE(runKneelog({"demo", "--days", "3650", "--db", db}).exitCode == 0);
    const std::size_t episodes = listed(db).size();
    const auto pdf = dir / "ten-years.pdf";
    auto r = runKneelog({"export", "--format", "pdf", "--out", pdf.string(), "--paper", "letter", "--db", db});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    const std::string text = pdfText(pdf);
    const auto table = text.find("All entries (" + std::to_string(episodes) + "), newest first");
    REQUIRE(table != std::string::npos);
    std::istringstream lines(text.substr(table));
    // A row's first line starts "YYYY-MM-DD HH:MM " (std::regex trips GCC 12's -Wmaybe-uninitialized at -O2).
    const auto isRow = [](const std::string& l) {
        const char* shape = "dddd-dd-dd dd:dd ";
        if (l.size() < std::strlen(shape)) return false;
        for (std::size_t i = 0; shape[i]; ++i)
            if (shape[i] == 'd' ? !std::isdigit(static_cast<unsigned char>(l[i])) : l[i] != shape[i]) return false;
        return true;
    };
    std::size_t rows = 0;
    for (std::string line; std::getline(lines, line);)
        if (isRow(line)) ++rows;
    CHECK(rows == episodes);
    CHECK(shellOutput("pdfinfo '" + pdf.string() + "'").find("612 x 792 pts (letter)") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("export csv then import into an empty journal gives the same entries, field for field", "[cli][import]") {
    const auto dir = test::freshDir("roundtrip");
    const auto db = journalWithNotes(dir);
    REQUIRE(runKneelog({"demo", "--days", "120", "--db", (dir / "demo.db").string()}).exitCode == 0);
    for (const auto& source : {db, dir / "demo.db"}) {
        const auto csv = dir / "out.csv";
        REQUIRE(runKneelog({"export", "--format", "csv", "--out", csv.string(), "--db", source.string()}).exitCode == 0);
        const auto fresh = dir / "fresh.db";
        fs::remove(fresh);
        auto r = runKneelog({"import", csv.string(), "--db", fresh.string()});
        INFO(r.err);
        REQUIRE(r.exitCode == 0);
        const json before = listed(source), after = listed(fresh);
        CHECK(before.size() == after.size());
        CHECK(withoutIds(before) == withoutIds(after));
    }
    fs::remove_all(dir);
}

TEST_CASE("export fhir: resource counts, codes, and every reference resolves in the bundle", "[cli][export]") {
    const auto dir = test::freshDir("export-fhir");
    const auto db = journalWithNotes(dir);
    const auto out = dir / "bundle.json";
    auto r = runKneelog({"export", "--format", "fhir", "--out", out.string(), "--name", "Zoë Ærø", "--db", db.string()});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    const json b = json::parse(test::readFile(out));
    CHECK(b["resourceType"] == "Bundle");
    CHECK(b["type"] == "collection");
    std::map<std::string, int> counts;
    std::set<std::string> urls;
    for (const auto& e : b["entry"]) {
        counts[e["resource"]["resourceType"]] += 1;
        urls.insert(e["fullUrl"]);
        if (e["resource"]["resourceType"] == "Observation") {
            CHECK(e["resource"]["code"]["coding"][0]["code"] == "72514-3");
            CHECK(e["resource"]["code"]["coding"][0]["system"] == "http://loinc.org");
            CHECK(e["resource"]["valueInteger"].is_number_integer());
            CHECK(e["resource"]["bodySite"]["coding"][0]["system"] == "http://snomed.info/sct");
        }
    }
    CHECK(counts["Patient"] == 1);
    CHECK(counts["Observation"] == 4);
    CHECK(counts["Flag"] == 2);  // pain 8 with calf signs (urgent), warmth (soon)
    std::size_t references = 0;
    std::function<void(const json&)> walk = [&](const json& j) {
        if (j.is_object()) {
            for (auto it = j.begin(); it != j.end(); ++it) {
                if (it.key() == "reference") {
                    ++references;
                    CHECK(urls.count(it->get<std::string>()) == 1);
                } else {
                    walk(*it);
                }
            }
        } else if (j.is_array()) {
            for (const auto& x : j) walk(x);
        }
    };
    walk(b);
    CHECK(references == 4 * 2 + 2 * 2);
    fs::remove_all(dir);
}

TEST_CASE("import skips entries already in the journal and repeated rows, and says so", "[cli][import]") {
    const auto dir = test::freshDir("import-dups");
    const auto db = journalWithNotes(dir);
    const auto csv = dir / "out.csv";
    REQUIRE(runKneelog({"export", "--format", "csv", "--out", csv.string(), "--db", db.string()}).exitCode == 0);
    auto again = runKneelog({"import", csv.string(), "--db", db.string()});
    CHECK(again.exitCode == 0);
    CHECK(again.out.find("line 2: already in your journal (2026-11-02 09:15, Left knee, pain 6); skipped") != std::string::npos);
    CHECK(again.out.find("Imported 0 entries") != std::string::npos);
    CHECK(listed(db).size() == 4);

    const std::string text = test::readFile(csv);
    const auto firstRowEnd = text.find("\r\n", text.find("\r\n") + 2) + 2;
    writeFile(csv, text + text.substr(text.find("\r\n") + 2, firstRowEnd - text.find("\r\n") - 2));
    const auto fresh = dir / "fresh.db";
    auto r = runKneelog({"import", csv.string(), "--db", fresh.string()});
    CHECK(r.exitCode == 0);
    CHECK(r.out.find("repeats line 2") != std::string::npos);
    CHECK(r.out.find("Imported 4 entries") != std::string::npos);
    CHECK(listed(fresh).size() == 4);
    fs::remove_all(dir);
}

TEST_CASE("export and import count \"see a doctor soon\" advice apart from red flags", "[cli][export]") {
    const auto dir = test::freshDir("export-soon");
    const auto db = dir / "j.db";
    add(db, {"--pain", "2", "--at", "2026-11-02 09:00", "--symptom", "locking"});                    // soon (S5)
    add(db, {"--pain", "3", "--at", "2026-11-03 09:00", "--symptom", "lump"});                       // soon (S1)
    add(db, {"--pain", "8", "--at", "2026-11-04 09:00", "--symptom", "calf_pain", "--symptom", "calf_swelling"});  // urgent
    const std::string counts = "Red flags (emergency or urgent): 1. Advice to see a doctor soon (not a red flag): 2.";
    for (const char* format : {"pdf", "csv", "fhir"}) {
        const auto out = dir / (std::string("out.") + format);
        auto r = runKneelog({"export", "--format", format, "--out", out.string(), "--db", db.string()});
        INFO(format << ": " << r.out << r.err);
        REQUIRE(r.exitCode == 0);
        CHECK(r.out.find("Wrote 3 entries to " + out.string()) != std::string::npos);
        CHECK(r.out.find(counts) != std::string::npos);
        CHECK(r.out.find("3 red") == std::string::npos);
    }
    auto dry = runKneelog({"import", (dir / "out.csv").string(), "--dry-run", "--db", (dir / "fresh.db").string()});
    INFO(dry.out << dry.err);
    CHECK(dry.exitCode == 0);
    CHECK(dry.out.find(counts) != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("import --dry-run reports what would happen and writes nothing", "[cli][import]") {
    const auto dir = test::freshDir("import-dry");
    const auto db = journalWithNotes(dir);
    const auto csv = dir / "out.csv";
    REQUIRE(runKneelog({"export", "--format", "csv", "--out", csv.string(), "--db", db.string()}).exitCode == 0);
    const auto fresh = dir / "fresh.db";
    auto r = runKneelog({"import", csv.string(), "--dry-run", "--db", fresh.string()});
    INFO(r.err);
    CHECK(r.exitCode == 0);
    CHECK(r.out.find("Dry run: would import 4 entries (0 duplicates skipped). Red flags (emergency or urgent): 2. "
                     "Advice to see a doctor soon (not a red flag): 0. Nothing was written.") != std::string::npos);
    CHECK_FALSE(fs::exists(fresh));
    REQUIRE(runKneelog({"add", "--pain", "1", "--db", fresh.string()}).exitCode == 0);
    const auto before = fs::last_write_time(fresh);
    auto dry = runKneelog({"import", csv.string(), "--dry-run", "--db", fresh.string()});
    CHECK(dry.exitCode == 0);
    CHECK(listed(fresh).size() == 1);
    CHECK(fs::last_write_time(fresh) == before);
    fs::remove_all(dir);
}

namespace {

// Imports a file of the header and `rows` into a journal holding one entry; the import must be
// refused with exit 2, naming `line` and `reason`, and leave the journal as it was.
void refused(const std::string& name, const std::string& file, int line, const std::string& reason) {
    const auto dir = test::freshDir("import-" + name);
    const auto db = dir / "j.db";
    add(db, {"--pain", "2", "--at", "2026-11-01 10:00"});
    const auto csv = dir / "in.csv";
    writeFile(csv, file);
    auto r = runKneelog({"import", "--format", "csv", csv.string(), "--db", db.string()});
    CHECK(r.exitCode == 2);
    INFO(r.err);
    CHECK(r.err.find(csv.string() + ":" + std::to_string(line) + ": " + reason) != std::string::npos);
    CHECK(r.err.find("Nothing was imported") != std::string::npos);
    CHECK(listed(db).size() == 1);
    fs::remove_all(dir);
}

const std::string kHeader = "started_at,side,pain,type,onset,when,symptoms,care,medication,note,recorded_at\r\n";
const std::string kGood = "2026-11-03T10:00:00+01:00,left,3,,,,,,,fine,\r\n";

}  // namespace

TEST_CASE("import refuses a file with a bad header", "[cli][import]") {
    refused("header", "date,pain,side\r\n" + kGood, 1, "the first line must be the header started_at,side,pain");
}

TEST_CASE("import refuses a bad date with its line", "[cli][import]") {
    refused("date", kHeader + kGood + "2026-02-30T10:00:00+01:00,left,3,,,,,,,,\r\n", 3,
            "started_at: '2026-02-30T10:00:00+01:00' is not a date and time");
}

TEST_CASE("import refuses pain 11 with its line", "[cli][import]") {
    refused("pain", kHeader + kGood + kGood + "2026-11-04T10:00:00+01:00,left,11,,,,,,,,\r\n", 4,
            "pain: '11' is not a whole number from 0 to 10");
}

TEST_CASE("import refuses an unknown symptom name with its line", "[cli][import]") {
    refused("symptom", kHeader + "2026-11-04T10:00:00+01:00,left,3,,,,swelling;wobbly,,,,\r\n" + kGood, 2,
            "symptoms: 'wobbly' is not one of: swelling, stiffness");
}

TEST_CASE("import refuses an unbalanced quote with its line", "[cli][import]") {
    refused("quote", kHeader + kGood + "2026-11-04T10:00:00+01:00,left,3,,,,,,,\"never closed,\r\n" + kGood, 3,
            "unbalanced quote");
}

TEST_CASE("import refuses a row with the wrong number of columns", "[cli][import]") {
    refused("columns", kHeader + "2026-11-04T10:00:00+01:00,left,3,,,\r\n", 2, "6 columns; every row needs 11");
}

TEST_CASE("export to an unwritable path says why and leaves no file behind", "[cli][export]") {
    const auto dir = test::freshDir("export-unwritable");
    const auto db = journalWithNotes(dir);
    auto missing = runKneelog({"export", "--format", "csv", "--out", (dir / "no-such-folder" / "x.csv").string(), "--db",
                               db.string()});
    CHECK(missing.exitCode == 1);
    CHECK(missing.err.find("does not exist") != std::string::npos);
    CHECK(missing.err.find("Nothing was written") != std::string::npos);
    writeFile(dir / "plain-file", "x");
    auto notFolder = runKneelog({"export", "--format", "pdf", "--out", (dir / "plain-file" / "r.pdf").string(), "--db",
                                 db.string()});
    CHECK(notFolder.exitCode == 1);
    CHECK(notFolder.err.find("is not a folder") != std::string::npos);
    fs::create_directories(dir / "taken");
    auto isFolder = runKneelog({"export", "--format", "fhir", "--out", (dir / "taken").string(), "--db", db.string()});
    CHECK(isFolder.exitCode == 1);
    CHECK(isFolder.err.find("it is a folder") != std::string::npos);
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().filename().string().rfind("j.db", 0) != 0 && e.path().filename() != "backups")
            names.insert(e.path().filename().string());
    CHECK(names == std::set<std::string>{"plain-file", "taken"});  // no temporary file left over
    auto badFormat = runKneelog({"export", "--format", "docx", "--out", (dir / "x").string(), "--db", db.string()});
    CHECK(badFormat.exitCode == 2);
    fs::remove_all(dir);
}

TEST_CASE("a full disk while exporting gives a clear message and leaves no partial file", "[cli][export]") {
    const auto dir = test::freshDir("export-full");
    const auto db = journalWithNotes(dir);
    fs::create_directories(dir / "out");
    // A file-size limit makes write(2) fail with EFBIG, as a full disk does, once the PDF passes ~50 KB.
    const std::string command = "cd '" + dir.string() + "' && sh -c 'ulimit -f 100; trap \"\" XFSZ; exec \"$0\" \"$@\"' " +
                                KNEELOG_EXE + " export --format pdf --out out/r.pdf --db j.db 2>err.txt; echo $?";
    const std::string rc = shellOutput(command);
    CHECK(rc == "1\n");
    const std::string err = test::readFile(dir / "err.txt");
    CHECK(err.find("the disk is full. Nothing was written.") != std::string::npos);
    CHECK(fs::is_empty(dir / "out"));
    fs::remove_all(dir);
}

TEST_CASE("a full disk half-way through a streamed CSV or FHIR export leaves no partial file", "[cli][export]") {
    const auto dir = test::freshDir("export-full-stream");
    const auto db = dir / "demo.db";
    REQUIRE(runKneelog({"demo", "--days", "400", "--db", db.string()}).exitCode == 0);
    fs::create_directories(dir / "out");
    for (const char* format : {"csv", "fhir"}) {
        // ~50 KB allowed: the stream is cut after its first pages, as by a full disk.
        const std::string command = "cd '" + dir.string() + "' && sh -c 'ulimit -f 100; trap \"\" XFSZ; exec \"$0\" \"$@\"' " +
                                    KNEELOG_EXE + " export --format " + format + " --out out/x --db demo.db 2>err.txt; echo $?";
        INFO(format);
        CHECK(shellOutput(command) == "1\n");
        CHECK(test::readFile(dir / "err.txt").find("the disk is full. Nothing was written.") != std::string::npos);
        CHECK(fs::is_empty(dir / "out"));
    }
    fs::remove_all(dir);
}

TEST_CASE("every character survives: a note in eight scripts and an emoji through CSV, FHIR and the PDF",
          "[cli][export]") {
    const std::string note = "Ça fait très mal, Øre — Γόνατο πονάει — Колено болит — 膝の裏が痛い — 무릎 뒤가 아파요 — "
                             "膝盖后面疼 — الركبة تؤلم — 😣 end";
    const auto dir = test::freshDir("export-scripts");
    const auto db = dir / "j.db";
    add(db, {"--pain", "5", "--side", "left", "--at", "2026-11-10 08:00", "--medication", "Ибупрофен 200", "--note", note});

    // CSV: export, import into an empty journal, the same text byte for byte.
    const auto csv = dir / "out.csv";
    REQUIRE(runKneelog({"export", "--format", "csv", "--out", csv.string(), "--db", db.string()}).exitCode == 0);
    const auto fresh = dir / "fresh.db";
    REQUIRE(runKneelog({"import", csv.string(), "--db", fresh.string()}).exitCode == 0);
    const json back = listed(fresh);
    REQUIRE(back.size() == 1);
    CHECK(back[0]["note"] == note);
    CHECK(back[0]["medication"] == "Ибупрофен 200");

    // FHIR: the note is the Observation's annotation, exact.
    const auto fhir = dir / "out.json";
    REQUIRE(runKneelog({"export", "--format", "fhir", "--out", fhir.string(), "--db", db.string()}).exitCode == 0);
    const json bundle = json::parse(test::readFile(fhir));
    int found = 0;
    for (const auto& e : bundle["entry"])
        if (e["resource"]["resourceType"] == "Observation" && e["resource"].contains("note"))
            found += e["resource"]["note"][0]["text"] == note;
    CHECK(found == 1);

    // PDF: the text comes back from pdftotext; the emoji shows the mark and the footer says so.
    const auto pdf = dir / "out.pdf";
    REQUIRE(runKneelog({"export", "--format", "pdf", "--out", pdf.string(), "--db", db.string()}).exitCode == 0);
    const std::string text = squeezed(pdfText(pdf));
    // Hangul syllables show the mark in the PDF (libharu 2.3 embeds WenQuanYi's glyphs above 32767
    // empty; see the README); CSV and FHIR above keep them exactly.
    for (const char* piece : {"Ça fait très mal, Øre", "Γόνατο πονάει", "Колено болит", "膝の裏が痛い", "膝盖后面疼",
                              "\xE2\x96\xA1 end", "Some characters could not be drawn"}) {
        INFO(piece);
        CHECK(text.find(piece) != std::string::npos);
    }
    fs::remove_all(dir);
}
