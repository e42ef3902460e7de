#include "core/bundle.hpp"

#include <limits>
#include <nlohmann/json.hpp>

#include "core/crypto/random.hpp"
#include "core/json_numbers.hpp"
#include "core/peg.hpp"
#include "core/profile.hpp"

namespace core {

namespace {

using nlohmann::json;

json episodeJson(const Episode& e) {
    json j = json::parse(episodeContent(e));
    j["uid"] = e.uid;
    j["edited"] = e.editedAtUtc;
    j["deleted"] = e.deletedAtUtc ? json(*e.deletedAtUtc) : json(nullptr);
    return j;
}

json alertJson(const ExchangeAlert& a) {
    return {{"entry", a.episodeUid},
            {"level", static_cast<int>(a.alert.level)},
            {"rules", a.alert.ruleIds},
            {"from_history", a.alert.fromHistory},
            {"shown", a.alert.shownAtUtc},
            {"acknowledged", a.alert.acknowledgedAtUtc ? json(*a.alert.acknowledgedAtUtc) : json(nullptr)}};
}

json checkinJson(const PegEntry& p) {
    const LocalDateTime& t = p.at;
    return {{"answered", {t.date.year, t.date.month, t.date.day, t.hour, t.minute, t.second, t.offsetMinutes}},
            {"recorded", p.recordedAtUtc},
            {"pain", p.pain},
            {"enjoyment", p.enjoyment},
            {"activity", p.activity}};
}

Error bad(const std::string& what) {
    return makeError(ErrorCode::Invalid, "The bundle could not be read: " + what + ". Nothing was changed.");
}

std::optional<int64_t> optionalTime(const json& j) {
    if (j.is_null()) return std::nullopt;
    return detail::wholeNumber<int64_t>(j);
}

int64_t whole(const json& j) { return detail::wholeNumber<int64_t>(j); }

// Checked like a save, except that an entry may be "in the future" of this device's clock.
Result<Episode> readEpisode(const json& j, std::size_t index) {
    const std::string where = "entry " + std::to_string(index + 1);
    auto e = episodeFromContent(j.dump());
    if (!e) return bad(where + " is incomplete");
    e->uid = j.at("uid").get<std::string>();
    e->editedAtUtc = whole(j.at("edited"));
    e->deletedAtUtc = optionalTime(j.at("deleted"));
    if (!crypto::isUuid(e->uid)) return bad(where + " has no valid id");
    if (e->startedAt.date.year > 9999) return bad(where + ": its date is not a valid day");
    normalize(*e);
    if (auto v = validate(*e, std::numeric_limits<int64_t>::max() / 4); !v) return bad(where + ": " + v.error().message);
    return *e;
}

Result<ExchangeAlert> readAlert(const json& j, std::size_t index) {
    ExchangeAlert a;
    a.episodeUid = j.at("entry").get<std::string>();
    const int level = detail::wholeNumber<int>(j.at("level"));
    if (level < static_cast<int>(Level::SelfCare) || level > static_cast<int>(Level::Emergency))
        return bad("alert " + std::to_string(index + 1) + " has an unknown level");
    a.alert.level = static_cast<Level>(level);
    a.alert.ruleIds = j.at("rules").get<std::vector<std::string>>();
    a.alert.fromHistory = j.at("from_history").get<bool>();
    a.alert.shownAtUtc = whole(j.at("shown"));
    a.alert.acknowledgedAtUtc = optionalTime(j.at("acknowledged"));
    if (a.alert.ruleIds.empty()) return bad("alert " + std::to_string(index + 1) + " names no rule");
    return a;
}

// Checked like a check-in being saved, except that it may be "in the future" of this device's clock.
Result<PegEntry> readCheckin(const json& j, std::size_t index) {
    PegEntry p;
    const json& t = j.at("answered");
    const auto n = [&](std::size_t i) { return detail::wholeNumber<int>(t.at(i)); };
    p.at = LocalDateTime{CivilDate{n(0), n(1), n(2)}, n(3), n(4), n(5), n(6)};
    p.recordedAtUtc = whole(j.at("recorded"));
    p.pain = detail::wholeNumber<int>(j.at("pain"));
    p.enjoyment = detail::wholeNumber<int>(j.at("enjoyment"));
    p.activity = detail::wholeNumber<int>(j.at("activity"));
    if (p.at.hour < 0 || p.at.hour > 23 || p.at.minute < 0 || p.at.minute > 59 || p.at.second < 0 || p.at.second > 59 ||
        p.at.offsetMinutes < -1080 || p.at.offsetMinutes > 1080)
        return bad("check-in " + std::to_string(index + 1) + " has no valid time");
    if (auto v = validatePeg(p, std::numeric_limits<int64_t>::max() / 4); !v)
        return bad("check-in " + std::to_string(index + 1) + ": " + v.error().message);
    return p;
}

Result<PersonSettings> readPerson(const json& j) {
    PersonSettings p;
    p.region = j.at("region").get<std::string>();
    p.regionEditedAtUtc = whole(j.at("region_edited"));
    p.risks = j.at("risks").get<std::string>();
    p.risksEditedAtUtc = whole(j.at("risks_edited"));
    if (!p.region.empty())
        if (auto r = checkRegionCode(p.region); !r) return bad("its region is unknown");
    p.risks = encodeRisks(decodeRisks(p.risks));  // unknown or damaged items dropped, as on reading
    return p;
}

Result<JournalSnapshot> readSnapshot(const json& root) {
    JournalSnapshot s;
    const json& entries = root.at("entries");
    for (std::size_t i = 0; i < entries.size(); ++i) {
        auto e = readEpisode(entries.at(i), i);
        if (!e) return e.error();
        s.episodes.push_back(std::move(*e));
    }
    for (const json& h : root.at("history"))
        s.history.push_back({h.at("entry").get<std::string>(), whole(h.at("edited")), h.at("content").get<std::string>(),
                             whole(h.at("kept"))});
    const json& alerts = root.at("alerts");
    for (std::size_t i = 0; i < alerts.size(); ++i) {
        auto a = readAlert(alerts.at(i), i);
        if (!a) return a.error();
        s.alerts.push_back(std::move(*a));
    }
    if (root.contains("checkins")) {  // bundles made before the weekly check-in have none
        const json& checkins = root.at("checkins");
        for (std::size_t i = 0; i < checkins.size(); ++i) {
            auto p = readCheckin(checkins.at(i), i);
            if (!p) return p.error();
            s.checkins.push_back(*p);
        }
    }
    auto person = readPerson(root.at("person"));
    if (!person) return person.error();
    s.person = std::move(*person);
    return s;
}

}  // namespace

std::string bundleJson(const JournalSnapshot& s, int64_t madeAtUtc) {
    json entries = json::array(), history = json::array(), alerts = json::array(), checkins = json::array();
    for (const Episode& e : s.episodes) entries.push_back(episodeJson(e));
    for (const HistoryRecord& h : s.history)
        history.push_back({{"entry", h.episodeUid}, {"edited", h.editedAtUtc}, {"content", h.content}, {"kept", h.keptAtUtc}});
    for (const ExchangeAlert& a : s.alerts) alerts.push_back(alertJson(a));
    for (const PegEntry& p : s.checkins) checkins.push_back(checkinJson(p));
    const json root = {{"kneelog_bundle", kBundleFormat},
                       {"made", madeAtUtc},
                       {"entries", std::move(entries)},
                       {"history", std::move(history)},
                       {"alerts", std::move(alerts)},
                       {"checkins", std::move(checkins)},
                       {"person",
                        {{"region", s.person.region},
                         {"region_edited", s.person.regionEditedAtUtc},
                         {"risks", s.person.risks},
                         {"risks_edited", s.person.risksEditedAtUtc}}}};
    return root.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<JournalSnapshot> parseBundle(std::string_view text) {
    const json root = json::parse(text, nullptr, false);
    if (!root.is_object() || !root.contains("kneelog_bundle")) return bad("it is not a KneeLog bundle's content");
    try {
        const int format = detail::wholeNumber<int>(root.at("kneelog_bundle"));
        if (format > kBundleFormat)
            return makeError(ErrorCode::TooNew, "This bundle was made by a newer KneeLog (bundle format " +
                                                    std::to_string(format) + "). Update KneeLog to import it.");
        if (format < 1) return bad("its format is unknown");
        return readSnapshot(root);
    } catch (const std::exception&) {  // json::exception, or a number out of range
        return bad("a part of it is missing or of the wrong kind");
    }
}

}  // namespace core
