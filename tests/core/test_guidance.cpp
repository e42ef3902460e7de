#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "core/guidance.hpp"
#include "core/triage.hpp"
#include "support/read_file.hpp"

using core::Article;
using core::Block;
using core::Span;

namespace {

const std::string kFront =
    "---\n"
    "id: sample\n"
    "title: Sample: a test page\n"
    "reviewed: 2026-11-27\n"
    "summary: One line.\n"
    "source: Knee pain (NHS)\n"
    "---\n";

Article parseOk(const std::string& text) {
    auto result = core::parseArticle(text);
    INFO((result ? std::string() : result.error().message));
    REQUIRE(result.ok());
    return *result;
}

// Parses text that must fail, and returns the error message.
std::string parseError(const std::string& text) {
    auto result = core::parseArticle(text);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().code == core::ErrorCode::Invalid);
    return result.error().message;
}

std::vector<std::pair<std::string, std::string>> shippedFiles() {
    namespace fs = std::filesystem;
    std::vector<std::pair<std::string, std::string>> files;
    for (const auto& entry : fs::directory_iterator(fs::path(KNEELOG_SOURCE_DIR) / "assets" / "guidance")) {
        const auto& path = entry.path();
        if (path.extension() != ".md" || path.filename() == "FORMAT.md") continue;
        files.emplace_back(path.filename().string(), test::readFile(path));
    }
    return files;
}

std::vector<Article> shippedArticles() {
    auto parsed = core::parseArticles(shippedFiles());
    INFO((parsed ? std::string() : parsed.error().message));
    REQUIRE(parsed.ok());
    return *parsed;
}

const std::set<std::string> kExpectedIds = {
    "posterior_knee_pain", "bakers_cyst", "osteoarthritis", "rheumatoid_arthritis", "gout",
    "infection", "injuries", "tumours", "dvt", "blocked_artery", "when_to_see_a_doctor",
    "examination", "self_care"};

// Listed on the Guidance screen whether or not a rule links to them.
const std::set<std::string> kListedAnyway = {
    "posterior_knee_pain", "when_to_see_a_doctor", "examination", "self_care", "osteoarthritis", "tumours"};

std::size_t bodyWords(const Article& article) {
    std::size_t words = 0;
    for (const auto& block : article.blocks) {
        for (const auto& span : block.spans) {
            std::istringstream in(span.text);
            words += static_cast<std::size_t>(std::distance(std::istream_iterator<std::string>(in),
                                                            std::istream_iterator<std::string>()));
        }
    }
    return words;
}

}  // namespace

TEST_CASE("guidance: double asterisks become bold spans", "[guidance]") {
    const std::vector<Span> expected = {{"Call ", false}, {"now", true}, {" and ", false}, {"do not drive", true}};
    CHECK(core::parseSpans("Call **now** and **do not drive**") == expected);
    CHECK(core::parseSpans("**All bold**") == std::vector<Span>{{"All bold", true}});
    CHECK(core::parseSpans("plain") == std::vector<Span>{{"plain", false}});
    CHECK(core::parseSpans("").empty());
}

TEST_CASE("guidance: an unmatched or empty bold marker stays literal text", "[guidance]") {
    CHECK(core::parseSpans("2 ** 3") == std::vector<Span>{{"2 ** 3", false}});
    CHECK(core::parseSpans("**a** then ** alone") ==
          std::vector<Span>{{"a", true}, {" then ** alone", false}});
    CHECK(core::parseSpans("x **** y") == std::vector<Span>{{"x **** y", false}});
}

TEST_CASE("guidance: front matter fields and sources are read", "[guidance]") {
    const auto a = parseOk("---\nid: sample\ntitle: Sample: a test page\nreviewed: 2026-11-27\n"
                           "summary: One line.\nsource: Knee pain (NHS)\nsource: Gout (NHS)\n---\nBody.\n");
    CHECK(a.id == "sample");
    CHECK(a.title == "Sample: a test page");
    CHECK(a.reviewed == "2026-11-27");
    CHECK(a.summary == "One line.");
    CHECK(a.sources == std::vector<std::string>{"Knee pain (NHS)", "Gout (NHS)"});
}

