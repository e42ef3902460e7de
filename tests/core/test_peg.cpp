// The PEG weekly check-in and medication relief in core: validation, the score and its change in
// words, when the check-in and the relief prompt are offered, the per-medication relief summary,
// and both in the CSV and FHIR exports. The service calls run over the in-memory repository.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <set>

#include "core/csv.hpp"
#include "core/fhir.hpp"
#include "core/insights.hpp"
#include "core/journal.hpp"
#include "core/peg.hpp"
#include "core/relief.hpp"
#include "memory_repository.hpp"

using namespace core;

namespace {

const int64_t kNow = toUtcSeconds(LocalDateTime{{2026, 11, 27}, 12, 0, 0, 0});

PegEntry peg(CivilDate day, int pain, int enjoyment, int activity, int64_t id = 0) {
    PegEntry p;
    p.id = id;
    p.at = LocalDateTime{day, 18, 0, 0, 60};
    p.recordedAtUtc = toUtcSeconds(p.at);
    p.pain = pain;
    p.enjoyment = enjoyment;
    p.activity = activity;
    return p;
}

Episode medicated(int64_t id, int64_t recordedAgoSeconds, std::string medication = "Ibuprofen 400 mg") {
    Episode e;
    e.id = id;
    e.recordedAtUtc = kNow - recordedAgoSeconds;
    e.startedAt = localFromUtc(e.recordedAtUtc);
    e.pain = 5;
    e.medication = std::move(medication);
    return e;
}

struct Fixture {
    fakes::MemoryRepository repo;
    int64_t now = kNow;
    Journal journal{repo, [this] { return now; }};
};

}  // namespace

TEST_CASE("PEG: the score is the mean of the three answers, each checked 0-10", "[peg]") {
    const PegEntry p = peg({2026, 11, 20}, 7, 5, 4);
    CHECK(p.score() == Approx(16.0 / 3));
    CHECK(pegScoreText(p.score()) == "5.3");
    CHECK(validatePeg(p, kNow).ok());
    for (int PegEntry::*field : {&PegEntry::pain, &PegEntry::enjoyment, &PegEntry::activity}) {
        for (int bad : {-1, 11}) {
            PegEntry q = p;
            q.*field = bad;
            auto r = validatePeg(q, kNow);
            REQUIRE_FALSE(r.ok());
            CHECK(r.error().code == ErrorCode::Invalid);
            CHECK(r.error().message.find("0-10") != std::string::npos);
        }
    }
    PegEntry future = p;
    future.at = localFromUtc(kNow + 3600);
    CHECK_FALSE(validatePeg(future, kNow).ok());
    REQUIRE(pegQuestions().size() == 3);
    CHECK(pegQuestions()[1].text.find("enjoyment of life") != std::string_view::npos);
}

TEST_CASE("PEG: the change since the first check-in is marked against the 2-point threshold", "[peg]") {
    const std::vector<PegEntry> down = {peg({2026, 11, 8}, 8, 7, 7), peg({2026, 11, 15}, 6, 6, 6), peg({2026, 11, 22}, 5, 5, 5)};
    CHECK(pegChangeWords(down) == "Down 2.3 points since 8 Nov \u2014 a change of 2 or more is usually meaningful.");
    const std::vector<PegEntry> small = {peg({2026, 11, 8}, 5, 5, 5), peg({2026, 11, 15}, 6, 5, 5)};
    CHECK(pegChangeWords(small) == "Up 0.3 points since 8 Nov \u2014 less than 2, so no clear change yet.");
    CHECK(pegChangeWords(std::vector<PegEntry>{peg({2026, 11, 8}, 5, 5, 5)}).empty());
}

TEST_CASE("PEG: offered when nothing was answered or dismissed in the last 7 days", "[peg]") {
    const int64_t day = 86400;
    CHECK(pegDue(kNow, std::nullopt, std::nullopt));
    CHECK_FALSE(pegDue(kNow, kNow - 6 * day, std::nullopt));
    CHECK(pegDue(kNow, kNow - 7 * day, std::nullopt));
    CHECK_FALSE(pegDue(kNow, kNow - 30 * day, kNow - day));
    CHECK(pegDue(kNow, kNow - 30 * day, kNow - 8 * day));
}

