#include "core/relief.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "core/insights.hpp"

namespace core {

namespace {

constexpr std::array<Term, kReliefLevels> kTerms = {{
    {"none", "None", "", ""},
    {"little", "A little", "", ""},
    {"lot", "A lot", "", ""},
    {"complete", "Complete", "", ""},
}};

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

}  // namespace

std::span<const Term> reliefTerms() { return kTerms; }

std::optional<Relief> reliefFromName(std::string_view name) {
    for (std::size_t i = 0; i < kTerms.size(); ++i)
        if (kTerms[i].name == name) return static_cast<Relief>(i);
    return std::nullopt;
}

std::string_view reliefName(Relief r) { return kTerms[static_cast<std::size_t>(r)].name; }
std::string_view reliefLabel(Relief r) { return kTerms[static_cast<std::size_t>(r)].label; }

bool hasMedication(const Episode& e) { return !medicationName(e.medication).empty() || e.hasCare("medication"); }

std::string medicationName(const std::string& text) {
    std::string name;
    for (char c : text) {
        if (c == ' ' || c == ',' || c == '\t') {
            if (name.empty()) continue;
            break;
        }
        name += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return name;
}

std::optional<Episode> reliefToAsk(std::span<const Episode> newestFirst, int64_t nowUtc, int64_t askedUpToId) {
    for (const Episode& e : newestFirst) {
        if (e.deletedAtUtc || e.relief || !hasMedication(e) || e.id <= askedUpToId) continue;
        const int64_t age = nowUtc - e.recordedAtUtc;
        if (age >= kReliefPromptFromSeconds && age <= kReliefPromptToSeconds) return e;
    }
    return std::nullopt;
}

std::vector<ReliefSummary> reliefByMedication(std::span<const Episode> episodes) {
    std::map<std::string, ReliefSummary> by;
    for (const Episode& e : episodes) {
        if (e.deletedAtUtc || !e.relief || *e.relief < 0 || *e.relief >= kReliefLevels) continue;
        std::string name = medicationName(e.medication);
        if (name.empty()) name = "medication";  // ticked "medication" with no name typed
        ReliefSummary& s = by[name];
        s.name = name;
        ++s.n;
        ++s.counts[static_cast<std::size_t>(*e.relief)];
    }
    std::vector<ReliefSummary> out;
    for (auto& [name, s] : by) {
        if (s.n >= kMinPerSide) {
            double sum = 0;
            for (int i = 0; i < kReliefLevels; ++i) sum += i * s.counts[static_cast<std::size_t>(i)];
            s.mean = sum / s.n;
        }
        out.push_back(std::move(s));
    }
    std::stable_sort(out.begin(), out.end(), [](const ReliefSummary& a, const ReliefSummary& b) { return a.n > b.n; });
    return out;
}

std::string reliefSentence(const ReliefSummary& s) {
    std::string counts;
    for (int i = 0; i < kReliefLevels; ++i) {
        if (!counts.empty()) counts += ", ";
        counts += std::to_string(s.counts[static_cast<std::size_t>(i)]) + " " + lower(kTerms[static_cast<std::size_t>(i)].label);
    }
    const std::string times = std::to_string(s.n) + (s.n == 1 ? " rating" : " ratings");
    if (!s.mean)
        return "How much " + s.name + " helped: not enough ratings yet (" + times + ": " + counts + "; " +
               std::to_string(kMinPerSide - s.n) + " more needed).";
    char mean[16];
    std::snprintf(mean, sizeof mean, "%.1f", *s.mean);
    const auto nearest = static_cast<std::size_t>(std::clamp(static_cast<int>(std::lround(*s.mean)), 0, kReliefLevels - 1));
    return "How much " + s.name + " helped, as you rated it: on average \u201C" + lower(kTerms[nearest].label) +
           "\u201D (" + mean + " of 3, where 0 is none and 3 complete; " + times + ": " + counts + ").";
}

}  // namespace core