TEST_CASE("guidance: sources may follow the other keys and summary is optional", "[guidance]") {
    const auto a = parseOk("---\nsource: A (B)\nid: x\ntitle: T\nreviewed: 2024-02-29\n---\nText\n");
    CHECK(a.summary.empty());
    CHECK(a.sources.size() == 1);
    CHECK(a.reviewed == "2024-02-29");
}

TEST_CASE("guidance: headings and subheadings become their own blocks", "[guidance]") {
    const auto a = parseOk(kFront + "## Get **help**\nText\n### Hamstring\nMore\n");
    REQUIRE(a.blocks.size() == 4);
    CHECK(a.blocks[0].kind == Block::Kind::Heading);
    CHECK(a.blocks[0].spans == std::vector<Span>{{"Get ", false}, {"help", true}});
    CHECK(a.blocks[1].kind == Block::Kind::Paragraph);
    CHECK(a.blocks[2].kind == Block::Kind::Subheading);
    CHECK(a.blocks[2].spans == std::vector<Span>{{"Hamstring", false}});
    CHECK(a.blocks[3].spans == std::vector<Span>{{"More", false}});
}

TEST_CASE("guidance: consecutive lines join into one paragraph and blank lines split them", "[guidance]") {
    const auto a = parseOk(kFront + "\nFirst line\n  second **bold\nacross** lines  \n\n\nNext one\n");
    REQUIRE(a.blocks.size() == 2);
    CHECK(a.blocks[0].kind == Block::Kind::Paragraph);
    CHECK(a.blocks[0].spans ==
          std::vector<Span>{{"First line second ", false}, {"bold across", true}, {" lines", false}});
    CHECK(a.blocks[1].spans == std::vector<Span>{{"Next one", false}});
}

TEST_CASE("guidance: each dash line starts a bullet and continuation lines join it", "[guidance]") {
    const auto a = parseOk(kFront + "Intro\n- one\n- **two** parts\n  continued\n\nAfter\n");
    REQUIRE(a.blocks.size() == 4);
    CHECK(a.blocks[0].kind == Block::Kind::Paragraph);
    CHECK(a.blocks[1].kind == Block::Kind::Bullet);
    CHECK(a.blocks[1].spans == std::vector<Span>{{"one", false}});
    CHECK(a.blocks[2].kind == Block::Kind::Bullet);
    CHECK(a.blocks[2].spans == std::vector<Span>{{"two", true}, {" parts continued", false}});
    CHECK(a.blocks[3].kind == Block::Kind::Paragraph);
}

TEST_CASE("guidance: Windows line endings and a byte-order mark are accepted", "[guidance]") {
    const auto a = parseOk("\xEF\xBB\xBF---\r\nid: x\r\ntitle: T\r\nreviewed: 2026-01-31\r\n---\r\nA\r\nB\r\n");
    CHECK(a.title == "T");
    REQUIRE(a.blocks.size() == 1);
    CHECK(a.blocks[0].spans == std::vector<Span>{{"A B", false}});
}

TEST_CASE("guidance: text without front matter is rejected at line 1", "[guidance]") {
    CHECK_THAT(parseError("## Heading\nText\n"), Catch::Contains("line 1:"));
    CHECK_THAT(parseError(""), Catch::Contains("line 1:"));
    CHECK_THAT(parseError("---\nid: x\ntitle: T\nreviewed: 2026-01-01\n"),
               Catch::Contains("line 1:") && Catch::Contains("never closed"));
    CHECK_THAT(parseError("---\nid: x\ntitle: T\nreviewed: 2026-01-01\nText\n"),
               Catch::Contains("line 5:") && Catch::Contains("closing '---'"));
}

TEST_CASE("guidance: a missing id, title or reviewed date is rejected at the closing line", "[guidance]") {
    CHECK_THAT(parseError("---\ntitle: T\nreviewed: 2026-01-01\n---\nText\n"),
               Catch::Contains("line 4:") && Catch::Contains("'id'"));
    CHECK_THAT(parseError("---\nid: x\nreviewed: 2026-01-01\n---\nText\n"),
               Catch::Contains("line 4:") && Catch::Contains("'title'"));
    CHECK_THAT(parseError("---\nid: x\ntitle: T\n\n---\nText\n"),
               Catch::Contains("line 5:") && Catch::Contains("'reviewed'"));
}

