// The doctor's report from outside, as a person runs it: page 1's sections in a GP's order,
// `export --format pdf --summary` as page 1 alone, and text in any script surviving the PDF.
// Read back with poppler's pdftotext and pdfinfo.
#include <catch2/catch.hpp>

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <string>

#include "run_binary.hpp"

using test::runKneelog;

namespace {

namespace fs = std::filesystem;
using test::shellOutput;

int pageCount(const fs::path& pdf) {
    const std::string info = shellOutput("pdfinfo '" + pdf.string() + "'");
    const auto at = info.find("Pages:");
    return at == std::string::npos ? -1 : std::stoi(info.substr(at + 6));
}

// The text of page `page` (0: every page), in reading order.
std::string pageText(const fs::path& pdf, int page = 0) {
    std::string range;
    if (page > 0) range.append(" -f ").append(std::to_string(page)).append(" -l ").append(std::to_string(page));
    return shellOutput("pdftotext -raw" + range + " '" + pdf.string() + "' -");
}

// "YYYY-MM-DD 10:00" `days` days before today, in local time.
std::string daysAgo(int days) {
    std::time_t t = std::time(nullptr) - static_cast<std::time_t>(days) * 86400;
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d 10:00", &tm);
    return buf;
}

void add(const fs::path& db, std::vector<std::string> args) {
    args.insert(args.begin(), "add");
    args.push_back("--db");
    args.push_back(db.string());
    auto r = runKneelog(args);
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
}

fs::path exportPdf(const fs::path& db, const fs::path& out, bool summary) {
    std::vector<std::string> args = {"export", "--format", "pdf", "--out", out.string(), "--db", db.string()};
    if (summary) args.push_back("--summary");
    auto r = runKneelog(args);
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    return out;
}

// Each of `needles` found in `text`, each after the one before; returns how many were in order.
std::size_t inOrder(const std::string& text, const std::vector<std::string>& needles) {
    std::size_t at = 0, found = 0;
    for (const auto& n : needles) {
        const auto p = text.find(n, at);
        INFO("looking for \"" << n << "\" after offset " << at);
        CHECK(p != std::string::npos);
        if (p == std::string::npos) break;
        at = p + n.size();
        ++found;
    }
    return found;
}

// Two months of entries with advice to see a doctor soon before and after an emergency last week.
fs::path journalWithEmergency(const fs::path& dir) {
    const fs::path db = dir / "j.db";
    for (int d = 60; d >= 8; d -= 3) add(db, {"--pain", std::to_string(2 + d % 4), "--side", "left", "--at", daysAgo(d)});
    add(db, {"--pain", "4", "--side", "left", "--symptom", "lump", "--at", daysAgo(20)});
    add(db, {"--pain", "6", "--side", "left", "--symptom", "cold_foot", "--at", daysAgo(5)});
    add(db, {"--pain", "3", "--side", "left", "--symptom", "lump", "--at", daysAgo(2)});
    return db;
}

}  // namespace

TEST_CASE("report page 1: a GP's questions in order, emergencies before anything 'soon'", "[cli][report]") {
    const auto dir = test::freshDir("report-page1");
    const auto db = journalWithEmergency(dir);
    const auto full = exportPdf(db, dir / "full.pdf", false);
    const std::string page1 = pageText(full, 1);
    inOrder(page1, {"Report date", "Period:", "Region:", "Risk profile", "Serious alerts: emergency and urgent (1)",
                    "Emergency", "Advice to see a doctor soon (not a red flag): 2 times", "Pain now and before",
                    "Typical", "2 points", "Pain over the whole period", "One bar per day", "Most frequent",
                    "Symptoms", "When it hurts", "What was tried", "Page 1 of"});
    const auto emergency = page1.find("Emergency");
    const auto soon = page1.find("soon");
    REQUIRE(emergency != std::string::npos);
    REQUIRE(soon != std::string::npos);
    CHECK(emergency < soon);
    CHECK(page1.find("Red-flag alerts") == std::string::npos);  // advice is never counted as red flags
    CHECK(page1.find("Cold") != std::string::npos);             // what was logged that fired the rule
    // The detail pages: every alert, then every entry, both newest first.
    const std::string all = pageText(full);
    inOrder(all, {"All alerts and advice (3), newest first", daysAgo(2).substr(0, 10), daysAgo(5).substr(0, 10),
                  daysAgo(20).substr(0, 10), "All entries (21), newest first", daysAgo(2).substr(0, 10),
                  daysAgo(60).substr(0, 10)});
    fs::remove_all(dir);
}