TEST_CASE("PEG through the service: saved with its time, due again a week after done or dismissed", "[peg][journal]") {
    Fixture f;
    CHECK_FALSE(*f.journal.pegDue());  // an empty journal: not yet
    Episode first;
    first.startedAt = localFromUtc(kNow - 6 * 86400);
    first.pain = 3;
    REQUIRE(f.journal.add(first).ok());
    CHECK_FALSE(*f.journal.pegDue());  // a journal 6 days old: not yet
    first.startedAt = localFromUtc(kNow - 8 * 86400);
    REQUIRE(f.journal.add(first).ok());
    CHECK(*f.journal.pegDue());
    auto saved = f.journal.addPeg(peg({2026, 11, 26}, 6, 4, 5));
    REQUIRE(saved.ok());
    CHECK(saved->id > 0);
    CHECK(saved->recordedAtUtc == kNow);
    CHECK_FALSE(*f.journal.pegDue());
    f.now += 7 * 86400;
    CHECK(*f.journal.pegDue());
    REQUIRE(f.journal.dismissPeg().ok());
    CHECK_FALSE(*f.journal.pegDue());
    f.now += 7 * 86400;
    CHECK(*f.journal.pegDue());
    auto bad = f.journal.addPeg(peg({2026, 11, 26}, 6, 12, 5));
    REQUIRE_FALSE(bad.ok());
    CHECK(f.journal.pegEntries({})->size() == 1);
}

TEST_CASE("Relief: asked about an entry with medication logged 1 to 4 hours ago, once", "[relief]") {
    const std::vector<Episode> newestFirst = {medicated(3, 30 * 60), medicated(2, 2 * 3600), medicated(1, 5 * 3600)};
    auto ask = reliefToAsk(newestFirst, kNow, 0);
    REQUIRE(ask.has_value());
    CHECK(ask->id == 2);
    CHECK_FALSE(reliefToAsk(newestFirst, kNow, 2).has_value());  // already asked about
    std::vector<Episode> rated = newestFirst;
    rated[1].relief = 2;
    CHECK_FALSE(reliefToAsk(rated, kNow, 0).has_value());
    std::vector<Episode> none = newestFirst;
    none[1].medication.clear();
    CHECK_FALSE(reliefToAsk(none, kNow, 0).has_value());
    none[1].care = {"medication"};  // ticked, no name typed: still a medication
    CHECK(reliefToAsk(none, kNow, 0).has_value());
}

TEST_CASE("Relief through the service: set on entries with medication only, and the prompt is asked once", "[relief][journal]") {
    Fixture f;
    Episode plain = medicated(0, 2 * 3600, "");
    plain.startedAt = localFromUtc(kNow - 2 * 3600);
    auto withMed = f.journal.add(medicated(0, 2 * 3600));
    auto without = f.journal.add(plain);
    REQUIRE(withMed.ok());
    REQUIRE(without.ok());
    auto refused = f.journal.setRelief(without->id, Relief::Lot);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == ErrorCode::Invalid);
    CHECK(f.journal.setRelief(99, Relief::Lot).error().code == ErrorCode::NotFound);
    // add() records the entry now: the prompt waits an hour.
    CHECK_FALSE(f.journal.reliefToAsk()->has_value());
    f.now += 2 * 3600;
    auto ask = f.journal.reliefToAsk();
    REQUIRE(ask->has_value());
    CHECK((*ask)->id == withMed->id);
    REQUIRE(f.journal.reliefAsked(withMed->id).ok());
    CHECK_FALSE(f.journal.reliefToAsk()->has_value());
    REQUIRE(f.journal.setRelief(withMed->id, Relief::Lot).ok());
    CHECK(f.journal.episode(withMed->id)->value().relief == 2);
    REQUIRE(f.journal.setRelief(withMed->id, std::nullopt).ok());
    CHECK_FALSE(f.journal.episode(withMed->id)->value().relief.has_value());
}

TEST_CASE("Relief in the insights: distribution per medication, a mean from 8 ratings on", "[relief][insights]") {
    std::vector<Episode> list;
    int64_t id = 1;
    // ibuprofen: 10 ratings, 6 "a lot" and 4 "a little" -> mean 1.6; paracetamol: 3 ratings.
    for (int i = 0; i < 10; ++i) {
        Episode e = medicated(id++, (i + 1) * 86400, i % 2 ? "ibuprofen 200" : "Ibuprofen 400 mg");
        e.relief = i < 6 ? 2 : 1;
        list.push_back(e);
    }
    for (int i = 0; i < 3; ++i) {
        Episode e = medicated(id++, (i + 20) * 86400, "paracetamol");
        e.relief = 0;
        list.push_back(e);
    }
    list.push_back(medicated(id++, 40 * 86400, "naproxen"));  // no rating: not listed
    const Insights in = computeInsights(list);
    REQUIRE(in.relief.size() == 2);
    CHECK(in.relief[0].name == "ibuprofen");
    CHECK(in.relief[0].n == 10);
    CHECK(in.relief[0].counts == std::array<int, 4>{0, 4, 6, 0});
    REQUIRE(in.relief[0].mean.has_value());
    CHECK(*in.relief[0].mean == Approx(1.6));
    CHECK(reliefSentence(in.relief[0]).find("\u201Ca lot\u201D (1.6") != std::string::npos);
    CHECK(in.relief[1].name == "paracetamol");
    CHECK_FALSE(in.relief[1].mean.has_value());
    CHECK(reliefSentence(in.relief[1]).find("not enough ratings yet") != std::string::npos);
    CHECK(reliefSentence(in.relief[1]).find("5 more needed") != std::string::npos);
}