TEST_CASE("guidance: a reviewed date that is not a real YYYY-MM-DD is rejected at its line", "[guidance]") {
    for (const char* bad : {"27/11/2026", "2026-13-01", "2026-02-30", "2025-02-29", "2026-1-5", "tomorrow"}) {
        INFO(bad);
        CHECK_THAT(parseError(std::string("---\nid: x\ntitle: T\nreviewed: ") + bad + "\n---\nText\n"),
                   Catch::Contains("line 4:") && Catch::Contains("YYYY-MM-DD"));
    }
}

TEST_CASE("guidance: an unknown, duplicate or malformed front-matter line is rejected at its line", "[guidance]") {
    CHECK_THAT(parseError("---\nid: x\nauthor: Me\ntitle: T\nreviewed: 2026-01-01\n---\nText\n"),
               Catch::Contains("line 3:") && Catch::Contains("unknown front-matter key 'author'"));
    CHECK_THAT(parseError("---\nid: x\ntitle: T\ntitle: U\nreviewed: 2026-01-01\n---\nText\n"),
               Catch::Contains("line 4:") && Catch::Contains("twice"));
    CHECK_THAT(parseError("---\nid: x\njust words\n---\nText\n"), Catch::Contains("line 3:"));
    CHECK_THAT(parseError("---\nid: Bad Id\ntitle: T\nreviewed: 2026-01-01\n---\nText\n"),
               Catch::Contains("line 2:"));
    CHECK_THAT(parseError("---\nid: x\ntitle:\nreviewed: 2026-01-01\n---\nText\n"),
               Catch::Contains("line 3:") && Catch::Contains("no value"));
}

TEST_CASE("guidance: an article with an empty body is rejected at the end of its front matter", "[guidance]") {
    CHECK_THAT(parseError(kFront), Catch::Contains("line 7:") && Catch::Contains("no body"));
    CHECK_THAT(parseError(kFront + "\n   \n\n"), Catch::Contains("line 7:") && Catch::Contains("no body"));
}

TEST_CASE("guidance: unsupported headings and empty bullets are rejected at their line", "[guidance]") {
    CHECK_THAT(parseError(kFront + "Text\n# Title\n"), Catch::Contains("line 9:"));
    CHECK_THAT(parseError(kFront + "#### Deep\n"), Catch::Contains("line 8:"));
    CHECK_THAT(parseError(kFront + "##NoSpace\n"), Catch::Contains("line 8:"));
    CHECK_THAT(parseError(kFront + "## \n"), Catch::Contains("line 8:"));
    CHECK_THAT(parseError(kFront + "Text\n\n-\n"), Catch::Contains("line 10:"));
}

TEST_CASE("guidance: plainText gives title, summary and body without markup", "[guidance]") {
    const auto a = parseOk(kFront + "## Get **help**\n- one\n");
    CHECK(core::plainText(a) == "Sample: a test page\nOne line.\nGet help\none");
}

TEST_CASE("guidance: matchesQuery finds text case-insensitively in title, summary and body", "[guidance]") {
    const auto a = parseOk(kFront + "Call the **Emergency** number.\n");
    CHECK(core::matchesQuery(a, "SAMPLE"));
    CHECK(core::matchesQuery(a, "one LINE"));
    CHECK(core::matchesQuery(a, "emergency number"));  // across a bold boundary
    CHECK(core::matchesQuery(a, "  call  "));
    CHECK(core::matchesQuery(a, ""));
    CHECK_FALSE(core::matchesQuery(a, "gout"));
    CHECK_FALSE(core::matchesQuery(a, "**"));
}

TEST_CASE("guidance: parseArticles sorts by title, checks ids and skips FORMAT.md", "[guidance]") {
    const auto page = [](const std::string& id, const std::string& title) {
        return "---\nid: " + id + "\ntitle: " + title + "\nreviewed: 2026-11-27\n---\nText\n";
    };
    auto ok = core::parseArticles(
        {{"b.md", page("b", "zebra")}, {"dir/a.md", page("a", "Apple")}, {"FORMAT.md", "# Format\n"}});
    REQUIRE(ok.ok());
    REQUIRE(ok->size() == 2);
    CHECK((*ok)[0].id == "a");
    CHECK((*ok)[1].id == "b");

    auto mismatch = core::parseArticles({{"gout.md", page("dvt", "T")}});
    REQUIRE_FALSE(mismatch.ok());
    CHECK_THAT(mismatch.error().message, Catch::Contains("gout.md") && Catch::Contains("'dvt'"));

    auto broken = core::parseArticles({{"x.md", "no front matter"}});
    REQUIRE_FALSE(broken.ok());
    CHECK_THAT(broken.error().message, Catch::StartsWith("x.md: line 1:"));
}

