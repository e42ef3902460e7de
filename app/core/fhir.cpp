#include "core/fhir.hpp"

#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "core/fhir_resources.hpp"
#include "core/json_write.hpp"

namespace core {

namespace {

using namespace fhir_detail;

// [SECTION] ids

uint64_t mix(uint64_t x) {  // splitmix64 finaliser
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

uint64_t hash(std::string_view key, uint64_t seed) {
    uint64_t h = seed;
    for (unsigned char c : key) h = (h ^ c) * 0x100000001b3ULL;
    return mix(h);
}

// A UUID (RFC 9562 version 8: derived, not random) from a key, so exports are reproducible.
std::string uuidFor(std::string_view key) {
    const uint64_t hi = hash(key, 0xcbf29ce484222325ULL);
    const uint64_t lo = hash(key, 0x84222325cbf29ce4ULL);
    unsigned char b[16];
    for (int i = 0; i < 8; ++i) {
        b[i] = static_cast<unsigned char>(hi >> (56 - 8 * i));
        b[8 + i] = static_cast<unsigned char>(lo >> (56 - 8 * i));
    }
    b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x80);
    b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(36);
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
        out += kHex[b[i] >> 4];
        out += kHex[b[i] & 0xF];
    }
    return out;
}

class Ids {
public:
    // A fresh id for `key` (a repeat key, e.g. two unsaved episodes alike, gets a new one).
    std::string make(const std::string& key) {
        std::string id = uuidFor(key);
        for (int n = 1; !m_used.insert(id).second; ++n) id = uuidFor(key + "#" + std::to_string(n));
        return id;
    }

private:
    std::unordered_set<std::string> m_used;
};

// What a Flag needs of the episode that raised it, kept while the episodes stream past.
struct Raised {
    std::string observationId;
    Episode episode;  // without its lists and note: the narrative names the time, the pain and the side
};

// One entry a line, written straight as JSON (core/fhir_resources.cpp) into a line reused for each.
struct Lines {
    std::string line;
    std::size_t written = 0;
};

template <class Write>
void put(Sink& out, Lines& lines, Write&& write) {
    lines.line.assign(lines.written++ == 0 ? "\n  " : ",\n  ");
    JsonWriter w(lines.line);
    write(w);
    out.write(lines.line);
}

}  // namespace

struct FhirWriter::State {
    Ids ids;
    std::string patientId;
    std::unordered_map<int64_t, std::optional<Raised>> raised;  // episodes with alerts: empty until seen
    std::vector<Alert> alerts;
    Lines lines;
};

FhirWriter::FhirWriter(Sink& out, const FhirOptions& options, std::size_t episodeCount, std::span<const Alert> alerts)
    : m_out(out), m_options(options), m_state(std::make_unique<State>()) {
    State& st = *m_state;
    st.alerts.assign(alerts.begin(), alerts.end());
    for (const Alert& a : alerts) st.raised.try_emplace(a.episodeId);
    const std::string bundleId = st.ids.make("bundle/" + std::to_string(options.generatedAtUtc) + "/" +
                                             std::to_string(episodeCount));
    st.patientId = st.ids.make("patient/" + options.patientName);
    m_out.write("{\n \"resourceType\": \"Bundle\",\n \"id\": \"" + bundleId + "\",\n \"type\": \"collection\",\n"
                " \"timestamp\": \"" + formatIsoUtc(options.generatedAtUtc) + "\",\n \"entry\": [");
    put(m_out, st.lines, [&](JsonWriter& w) { patientEntry(w, st.patientId, options.patientName); });
}

FhirWriter::~FhirWriter() = default;

void FhirWriter::add(std::span<const Episode> episodes) {
    State& st = *m_state;
    std::string key;
    for (const Episode& e : episodes) {
        if (e.deletedAtUtc) continue;
        const std::string effective = formatIso(e.startedAt);
        key.assign("episode/").append(std::to_string(e.id)).append("/").append(effective).append("/");
        key.append(std::to_string(e.recordedAtUtc));
        const std::string id = st.ids.make(key);
        if (auto it = st.raised.find(e.id); e.id != 0 && it != st.raised.end()) {
            Episode brief;
            brief.startedAt = e.startedAt;
            brief.pain = e.pain;
            brief.side = e.side;
            it->second = Raised{id, std::move(brief)};
        }
        put(m_out, st.lines, [&](JsonWriter& w) { observationEntry(w, e, effective, id, st.patientId); });
        if (e.temperatureTenths) {
            const std::string tid = st.ids.make("temperature/" + id);
            put(m_out, st.lines, [&](JsonWriter& w) { temperatureEntry(w, e, effective, tid, st.patientId, id); });
        }
    }
}

void FhirWriter::finish(std::span<const PegEntry> peg) {
    State& st = *m_state;
    for (const RiskMark& r : m_options.risks) {
        const std::string rid = st.ids.make("risk/" + r.name + "/" + std::to_string(r.setAtUtc));
        put(m_out, st.lines, [&](JsonWriter& w) { riskEntry(w, r.name, rid, st.patientId, r.setAtUtc); });
    }
    for (const Alert& a : st.alerts) {
        auto it = st.raised.find(a.episodeId);
        if (it == st.raised.end() || !it->second) continue;  // its episode is not in the bundle
        const std::string id = st.ids.make("alert/" + std::to_string(a.id) + "/" + std::to_string(a.shownAtUtc));
        const Raised& raised = *it->second;
        put(m_out, st.lines, [&](JsonWriter& w) {
            flagEntry(w, a, raised.episode, id, st.patientId, raised.observationId, m_options.region);
        });
    }
    if (!peg.empty()) {
        const std::string qid = st.ids.make("questionnaire/peg");
        put(m_out, st.lines, [&](JsonWriter& w) { pegQuestionnaireEntry(w, qid); });
        for (const PegEntry& p : peg) {
            const std::string id = st.ids.make("peg/" + std::to_string(p.id) + "/" + formatIso(p.at));
            put(m_out, st.lines, [&](JsonWriter& w) { pegResponseEntry(w, p, id, qid, st.patientId); });
        }
    }
    m_out.write("\n ]\n}\n");
}

std::string fhirBundle(std::span<const Episode> episodes, std::span<const Alert> alerts, const FhirOptions& options,
                       std::span<const PegEntry> peg) {
    StringSink out;
    FhirWriter writer(out, options, episodes.size(), alerts);
    writer.add(episodes);
    writer.finish(peg);
    return std::move(out.bytes);
}

}  // namespace core