TEST_CASE("CSV: the PEG section follows the entries, and import reads the entries and skips it", "[peg][csv]") {
    Episode e = medicated(1, 3 * 86400);
    const std::vector<PegEntry> list = {peg({2026, 11, 8}, 7, 6, 5), peg({2026, 11, 15}, 4, 4, 3)};
    CHECK(pegSectionCsv({}).empty());
    const std::string section = pegSectionCsv(list);
    CHECK(section == "\r\npeg_at,peg_pain,peg_enjoyment,peg_activity,peg_score\r\n"
                     "2026-11-08T18:00:00+01:00,7,6,5,6.0\r\n2026-11-15T18:00:00+01:00,4,4,3,3.7\r\n");
    const std::string file = episodesToCsv(std::vector<Episode>{e}) + section;
    const CsvReadResult read = parseEpisodesCsv(file, kNow);
    INFO((read.problems.empty() ? std::string() : read.problems[0].reason));
    CHECK(read.problems.empty());
    REQUIRE(read.rows.size() == 1);
    CHECK(read.rows[0].episode.medication == e.medication);
    CHECK(read.pegRowsSkipped == 2);
    // A file without the section reads as before.
    CHECK(parseEpisodesCsv(episodesToCsv(std::vector<Episode>{e}), kNow).pegRowsSkipped == 0);
}

TEST_CASE("FHIR: each check-in is a QuestionnaireResponse whose Questionnaire is in the bundle", "[peg][fhir]") {
    const std::vector<PegEntry> list = {peg({2026, 11, 8}, 7, 6, 5, 1), peg({2026, 11, 15}, 4, 4, 3, 2)};
    FhirOptions o;
    o.generatedAtUtc = kNow;
    const auto b = nlohmann::json::parse(fhirBundle(std::vector<Episode>{medicated(1, 86400)}, {}, o, list));
    std::set<std::string> fullUrls;
    std::vector<nlohmann::json> questionnaires, responses;
    for (const auto& entry : b["entry"]) {
        fullUrls.insert(entry["fullUrl"].get<std::string>());
        if (entry["resource"]["resourceType"] == "Questionnaire") questionnaires.push_back(entry["resource"]);
        if (entry["resource"]["resourceType"] == "QuestionnaireResponse") responses.push_back(entry["resource"]);
    }
    REQUIRE(questionnaires.size() == 1);
    REQUIRE(responses.size() == 2);
    const auto& q = questionnaires[0];
    CHECK(fullUrls.count(q["url"].get<std::string>()) == 1);
    REQUIRE(q["item"].size() == 3);
    const std::vector<std::string> linkIds = {"pain", "enjoyment", "activity"};
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(q["item"][i]["linkId"] == linkIds[i]);
        CHECK(q["item"][i]["type"] == "integer");
        CHECK_FALSE(q["item"][i]["text"].get<std::string>().empty());
    }
    const auto& r = responses[0];
    CHECK(r["questionnaire"] == q["url"]);
    CHECK(r["status"] == "completed");
    CHECK(r["authored"] == "2026-11-08T18:00:00+01:00");
    CHECK(fullUrls.count(r["subject"]["reference"].get<std::string>()) == 1);
    CHECK(fullUrls.count(r["author"]["reference"].get<std::string>()) == 1);
    REQUIRE(r["item"].size() == 3);
    CHECK(r["item"][0]["linkId"] == "pain");
    CHECK(r["item"][0]["answer"][0]["valueInteger"] == 7);
    CHECK(r["item"][1]["answer"][0]["valueInteger"] == 6);
    CHECK(r["item"][2]["answer"][0]["valueInteger"] == 5);
    CHECK(responses[1]["item"][2]["answer"][0]["valueInteger"] == 3);
    // Without check-ins the bundle carries neither.
    const auto plain = nlohmann::json::parse(fhirBundle(std::vector<Episode>{medicated(1, 86400)}, {}, o));
    for (const auto& entry : plain["entry"]) CHECK(entry["resource"]["resourceType"] != "Questionnaire");
}
