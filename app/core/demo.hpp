#pragma once
// A realistic, deterministic synthetic history for demos, screenshots and benchmarks.
#include <cstdint>
#include <span>
#include <vector>

#include "core/episode.hpp"
#include "core/peg.hpp"
#include "core/time.hpp"

namespace core {

// `days` days of history ending on `lastDay` (inclusive), oldest first, ids 0: flares and quiet
// weeks, 0-4 episodes a day at plausible times, pain following the flare, realistic symptom,
// context, type and self-care mixes, a few red flags a year, occasional notes (some with accents
// and emoji). The same arguments give the same episodes on every platform (own PRNG, integer
// arithmetic only). Episodes on `lastDay` may lie later that day than the present moment: pass
// yesterday when every episode must be in the past.
// Most entries with medication carry a relief rating (0-3).
std::vector<Episode> demoEpisodes(CivilDate lastDay, int days, uint64_t seed, int offsetMinutes);

// One weekly check-in (PEG) per week for `weeks` weeks, the last on `lastDay` at 20:xx, at the
// episodes' UTC offset, oldest first: the pain answer follows the week's daily worst pain in
// `episodes`, the two interference answers follow the pain.
std::vector<PegEntry> demoPeg(std::span<const Episode> episodes, CivilDate lastDay, int weeks, uint64_t seed);

}  // namespace core
