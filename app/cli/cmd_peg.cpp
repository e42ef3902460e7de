// kneelog peg (the weekly check-in) and kneelog relief (how much an entry's medication helped).
#include <charconv>
#include <cstdio>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "core/journal.hpp"
#include "core/peg.hpp"
#include "core/relief.hpp"

namespace cli {

namespace {

core::Result<int> answer(std::string_view flag, const std::string& text) {
    int v = -1;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || ptr != text.data() + text.size() || v < 0 || v > 10)
        return core::makeError(core::ErrorCode::Invalid, "--" + std::string(flag) + ": '" + text.substr(0, 20) +
                                                             "' is not a whole number from 0 to 10. Nothing was saved.");
    return v;
}

// The check-in from --pain, --enjoyment, --activity and --at: all three answers or none.
core::Result<core::PegEntry> pegFromOptions(const Invocation& inv) {
    core::PegEntry p;
    std::string missing;
    for (const core::PegQuestion& q : core::pegQuestions()) {
        auto text = inv.get(q.id);
        if (!text) {
            missing += (missing.empty() ? "--" : ", --") + std::string(q.id);
            continue;
        }
        auto v = answer(q.id, *text);
        if (!v) return v.error();
        p.*q.field = *v;
    }
    if (!missing.empty())
        return core::makeError(core::ErrorCode::Invalid, "the check-in needs all three answers (--pain, --enjoyment, "
                                                         "--activity, each 0-10); missing: " + missing +
                                                             ". Nothing was saved.");
    if (auto at = inv.get("at")) {
        auto t = core::parseDateTime(*at);
        if (!t) return core::makeError(core::ErrorCode::Invalid, "at: " + t.error().message);
        p.at = *t;
    } else {
        p.at = core::localFromUtc(core::nowUtc());
    }
    return p;
}

nlohmann::json pegJson(const core::PegEntry& p) {
    return {{"at", core::formatIso(p.at)}, {"pain", p.pain}, {"enjoyment", p.enjoyment}, {"activity", p.activity},
            {"score", p.score()}};
}

int listPeg(Invocation& inv) {
    auto store = openJournal(inv, Access::Read);
    if (!store) return kExitFailure;
    core::Journal journal(*store);
    auto list = journal.pegEntries({});
    if (!list) return fail(list.error());
    if (inv.has("json")) {
        nlohmann::json arr = nlohmann::json::array();
        for (const auto& p : *list) arr.push_back(pegJson(p));
        std::printf("%s\n", arr.dump(2).c_str());
        return kExitOk;
    }
    if (list->empty()) {
        std::printf("No weekly check-ins yet. Answer one with: kneelog peg --pain N --enjoyment N --activity N\n");
        return kExitOk;
    }
    std::printf("%-10s %-5s %-5s %-4s %-9s %s\n", "day", "time", "score", "pain", "enjoyment", "activity");
    for (const auto& p : *list)
        std::printf("%-10s %-5s %-5s %-4d %-9d %d\n", core::formatDate(p.at.date).c_str(), core::formatTime(p.at).c_str(),
                    core::pegScoreText(p.score()).c_str(), p.pain, p.enjoyment, p.activity);
    if (auto words = core::pegChangeWords(*list); !words.empty()) std::printf("\n%s\n", words.c_str());
    std::printf("The score is the mean of the three answers (0-10; lower is better).\n");
    return kExitOk;
}

}  // namespace

int cmdPeg(Invocation& inv) {
    bool answering = inv.has("at");
    for (const core::PegQuestion& q : core::pegQuestions()) answering = answering || inv.has(q.id);
    if (!answering) return listPeg(inv);
    auto p = pegFromOptions(inv);
    if (!p) return fail(p.error());
    if (auto v = core::validatePeg(*p, core::nowUtc()); !v) return fail(v.error());  // before the file is touched
    auto store = openJournal(inv);
    if (!store) return kExitFailure;
    core::Journal journal(*store);
    auto saved = journal.addPeg(*p);
    if (!saved) return fail(saved.error());
    if (inv.has("json")) std::printf("%s\n", pegJson(*saved).dump(2).c_str());
    else std::printf("PEG score %s (pain %d, enjoyment of life %d, general activity %d)\n",
                     core::pegScoreText(saved->score()).c_str(), saved->pain, saved->enjoyment, saved->activity);
    return kExitOk;
}

int cmdRelief(Invocation& inv) {
    long long id = 0;
    const std::string& text = inv.positional.front();
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc() || ptr != text.data() + text.size() || id <= 0)
        return usageError("relief: '" + text.substr(0, 20) + "' is not an episode id");
    const auto rating = inv.get("rating");
    if (rating.has_value() == inv.has("clear"))
        return usageError("relief: give --rating " + core::validNames(core::reliefTerms()) + ", or --clear");
    std::optional<core::Relief> relief;
    if (rating) {
        relief = core::reliefFromName(*rating);
        if (!relief)
            return usageError("--rating: '" + rating->substr(0, 20) + "' is not one of: " +
                              core::validNames(core::reliefTerms()));
    }
    auto store = openJournal(inv, Access::Write);
    if (!store) return kExitFailure;
    core::Journal journal(*store);
    if (auto r = journal.setRelief(id, relief); !r) return fail(r.error());
    if (relief) std::printf("Episode %lld: relief \"%s\".\n", id, std::string(core::reliefLabel(*relief)).c_str());
    else std::printf("Episode %lld: relief rating removed.\n", id);
    return kExitOk;
}

}  // namespace cli
