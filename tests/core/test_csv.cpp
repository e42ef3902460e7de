#include <catch2/catch.hpp>

#include "core/csv.hpp"
#include "core/demo.hpp"

using namespace core;

namespace {

const int64_t kNow = toUtcSeconds(LocalDateTime{{2026, 11, 27}, 12, 0, 0, 60});
// The header of files written before red flags version 2: they must still import.
const std::string kHeader = "started_at,side,pain,type,onset,when,symptoms,care,medication,note,recorded_at\r\n";
const std::string kHeaderV2 =
    "started_at,side,pain,type,onset,when,symptoms,care,medication,note,recorded_at,leg,temperature,advice\r\n";
// The header since the knee map (issue 18): where behind the knee, last.
const std::string kHeaderV3 =
    "started_at,side,pain,type,onset,when,symptoms,care,medication,note,recorded_at,leg,temperature,advice,where\r\n";

Episode sample() {
    Episode e;
    e.startedAt = LocalDateTime{{2026, 11, 20}, 18, 30, 5, -300};
    e.recordedAtUtc = toUtcSeconds(e.startedAt) + 600;
    e.side = "left";
    e.pain = 6;
    e.painType = "throbbing";
    e.onset = "sudden";
    e.when = {"night", "stairs"};
    e.symptoms = {"calf_pain", "swelling"};
    e.care = {"ice", "medication"};
    e.leg = "right";
    e.temperatureTenths = 381;
    e.where = {"below", "inner"};
    e.medication = "ibuprofen 400 mg, twice";
    e.note = "Après la marche: \"ça tire\" derrière le genou;\r\nsecond line, with commas\nthird";
    return e;
}

// The problems of a file made of the header and `rows`.
std::vector<CsvProblem> problemsOf(const std::string& rows) { return parseEpisodesCsv(kHeader + rows, kNow).problems; }

std::string validRow() { return "2026-11-20T18:30:00+01:00,right,4,,,,,,,,\r\n"; }

}  // namespace

TEST_CASE("CSV round trip gives the same episodes, field for field", "[csv]") {
    std::vector<Episode> episodes = {sample(), Episode{}};
    episodes[1].startedAt = LocalDateTime{{2026, 1, 2}, 0, 0, 0, 0};
    episodes[1].recordedAtUtc = toUtcSeconds(episodes[1].startedAt);
    const std::string text = episodesToCsv(episodes);
    auto read = parseEpisodesCsv(text, kNow);
    INFO((read.problems.empty() ? "" : read.problems.front().reason));
    REQUIRE(read.problems.empty());
    REQUIRE(read.rows.size() == 2);
    CHECK(read.rows[0].episode == episodes[0]);
    CHECK(read.rows[1].episode == episodes[1]);
    CHECK(read.rows[0].line == 2);
    CHECK(read.rows[1].line == 5);  // the first row's note spans three lines
}

TEST_CASE("CSV round trip of two years of demo data is exact", "[csv]") {
    auto episodes = demoEpisodes(CivilDate{2026, 11, 25}, 730, 3, 60);
    for (auto& e : episodes) e.recordedAtUtc = toUtcSeconds(e.startedAt) + 60;
    auto read = parseEpisodesCsv(episodesToCsv(episodes), kNow);
    REQUIRE(read.problems.empty());
    REQUIRE(read.rows.size() == episodes.size());
    for (std::size_t i = 0; i < episodes.size(); ++i) CHECK(read.rows[i].episode == episodes[i]);
}

TEST_CASE("the CSV writer follows RFC 4180", "[csv]") {
    const std::string text = episodesToCsv(std::vector<Episode>{sample()});
    CHECK(text.rfind(kHeaderV3, 0) == 0);
    CHECK(text.find(",right,38.1,self_care,below;inner\r\n") != std::string::npos);
    CHECK(text.find("2026-11-20T18:30:05-05:00,left,6,throbbing,sudden,night;stairs,calf_pain;swelling,ice;medication,"
                    "\"ibuprofen 400 mg, twice\",\"Après la marche: \"\"ça tire\"\"") != std::string::npos);
    CHECK(text.substr(text.size() - 2) == "\r\n");
}

TEST_CASE("CSV reading accepts a BOM, LF line ends and blank lines", "[csv]") {
    auto read = parseEpisodesCsv("\xEF\xBB\xBFstarted_at,side,pain,type,onset,when,symptoms,care,medication,note,recorded_at\n"
                                 "\n2026-11-20T18:30:00Z,both,0,,,,,,,,\n",
                                 kNow);
    REQUIRE(read.problems.empty());
    REQUIRE(read.rows.size() == 1);
    CHECK(read.rows[0].line == 3);
    CHECK(read.rows[0].episode.side == "both");
    CHECK(read.rows[0].episode.recordedAtUtc == 0);
}