TEST_CASE("guidance: every shipped article parses with title, body, source and review date", "[guidance]") {
    for (const auto& a : shippedArticles()) {
        INFO(a.id);
        CHECK_FALSE(a.title.empty());
        CHECK_FALSE(a.summary.empty());
        CHECK_FALSE(a.blocks.empty());
        CHECK_FALSE(a.sources.empty());
        CHECK(a.reviewed.size() == 10);
        CHECK(std::any_of(a.sources.begin(), a.sources.end(), [](const std::string& s) {
            return s.find("(MedicineNet, reviewed 2020)") != std::string::npos;
        }));
    }
}

TEST_CASE("guidance: the shipped article ids are exactly the thirteen linked ids", "[guidance]") {
    std::set<std::string> ids;
    for (const auto& a : shippedArticles()) ids.insert(a.id);
    CHECK(ids == kExpectedIds);
}

TEST_CASE("guidance: shipped articles are short and use only the Markdown subset", "[guidance]") {
    for (const auto& [name, contents] : shippedFiles()) {
        INFO(name);
        for (const char* banned : {"](", "![", "<", "|", "\t", "```", "\n# ", "\n* ", "\n1. "}) {
            INFO(banned);
            CHECK(contents.find(banned) == std::string::npos);
        }
    }
    for (const auto& a : shippedArticles()) {
        INFO(a.id << ": " << bodyWords(a) << " words");
        CHECK(bodyWords(a) >= 200);
        CHECK(bodyWords(a) <= 450);
    }
}

TEST_CASE("guidance: every triage rule links only to shipped articles", "[guidance]") {
    std::set<std::string> ids;
    for (const auto& a : shippedArticles()) ids.insert(a.id);
    REQUIRE_FALSE(core::rules().empty());
    for (const auto& rule : core::rules()) {
        INFO("rule " << rule.id);
        CHECK_FALSE(rule.articles.empty());
        for (auto article : rule.articles) CHECK(ids.count(std::string(article)) == 1);
    }
}

TEST_CASE("guidance: every shipped article is reachable from a rule or the guidance list", "[guidance]") {
    std::set<std::string> reachable = kListedAnyway;
    for (const auto& rule : core::rules()) {
        for (auto article : rule.articles) reachable.insert(std::string(article));
    }
    for (const auto& a : shippedArticles()) {
        INFO(a.id);
        CHECK(reachable.count(a.id) == 1);
    }
}

TEST_CASE("guidance: the articles for where it hurt come first, in the order of the regions logged most", "[guidance]") {
    using V = std::vector<std::string>;
    CHECK(core::articlesForWhere({}).empty());
    CHECK(core::articlesForWhere({"inner"}) == V{"bakers_cyst"});
    CHECK(core::articlesForWhere({"centre"}) == V{"bakers_cyst"});
    CHECK(core::articlesForWhere({"outer"}) == V{"injuries"});
    CHECK(core::articlesForWhere({"above"}) == V{"injuries"});
    CHECK(core::articlesForWhere({"below"}) == V{"dvt", "injuries"});
    // Most logged first, each article once.
    CHECK(core::articlesForWhere({"below", "inner", "centre", "outer"}) == V{"dvt", "injuries", "bakers_cyst"});
    CHECK(core::articlesForWhere({"centre", "below", "inner"}) == V{"bakers_cyst", "dvt", "injuries"});
    CHECK(core::articlesForWhere({"knee", "outer"}) == V{"injuries"});
    // Every article named exists among the shipped pages.
    auto parsed = core::parseArticles(shippedFiles());
    REQUIRE(parsed.ok());
    for (const auto& id : core::articlesForWhere({"inner", "centre", "outer", "above", "below"})) {
        INFO(id);
        CHECK(std::any_of(parsed->begin(), parsed->end(), [&](const core::Article& a) { return a.id == id; }));
    }
}