TEST_CASE("export --summary writes page 1 alone, the same page as the full report's first", "[cli][report]") {
    const auto dir = test::freshDir("report-summary");
    const auto db = journalWithEmergency(dir);
    const auto full = exportPdf(db, dir / "full.pdf", false);
    const auto summary = exportPdf(db, dir / "summary.pdf", true);
    CHECK(pageCount(full) >= 2);
    CHECK(pageCount(summary) == 1);
    std::string a = pageText(full, 1), b = pageText(summary, 1);
    // The same page, but for "Page 1 of N", and "on page 2" where the summary has no page 2.
    a = a.substr(0, a.find("Page 1 of"));
    b = b.substr(0, b.find("Page 1 of"));
    CHECK(a.find("listed on page 2") != std::string::npos);
    CHECK(b.find("listed on page 2") == std::string::npos);
    CHECK(b.find("All entries") == std::string::npos);
    auto strip = [](const std::string& s) {
        const std::string listed = "; listed on page 2.";
        const auto p = s.find(listed);
        if (p == std::string::npos) return s;
        std::string out = s.substr(0, p);
        out.append(".").append(s.substr(p + listed.size()));
        return out;
    };
    CHECK(strip(a) == b);
    fs::remove_all(dir);
}

TEST_CASE("report page 1 fits one page with years of entries and the chart says it is monthly",
          "[cli][report]") {
    const auto dir = test::freshDir("report-years");
    const auto db = (dir / "j.db").string();
    REQUIRE(runKneelog({"demo", "--days", "1500", "--db", db}).exitCode == 0);
    const auto full = exportPdf(db, dir / "full.pdf", false);
    const std::string page1 = pageText(full, 1);
    inOrder(page1, {"Serious alerts", "Pain now and before", "One bar per month", "Most frequent", "Page 1 of"});
    const auto summary = exportPdf(db, dir / "summary.pdf", true);
    CHECK(pageCount(summary) == 1);
    CHECK(pageText(summary).find("Most frequent") != std::string::npos);
    // The worst case: US Letter (the shorter page), every risk ticked, a long name.
    std::vector<std::string> profile = {"profile", "--db", db, "--region", "ie"};
    for (const char* risk : {"recent_surgery", "long_journey", "immobile", "pregnant_or_postpartum", "hormones", "cancer",
                             "previous_clot", "blood_thinners", "knee_replacement", "low_immunity"}) {
        profile.push_back("--set");
        profile.push_back(risk);
    }
    REQUIRE(runKneelog(profile).exitCode == 0);
    const auto letter = dir / "letter.pdf";
    auto r = runKneelog({"export", "--format", "pdf", "--summary", "--paper", "letter", "--name",
                         "Maria-Magdalena Konstantinopoulou-Wittgenstein von Hohenzollern-Sigmaringen", "--out",
                         letter.string(), "--db", db});
    REQUIRE(r.exitCode == 0);
    CHECK(pageCount(letter) == 1);
    const std::string text = pageText(letter);
    inOrder(text, {"Blood thinners", "Serious alerts", "more in the full report", "Most frequent", "Page 1 of 1"});
    fs::remove_all(dir);
}