TEST_CASE("CSV: a wrong header refuses the file", "[csv]") {
    auto read = parseEpisodesCsv("when,pain\r\n" + validRow(), kNow);
    REQUIRE(read.problems.size() == 1);
    CHECK(read.problems[0].line == 1);
    CHECK(read.problems[0].reason.find("header") != std::string::npos);
    CHECK(read.rows.empty());
    CHECK(parseEpisodesCsv("", kNow).problems.size() == 1);
}

TEST_CASE("CSV: each bad row is reported with its line and reason", "[csv]") {
    auto problems = problemsOf(validRow() + "2026-13-01T10:00:00+01:00,left,3,,,,,,,,\r\n" +  // line 3
                               "2026-11-20T10:00:00+01:00,left,11,,,,,,,,\r\n" +              // line 4
                               "2026-11-20T10:00:00+01:00,left,3,,,,limp,,,,\r\n" +           // line 5
                               "2026-11-20T10:00:00+01:00,left,3,,,\r\n" +                    // line 6
                               "2026-11-20 10:00,left,3,,,,,,,,\r\n" +                         // line 7
                               "2027-11-20T10:00:00+01:00,left,3,,,,,,,,\r\n" +                // line 8: future
                               "2026-11-20T10:00:00+01:00,up,3,dull,,,,,,,\r\n");             // line 9
    REQUIRE(problems.size() == 7);
    CHECK(problems[0].line == 3);
    CHECK(problems[0].reason.find("started_at") == 0);
    CHECK(problems[1].line == 4);
    CHECK(problems[1].reason.find("pain: '11' is not a whole number from 0 to 10") == 0);
    CHECK(problems[2].line == 5);
    CHECK(problems[2].reason.find("symptoms: 'limp' is not one of:") == 0);
    CHECK(problems[3].line == 6);
    CHECK(problems[3].reason.find("6 columns; every row needs 11") == 0);
    CHECK(problems[4].line == 7);
    CHECK(problems[4].reason.find("no UTC offset") != std::string::npos);
    CHECK(problems[5].line == 8);
    CHECK(problems[5].reason.find("future") != std::string::npos);
    CHECK(problems[6].line == 9);
    CHECK(problems[6].reason.find("side: 'up'") == 0);
}

TEST_CASE("CSV: quotes must balance and stand around whole fields", "[csv]") {
    auto unbalanced = problemsOf(validRow() + "2026-11-20T10:00:00+01:00,left,3,,,,,,,\"never closed\r\n" + validRow());
    REQUIRE(unbalanced.size() == 1);
    CHECK(unbalanced[0].line == 3);
    CHECK(unbalanced[0].reason.find("unbalanced quote") == 0);

    auto inside = problemsOf("2026-11-20T10:00:00+01:00,left,3,,,,,,,say \"hi\",\r\n" + validRow());
    REQUIRE(inside.size() == 1);
    CHECK(inside[0].line == 2);
    CHECK(inside[0].reason.find("a quote inside an unquoted field") == 0);

    auto after = problemsOf("2026-11-20T10:00:00+01:00,left,3,,,,,,,\"a\"b,\r\n");
    REQUIRE(after.size() == 1);
    CHECK(after[0].reason.find("text after a closing quote") == 0);
}

TEST_CASE("CSV: several reasons in one row are all named", "[csv]") {
    auto problems = problemsOf("2026-11-20T10:00:00+01:00,left,x,sore,,,,dance,,,\r\n");
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].reason.find("pain:") != std::string::npos);
    CHECK(problems[0].reason.find("type: 'sore'") != std::string::npos);
    CHECK(problems[0].reason.find("care: 'dance'") != std::string::npos);
}

TEST_CASE("CSV: the leg and temperature columns are read, and checked", "[csv]") {
    auto read = parseEpisodesCsv(kHeaderV2 + "2026-11-20T18:30:00+01:00,both,4,,,,calf_pain,,,,,left,38.5,urgent\r\n", kNow);
    REQUIRE(read.problems.empty());
    REQUIRE(read.rows.size() == 1);
    CHECK(read.rows[0].episode.leg == "left");
    CHECK(read.rows[0].episode.temperatureTenths == std::optional<int>(385));
    auto bad = parseEpisodesCsv(kHeaderV2 + "2026-11-20T18:30:00+01:00,both,4,,,,,,,,,elbow,45,\r\n", kNow);
    REQUIRE(bad.problems.size() == 1);
    CHECK(bad.problems[0].reason.find("leg: 'elbow' is not one of: left, right, both") != std::string::npos);
    CHECK(bad.problems[0].reason.find("temperature: '45'") != std::string::npos);
    // A file written before version 2 (11 columns) still imports; a v2 header needs 13 columns per row.
    CHECK(parseEpisodesCsv(kHeader + validRow(), kNow).problems.empty());
    auto mixed = parseEpisodesCsv(kHeaderV2 + validRow(), kNow);
    REQUIRE(mixed.problems.size() == 1);
    CHECK(mixed.problems[0].reason.find("11 columns; every row needs 14") != std::string::npos);
}

