// The demo history. Everything is driven by splitmix64 and integer arithmetic, so a seed gives
// the same journal on every platform and compiler.
#include "core/demo.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <span>
#include <string_view>

namespace core {

namespace {

class Random {
public:
    explicit Random(uint64_t seed) : m_state(seed) {}
    uint64_t next() {
        uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    int below(int n) { return static_cast<int>(next() % static_cast<uint64_t>(n)); }
    int between(int lo, int hi) { return lo + below(hi - lo + 1); }
    bool chance(int perMille) { return below(1000) < perMille; }

private:
    uint64_t m_state;
};

struct Weighted {
    std::string_view name;
    int weight;
};

// Picks one entry with probability proportional to its weight.
std::string_view pick(Random& rng, std::span<const Weighted> table) {
    int total = 0;
    for (const auto& w : table) total += w.weight;
    int roll = rng.below(total);
    for (const auto& w : table) {
        if (roll < w.weight) return w.name;
        roll -= w.weight;
    }
    return table.back().name;
}

constexpr Weighted kSides[] = {{"right", 70}, {"left", 13}, {"both", 12}, {"", 5}};
constexpr Weighted kQuietTypes[] = {{"aching", 45}, {"dull", 35}, {"sharp", 10}, {"throbbing", 5}, {"", 5}};
constexpr Weighted kFlareTypes[] = {{"throbbing", 25}, {"sharp", 30}, {"aching", 30},
                                    {"burning", 5},    {"dull", 5},   {"", 5}};
constexpr Weighted kMedications[] = {
    {"ibuprofen 400 mg", 40}, {"paracetamol 1 g", 35}, {"naproxen 250 mg", 15}, {"diclofenac gel", 10}};

constexpr std::string_view kNotes[] = {
    "Long day at the desk; stiff when I got up.",
    "Après la randonnée, genou raide et un peu gonflé.",
    "Treppe runter war schlimm – Knie fühlt sich „voll“ an.",
    "Dolor detrás de la rodilla al subir escaleras.",
    "Slept badly, knee ached around 3am.",
    "Physio: hamstring stretches ×3, calf raises.",
    "Good day — walked 5 km without much pain 🙂",
    "Kneeling in the garden for an hour. Mistake.",
    "Ice helped after 20 minutes.\nStill sore on the stairs.",
    "Ból pod kolanem po długim siedzeniu w samochodzie.",
    "Asked the pharmacist about \"anti-inflammatory gel\".",
    "ألم خلف الركبة بعد المشي",
};

// A set of symptoms that raises an urgent or emergency alert; a few per year.
constexpr std::array<std::array<std::string_view, 3>, 7> kRedFlags = {{
    {"calf_pain", "calf_swelling", "warmth"},
    {"swelling", "warmth", "fever"},
    {"cannot_bear_weight", "swelling", ""},
    {"redness", "warmth", ""},
    {"cannot_straighten", "", ""},
    {"breathless", "calf_swelling", "leg_swelling"},
    {"cold_foot", "numbness", ""},
}};

// Where the knee stands on one day: a level in tenths of a pain point.
struct Flare {
    int daysLeft = 0;
    int length = 0;
    int peak = 0;  // tenths
};

constexpr int kQuietLevel = 15;

struct Day {
    int level = 0;  // tenths of a pain point
    bool inFlare = false;
    bool flareStarts = false;
};

// Advances the flare state by one day: a quick rise to the peak, then a slower recovery.
Day nextDay(Random& rng, Flare& flare) {
    Day d;
    if (flare.daysLeft == 0 && rng.chance(25)) {
        flare.length = rng.between(4, 16);
        flare.daysLeft = flare.length;
        flare.peak = rng.chance(100) ? rng.between(80, 90) : rng.between(45, 72);
        d.flareStarts = true;
    }
    if (flare.daysLeft == 0) {
        d.level = std::clamp(kQuietLevel + rng.between(-10, 10), 0, 40);
        return d;
    }
    const int day = flare.length - flare.daysLeft;
    const int rise = std::max(1, flare.length / 4);
    const int ramp = day < rise ? (day + 1) * 1000 / rise
                                : 1000 - (day - rise) * 1000 / std::max(1, flare.length - rise);
    flare.daysLeft -= 1;
    d.inFlare = true;
    d.level = kQuietLevel + (flare.peak - kQuietLevel) * ramp / 1000;
    return d;
}

// Minutes after midnight for `n` episodes in distinct parts of the day, in order.
std::vector<int> episodeTimes(Random& rng, int n, bool flare) {
    static constexpr std::array<std::pair<int, int>, 5> kWindows = {
        {{60, 240}, {420, 570}, {690, 840}, {990, 1140}, {1200, 1380}}};
    std::vector<int> slots = {1, 2, 3, 4};
    if (flare) slots.push_back(0);
    std::vector<int> times;
    while (static_cast<int>(times.size()) < n && !slots.empty()) {
        const int k = rng.below(static_cast<int>(slots.size()));
        const auto [from, to] = kWindows[static_cast<std::size_t>(slots[static_cast<std::size_t>(k)])];
        times.push_back(rng.between(from, to));
        slots.erase(slots.begin() + k);
    }
    std::sort(times.begin(), times.end());
    return times;
}

void addSymptoms(Random& rng, Episode& e, bool flare, int minute) {
    auto maybe = [&](std::string_view name, int perMille) {
        if (rng.chance(perMille)) e.symptoms.emplace_back(name);
    };
    maybe("stiffness", flare ? 500 : 250);
    maybe("swelling", flare ? 450 : 50);
    if (minute < 600) maybe("morning_stiffness", 300);
    maybe("popping", 100);
    maybe("lump", 20);
    maybe("locking", 15);
    maybe("giving_way", 15);
    if (rng.chance(5)) {
        for (std::string_view s : kRedFlags[static_cast<std::size_t>(rng.below(static_cast<int>(kRedFlags.size())))])
            if (!s.empty()) e.symptoms.emplace_back(s);
    }
}

void addContexts(Random& rng, Episode& e, bool flare, int minute) {
    auto maybe = [&](std::string_view name, int perMille) {
        if (rng.chance(perMille)) e.when.emplace_back(name);
    };
    maybe("stairs", 350);
    maybe("bending", 300);
    maybe("walking", 250);
    maybe("after_sitting", 200);
    maybe("weight_bearing", 200);
    maybe("kneeling", 100);
    maybe("rest", 80);
    if (!flare) maybe("running", 50);
    if (flare && e.pain >= 6) maybe("constant", 300);
    if (minute < 300) e.when.emplace_back("night");
}

void addCare(Random& rng, Episode& e, bool flare) {
    auto maybe = [&](std::string_view name, int perMille) {
        if (rng.chance(perMille)) e.care.emplace_back(name);
    };
    maybe("rest", flare ? 500 : 100);
    maybe("ice", flare ? 400 : 100);
    maybe("elevation", flare ? 200 : 30);
    maybe("compression", flare ? 150 : 20);
    maybe("physio", flare ? 50 : 150);
    maybe("medication", flare ? 350 : 80);
    if (std::find(e.care.begin(), e.care.end(), "medication") != e.care.end())
        e.medication = std::string(pick(rng, kMedications));
}

Episode makeEpisode(Random& rng, CivilDate day, int minute, int level, bool flare, bool firstOfFlare,
                    int offsetMinutes) {
    Episode e;
    e.startedAt = LocalDateTime{day, minute / 60, minute % 60, rng.below(60), offsetMinutes};
    e.recordedAtUtc = toUtcSeconds(e.startedAt) + rng.between(0, 90) * 60;
    e.side = std::string(pick(rng, kSides));
    const int cap = level >= 80 ? 10 : 7;
    e.pain = std::clamp((level + rng.between(-12, 12) + 5) / 10, 0, cap);
    e.painType = std::string(pick(rng, flare ? std::span<const Weighted>(kFlareTypes) : std::span<const Weighted>(kQuietTypes)));
    if (firstOfFlare) e.onset = rng.chance(500) ? "sudden" : "gradual";
    else e.onset = rng.chance(500) ? "gradual" : (rng.chance(100) ? "sudden" : "");
    addSymptoms(rng, e, flare, minute);
    addContexts(rng, e, flare, minute);
    addCare(rng, e, flare);
    if (rng.chance(80)) e.note = std::string(kNotes[static_cast<std::size_t>(rng.below(static_cast<int>(std::size(kNotes))))]);
    normalize(e);
    return e;
}

int episodesToday(Random& rng, bool flare) {
    const int roll = rng.below(100);
    if (flare) return roll < 25 ? 1 : roll < 60 ? 2 : roll < 85 ? 3 : 4;
    return roll < 45 ? 0 : roll < 85 ? 1 : 2;
}

// Relief ratings for most entries with medication, from a random stream of their own so the
// episodes are otherwise exactly what they were before ratings existed. The anti-inflammatories
// help a little more often than paracetamol: a pattern for the insights to find, not a claim.
void rateRelief(std::vector<Episode>& episodes, uint64_t seed) {
    Random rng(seed ^ 0x52454C494546ull);  // "RELIEF"
    for (Episode& e : episodes) {
        if (e.medication.empty() || !rng.chance(700)) continue;
        const bool nsaid = e.medication.rfind("ibuprofen", 0) == 0 || e.medication.rfind("naproxen", 0) == 0;
        const int roll = rng.below(100);
        e.relief = nsaid ? (roll < 10 ? 0 : roll < 45 ? 1 : roll < 90 ? 2 : 3)
                         : (roll < 25 ? 0 : roll < 70 ? 1 : roll < 95 ? 2 : 3);
    }
}

}  // namespace

std::vector<PegEntry> demoPeg(std::span<const Episode> episodes, CivilDate lastDay, int weeks, uint64_t seed) {
    std::map<int64_t, int> worstOfDay;
    int offsetMinutes = 0;
    for (const Episode& e : episodes) {
        int& worst = worstOfDay[daysFromCivil(e.startedAt.date)];
        worst = std::max(worst, e.pain);
        offsetMinutes = e.startedAt.offsetMinutes;
    }
    Random rng(seed ^ 0x504547ull);  // "PEG"
    std::vector<PegEntry> out;
    for (int w = weeks - 1; w >= 0; --w) {
        const CivilDate day = addDays(lastDay, -7 * w);
        const int64_t last = daysFromCivil(day);
        int sum = 0;
        for (int64_t d = last - 6; d <= last; ++d)
            if (auto it = worstOfDay.find(d); it != worstOfDay.end()) sum += it->second;
        const int pain = std::clamp((sum + 3) / 7 + rng.between(-1, 1), 0, 10);
        PegEntry p;
        p.at = LocalDateTime{day, 20, rng.between(0, 59), 0, offsetMinutes};
        p.recordedAtUtc = toUtcSeconds(p.at) + 30;
        p.pain = pain;
        p.enjoyment = std::clamp(pain - 1 + rng.between(-1, 1), 0, 10);
        p.activity = std::clamp(pain + rng.between(-1, 1), 0, 10);
        out.push_back(p);
    }
    return out;
}

std::vector<Episode> demoEpisodes(CivilDate lastDay, int days, uint64_t seed, int offsetMinutes) {
    std::vector<Episode> out;
    if (days <= 0) return out;
    out.reserve(static_cast<std::size_t>(days) * 2);
    Random rng(seed);
    Flare flare;
    for (int i = days - 1; i >= 0; --i) {
        const CivilDate day = addDays(lastDay, -i);
        const Day d = nextDay(rng, flare);
        const int n = episodesToday(rng, d.inFlare);
        bool first = d.flareStarts;
        for (int minute : episodeTimes(rng, n, d.inFlare)) {
            out.push_back(makeEpisode(rng, day, minute, d.level, d.inFlare, first, offsetMinutes));
            first = false;
        }
    }
    rateRelief(out, seed);
    return out;
}

}  // namespace core