TEST_CASE("report: Japanese and Cyrillic notes come back from the PDF and an emoji shows a mark the footer names",
          "[cli][report]") {
    const auto dir = test::freshDir("report-scripts");
    const auto db = dir / "j.db";
    add(db, {"--pain", "4", "--side", "right", "--at", daysAgo(3), "--note", "Nach dem Laufen"});
    const auto plain = exportPdf(db, dir / "plain.pdf", false);
    CHECK(pageText(plain).find("could not be drawn") == std::string::npos);
    add(db, {"--pain", "5", "--side", "left", "--at", daysAgo(1), "--note", "膝の裏が痛い 😀 Привет"});
    const auto pdf = exportPdf(db, dir / "scripts.pdf", false);
    const std::string text = pageText(pdf);
    CHECK(text.find("膝の裏が痛い") != std::string::npos);
    CHECK(text.find("Привет") != std::string::npos);
    CHECK(text.find("\xE2\x96\xA1") != std::string::npos);  // the visible mark where the emoji was
    CHECK(text.find("Some characters could not be drawn") != std::string::npos);
    // The Japanese font is embedded only when the text needs it.
    CHECK(shellOutput("pdffonts '" + pdf.string() + "'").find("WenQuanYi") != std::string::npos);
    CHECK(shellOutput("pdffonts '" + plain.string() + "'").find("WenQuanYi") == std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("a PDF export without the report font says which font is missing and writes no file", "[cli][report]") {
    const auto dir = test::freshDir("report-nofont");
    const auto db = (dir / "j.db").string();
    REQUIRE(runKneelog({"add", "--pain", "3", "--db", db}).exitCode == 0);
    const auto out = dir / "report.pdf";
    fs::create_directories(dir / "no-assets");  // an assets folder without fonts/
    auto r = runKneelog({"export", "--format", "pdf", "--out", out.string(), "--db", db},
                        {"KNEELOG_ASSETS=" + (dir / "no-assets").string()});
    CHECK(r.exitCode == 1);
    CHECK(r.err.find("DejaVu") != std::string::npos);
    CHECK_FALSE(fs::exists(out));
    fs::remove_all(dir);
}

// Text WinAnsiEncoding has goes through single-byte twins of the fonts, as literal strings that
// libharu escapes; the rest through the 2-byte fonts, in the same line.
TEST_CASE("report: a note with brackets, a backslash and Latin-1 or Windows-1252 characters comes back exactly from the PDF",
          "[cli][report]") {
    const auto dir = test::freshDir("report-latin");
    const auto db = dir / "j.db";
    const std::string note = "Knee (left) \\ 50% #2 <a> [b] {c} / café Zoë naïve €5 "
                             "\xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x80\x93 \xE2\x80\x94 \xE2\x80\xA6 ß Ø ñ ¿¡ ½ ° ™ Œ ž";
    add(db, {"--pain", "4", "--side", "right", "--at", daysAgo(2), "--note", note});
    add(db, {"--pain", "3", "--side", "left", "--at", daysAgo(1), "--note", "Knie Колено 膝の裏 αβ café end"});
    const auto pdf = exportPdf(db, dir / "latin.pdf", false);
    std::string text = pageText(pdf);
    for (char& c : text)
        if (c == '\n') c = ' ';  // the note wraps in its column: its lines follow each other
    CHECK(text.find(note) != std::string::npos);
    CHECK(text.find("Knie Колено 膝の裏 αβ café end") != std::string::npos);  // one line, in order
    // the bold month row(s), with a middle dot
    CHECK((text.find("\xC2\xB7 2 entries") != std::string::npos || text.find("\xC2\xB7 1 entry") != std::string::npos));
    const std::string fonts = shellOutput("pdffonts '" + pdf.string() + "'");
    CHECK(fonts.find("WinAnsi") != std::string::npos);
    CHECK(fonts.find("Identity-H") != std::string::npos);
    // Both encodings of a font share its embedded file: regular, bold and the CJK font, once each.
    CHECK(std::stoi(shellOutput("grep -a -o /FontFile2 '" + pdf.string() + "' | wc -l")) == 3);
    fs::remove_all(dir);
}

// pdf_pack.cpp: each page but the last is deflated once laid out and its contents become two
// streams (the body, then the footer drawn at the end); a reader must still see each page whole.
TEST_CASE("report: a finished page is held packed, and every page still reads whole, body then footer",
          "[cli][report]") {
    const auto dir = test::freshDir("report-packed");
    const auto db = (dir / "j.db").string();
    REQUIRE(runKneelog({"demo", "--days", "400", "--db", db}).exitCode == 0);
    const auto pdf = exportPdf(db, dir / "full.pdf", false);
    const int pages = pageCount(pdf);
    REQUIRE(pages >= 4);
    const int packed = std::stoi(shellOutput("grep -a -o '/Contents \\[[^]]*\\]' '" + pdf.string() + "' | wc -l"));
    CHECK(packed == pages - 1);  // the last page is never left for another: saved as it is
    for (int page : {1, 2, pages - 1, pages}) {
        INFO("page " << page);
        const std::string text = pageText(pdf, page);
        const std::string footer = "Page " + std::to_string(page) + " of " + std::to_string(pages);
        const auto body = text.find("Pain ");  // page 1's "Pain now and before", then rows' "Pain 4, ..."
        CHECK(body != std::string::npos);
        CHECK(text.find(footer) != std::string::npos);
        CHECK(body < text.find(footer));
    }
    const auto errors = shellOutput("( pdftoppm -r 20 -f 2 -l 2 -png '" + pdf.string() + "' '" + (dir / "p").string() +
                                    "' 2>&1 >/dev/null )");
    CHECK(errors.empty());  // poppler reads the two-stream contents without a complaint
    fs::remove_all(dir);
}

// libharu 2.3 embeds WenQuanYi's Hangul syllables empty (glyph numbers above 32767): Korean is
// drawn from Un Dotum, every syllable, rare ones included, and nothing is reported missing.
TEST_CASE("report: a Korean note comes back whole from the PDF, drawn from the Korean font", "[cli][report]") {
    const auto dir = test::freshDir("report-korean");
    const auto db = dir / "j.db";
    const std::string note = "무릎 뒤가 아파요 햏 뷁 똠방각하";
    add(db, {"--pain", "4", "--side", "left", "--at", daysAgo(1), "--note", note});
    const auto pdf = exportPdf(db, dir / "korean.pdf", false);
    std::string text = pageText(pdf);
    for (char& c : text)
        if (c == '\n') c = ' ';  // the note may wrap in its column
    CHECK(text.find(note) != std::string::npos);
    CHECK(text.find("could not be drawn") == std::string::npos);
    CHECK(text.find("\xE2\x96\xA1") == std::string::npos);  // no mark in place of a syllable
    const std::string fonts = shellOutput("pdffonts '" + pdf.string() + "'");
    CHECK(fonts.find("UnDotum") != std::string::npos);
    CHECK(fonts.find("WenQuanYi") == std::string::npos);  // Hangul alone needs no Chinese font
    fs::remove_all(dir);
}