TEST_CASE("CSV: free text a spreadsheet would run as a formula is guarded, and import restores it exactly", "[csv]") {
    std::vector<Episode> episodes;
    for (const char* text : {"=HYPERLINK(\"http://x\",\"click\")", "+1+2", "-5 after stairs", "@SUM(A1)", "\tindented",
                             "\rcarriage", "'quoted already", "''two", "plain = fine", "ok"}) {
        Episode e = sample();
        e.note = text;
        e.medication = text;
        episodes.push_back(e);
    }
    const std::vector<Alert> alerts = {Alert{1, 0, Level::Urgent, {"U1"}, false, 0, {}}};
    const std::string csv = episodesToCsv(episodes, alerts);
    // No cell starts with a formula character: every such note and medication begins with '.
    CHECK(csv.find(",=") == std::string::npos);
    CHECK(csv.find(",+1") == std::string::npos);
    CHECK(csv.find(",@") == std::string::npos);
    CHECK(csv.find(",-5") == std::string::npos);
    CHECK(csv.find("\"'=HYPERLINK(") != std::string::npos);
    CHECK(csv.find(",'+1+2,") != std::string::npos);
    CHECK(csv.find(",plain = fine,") != std::string::npos);
    auto read = parseEpisodesCsv(csv, kNow);
    INFO((read.problems.empty() ? "" : read.problems.front().reason));
    REQUIRE(read.problems.empty());
    REQUIRE(read.rows.size() == episodes.size());
    for (std::size_t i = 0; i < episodes.size(); ++i) {
        CHECK(read.rows[i].episode.note == episodes[i].note);
        CHECK(read.rows[i].episode.medication == episodes[i].medication);
    }
}

TEST_CASE("CSV: the advice column is the highest level the episode's save raised", "[csv]") {
    std::vector<Episode> episodes = {sample(), sample(), sample()};
    episodes[0].id = 1;
    episodes[1].id = 2;
    episodes[2].id = 3;
    const std::vector<Alert> alerts = {Alert{1, 1, Level::Soon, {"H1"}, true, 0, {}},
                                       Alert{2, 1, Level::Urgent, {"U1"}, false, 0, {}},
                                       Alert{3, 2, Level::Soon, {"S5"}, false, 0, {}}};
    const std::string csv = episodesToCsv(episodes, alerts);
    std::vector<std::string> lastCells;
    std::size_t pos = 0;
    while ((pos = csv.find("\r\n", pos)) != std::string::npos) {
        // The advice is the last cell but one (the knee map's where comes last).
        const std::size_t end = csv.rfind(',', pos);
        const std::size_t start = csv.rfind(',', end - 1) + 1;
        lastCells.push_back(csv.substr(start, end - start));
        pos += 2;
    }
    // The first sample note spans lines inside quotes; count the row ends that carry a level.
    std::vector<std::string> levels;
    for (const auto& c : lastCells)
        if (c == "urgent" || c == "soon" || c == "self_care" || c == "emergency") levels.push_back(c);
    CHECK(levels == std::vector<std::string>{"urgent", "soon", "self_care"});
}

TEST_CASE("CSV: the where column is written last, read, checked, and older files still import", "[csv]") {
    const std::string csv = episodesToCsv(std::vector<Episode>{sample()});
    CHECK(csv.rfind(kHeaderV3, 0) == 0);
    CHECK(csv.find(",self_care,below;inner\r\n") != std::string::npos);
    auto read = parseEpisodesCsv(kHeaderV3 + "2026-11-20T18:30:00+01:00,left,4,,,,,,,,,,,,outer; centre;above\r\n", kNow);
    INFO((read.problems.empty() ? "" : read.problems.front().reason));
    REQUIRE(read.problems.empty());
    REQUIRE(read.rows.size() == 1);
    CHECK(read.rows[0].episode.where == std::vector<std::string>{"above", "centre", "outer"});
    auto bad = parseEpisodesCsv(kHeaderV3 + "2026-11-20T18:30:00+01:00,left,4,,,,,,,,,,,,middle\r\n", kNow);
    REQUIRE(bad.problems.size() == 1);
    CHECK(bad.problems[0].reason.find("where: 'middle' is not one of: inner, centre, outer, above, below") !=
          std::string::npos);
    // A file from before the knee map (14 columns) imports with no region, free text unguarded as before.
    auto v2 = parseEpisodesCsv(kHeaderV2 + "2026-11-20T18:30:00+01:00,both,4,,,,calf_pain,,,'=x,,left,,urgent\r\n", kNow);
    REQUIRE(v2.problems.empty());
    REQUIRE(v2.rows.size() == 1);
    CHECK(v2.rows[0].episode.where.empty());
    CHECK(v2.rows[0].episode.note == "=x");
    // Rows must match their header's width.
    auto mixed = parseEpisodesCsv(kHeaderV3 + "2026-11-20T18:30:00+01:00,both,4,,,,,,,,,left,,urgent\r\n", kNow);
    REQUIRE(mixed.problems.size() == 1);
    CHECK(mixed.problems[0].reason.find("14 columns; every row needs 15") != std::string::npos);
}
