#include "core/merge.hpp"

#include "core/journal.hpp"
#include "core/json_numbers.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <nlohmann/json.hpp>
#include <tuple>

namespace core {

namespace {

using nlohmann::json;

// A merged entry: the winning content, the later edit time, and the deletion that stands.
struct Outcome {
    Episode episode;
    std::optional<HistoryRecord> kept;  // the losing version, when its content differs
};

bool remoteWins(const Episode& local, const Episode& remote, const std::string& localText,
                const std::string& remoteText) {
    if (remote.editedAtUtc != local.editedAtUtc) return remote.editedAtUtc > local.editedAtUtc;
    return remoteText > localText;  // a tie: the greater text, the same choice on both devices
}

Outcome mergeEntry(const Episode& local, const Episode& remote, int64_t nowUtc) {
    const std::string localText = episodeContent(local), remoteText = episodeContent(remote);
    const bool takeRemote = remoteWins(local, remote, localText, remoteText);
    const Episode& winner = takeRemote ? remote : local;
    const Episode& loser = takeRemote ? local : remote;
    Outcome out;
    out.episode = winner;
    out.episode.id = local.id;
    out.episode.uid = local.uid;
    out.episode.editedAtUtc = std::max(local.editedAtUtc, remote.editedAtUtc);
    // The latest deletion on either side stands unless the content was edited after it.
    std::optional<int64_t> deleted = local.deletedAtUtc;
    if (remote.deletedAtUtc && (!deleted || *remote.deletedAtUtc > *deleted)) deleted = remote.deletedAtUtc;
    out.episode.deletedAtUtc = deleted && out.episode.editedAtUtc <= *deleted ? deleted : std::nullopt;
    if (localText != remoteText)
        out.kept = HistoryRecord{local.uid, loser.editedAtUtc, takeRemote ? localText : remoteText, nowUtc};
    return out;
}

// Sorted, unique: the alert's identity on every device.
auto alertKey(const std::string& uid, const Alert& a) {
    return std::tuple(uid, a.fromHistory, a.ruleIds, a.shownAtUtc, static_cast<int>(a.level));
}

void mergeAlerts(const JournalSnapshot& local, const JournalSnapshot& remote, const std::map<std::string, int64_t>& localIds,
                 MergePlan& plan) {
    using Key = decltype(alertKey(std::string(), Alert()));
    std::map<Key, const Alert*> mine;
    for (const ExchangeAlert& a : local.alerts) mine.emplace(alertKey(a.episodeUid, a.alert), &a.alert);
    std::map<std::string, std::size_t> added;  // uid -> position in plan.write.add
    for (std::size_t i = 0; i < plan.write.add.size(); ++i) added[plan.write.add[i].first.uid] = i;
    std::set<Key> seen;
    for (const ExchangeAlert& r : remote.alerts) {
        const Key key = alertKey(r.episodeUid, r.alert);
        if (!seen.insert(key).second) continue;
        Alert a = r.alert;
        a.id = 0;
        if (auto it = mine.find(key); it != mine.end()) {
            const auto& ack = it->second->acknowledgedAtUtc;
            if (a.acknowledgedAtUtc && (!ack || *a.acknowledgedAtUtc < *ack))
                plan.write.acknowledge.emplace_back(it->second->id, *a.acknowledgedAtUtc);  // the first one counts
        } else if (auto at = added.find(r.episodeUid); at != added.end()) {
            plan.write.add[at->second].second.push_back(std::move(a));
        } else if (auto id = localIds.find(r.episodeUid); id != localIds.end()) {
            a.episodeId = id->second;
            plan.write.addAlerts.push_back(std::move(a));
        }  // an alert of an entry the bundle does not carry: nothing to attach it to
    }
}

void mergeHistory(const JournalSnapshot& local, const std::vector<HistoryRecord>& incoming, MergePlan& plan) {
    const auto known = [&](const HistoryRecord& h) {
        const auto same = [&](const HistoryRecord& k) { return k.sameVersion(h); };
        return std::any_of(local.history.begin(), local.history.end(), same) ||
               std::any_of(plan.write.history.begin(), plan.write.history.end(), same);
    };
    for (const HistoryRecord& h : incoming)
        if (!known(h)) plan.write.history.push_back(h);
}

// Counts and stores one entry the bundle carries.
void mergeOne(const Episode* mine, const Episode& theirs, int64_t nowUtc, MergePlan& plan,
              std::vector<HistoryRecord>& kept) {
    if (!mine) {
        Episode e = theirs;
        e.id = 0;
        if (!e.deletedAtUtc) {
            ++plan.counts.added;
            plan.retriage.push_back(e.uid);
        } else {
            ++plan.counts.unchanged;  // a deletion of an entry never seen here: kept so it travels on
        }
        plan.write.add.emplace_back(std::move(e), std::vector<Alert>{});
        return;
    }
    Outcome o = mergeEntry(*mine, theirs, nowUtc);
    if (o.kept) kept.push_back(std::move(*o.kept));
    if (o.episode == *mine) {
        ++plan.counts.unchanged;
        return;
    }
    const bool wasLive = !mine->deletedAtUtc, isLive = !o.episode.deletedAtUtc;
    const bool contentChanged = episodeContent(o.episode) != episodeContent(*mine);
    if (wasLive && !isLive) ++plan.counts.deleted;
    else if (isLive && (contentChanged || !wasLive)) ++plan.counts.updated;
    else ++plan.counts.unchanged;  // only times of a hidden entry changed
    if (isLive && (contentChanged || !wasLive)) plan.retriage.push_back(o.episode.uid);
    plan.write.update.push_back(std::move(o.episode));
}

// Check-ins are never edited or deleted (only "delete all my data" removes them), so a merge is
// their union: each one the journal does not have yet is added, once.
void mergeCheckins(const JournalSnapshot& local, const JournalSnapshot& remote, MergePlan& plan) {
    std::vector<PegEntry> known = local.checkins;
    for (const PegEntry& p : remote.checkins) {
        if (std::any_of(known.begin(), known.end(), [&](const PegEntry& k) { return sameCheckin(k, p); })) continue;
        known.push_back(p);
        PegEntry added = p;
        added.id = 0;
        plan.write.addPeg.push_back(added);
        ++plan.counts.checkinsAdded;
    }
}

}  // namespace

bool sameCheckin(const PegEntry& a, const PegEntry& b) {
    const auto key = [](const PegEntry& p) {
        return std::tuple(p.at.date.year, p.at.date.month, p.at.date.day, p.at.hour, p.at.minute, p.at.second,
                          p.at.offsetMinutes, p.recordedAtUtc, p.pain, p.enjoyment, p.activity);
    };
    return key(a) == key(b);
}

bool MergePlan::empty() const {
    return write.add.empty() && write.update.empty() && write.addAlerts.empty() && write.acknowledge.empty() &&
           write.history.empty() && write.settings.empty() && write.addPeg.empty();
}

std::string episodeContent(const Episode& e) {
    const LocalDateTime& t = e.startedAt;
    json j = {{"started", {t.date.year, t.date.month, t.date.day, t.hour, t.minute, t.second, t.offsetMinutes}},
              {"recorded", e.recordedAtUtc},
              {"side", e.side},
              {"leg", e.leg},
              {"temperature", e.temperatureTenths ? json(*e.temperatureTenths) : json(nullptr)},
              {"pain", e.pain},
              {"pain_type", e.painType},
              {"onset", e.onset},
              {"when", e.when},
              {"symptoms", e.symptoms},
              {"care", e.care},
              {"where", e.where},
              {"medication", e.medication},
              {"relief", e.relief ? json(*e.relief) : json(nullptr)},
              {"note", e.note}};
    return j.dump(-1, ' ', false, json::error_handler_t::replace);  // keys sorted: one text per content
}

std::optional<Episode> episodeFromContent(const std::string& content) {
    const json j = json::parse(content, nullptr, false);
    if (!j.is_object()) return std::nullopt;
    try {
        Episode e;
        const auto& s = j.at("started");
        const auto n = [&](std::size_t i) { return detail::wholeNumber<int>(s.at(i)); };
        e.startedAt = LocalDateTime{CivilDate{n(0), n(1), n(2)}, n(3), n(4), n(5), n(6)};
        e.recordedAtUtc = detail::wholeNumber<int64_t>(j.at("recorded"));
        e.side = j.at("side").get<std::string>();
        e.leg = j.at("leg").get<std::string>();
        if (!j.at("temperature").is_null()) e.temperatureTenths = detail::wholeNumber<int>(j.at("temperature"));
        e.pain = detail::wholeNumber<int>(j.at("pain"));
        e.painType = j.at("pain_type").get<std::string>();
        e.onset = j.at("onset").get<std::string>();
        e.when = j.at("when").get<std::vector<std::string>>();
        e.symptoms = j.at("symptoms").get<std::vector<std::string>>();
        e.care = j.at("care").get<std::vector<std::string>>();
        e.medication = j.at("medication").get<std::string>();
        e.note = j.at("note").get<std::string>();
        // The knee map and the relief rating came later: a content without them has none.
        if (j.contains("where")) e.where = j.at("where").get<std::vector<std::string>>();
        if (j.contains("relief") && !j.at("relief").is_null()) e.relief = detail::wholeNumber<int>(j.at("relief"));
        return e;
    } catch (const std::exception&) {  // json::exception, or a number out of range
        return std::nullopt;
    }
}

PersonSettings mergePerson(const PersonSettings& local, const PersonSettings& remote) {
    PersonSettings out = local;
    if (std::tie(remote.regionEditedAtUtc, remote.region) > std::tie(local.regionEditedAtUtc, local.region)) {
        out.region = remote.region;
        out.regionEditedAtUtc = remote.regionEditedAtUtc;
    }
    if (std::tie(remote.risksEditedAtUtc, remote.risks) > std::tie(local.risksEditedAtUtc, local.risks)) {
        out.risks = remote.risks;
        out.risksEditedAtUtc = remote.risksEditedAtUtc;
    }
    return out;
}

MergePlan merge(const JournalSnapshot& local, const JournalSnapshot& remote, int64_t nowUtc) {
    MergePlan plan;
    std::map<std::string, const Episode*> mine;
    std::map<std::string, int64_t> localIds;
    for (const Episode& e : local.episodes) {
        mine.emplace(e.uid, &e);
        localIds.emplace(e.uid, e.id);
    }
    std::vector<HistoryRecord> kept = remote.history;
    std::set<std::string> seen;
    for (const Episode& theirs : remote.episodes) {
        if (theirs.uid.empty() || !seen.insert(theirs.uid).second) continue;  // a bundle lists an entry once
        const auto it = mine.find(theirs.uid);
        mergeOne(it == mine.end() ? nullptr : it->second, theirs, nowUtc, plan, kept);
    }
    mergeHistory(local, kept, plan);
    mergeAlerts(local, remote, localIds, plan);
    mergeCheckins(local, remote, plan);
    const PersonSettings person = mergePerson(local.person, remote.person);
    if (person.region != local.person.region || person.regionEditedAtUtc != local.person.regionEditedAtUtc) {
        plan.write.settings.emplace_back(kRegionKey, person.region);
        plan.write.settings.emplace_back(kRegionEditedKey, std::to_string(person.regionEditedAtUtc));
    }
    if (person.risks != local.person.risks || person.risksEditedAtUtc != local.person.risksEditedAtUtc) {
        plan.write.settings.emplace_back(kRisksKey, person.risks);
        plan.write.settings.emplace_back(kRisksEditedKey, std::to_string(person.risksEditedAtUtc));
    }
    return plan;
}

}  // namespace core
