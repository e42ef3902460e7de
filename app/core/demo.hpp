#pragma once
// A realistic, deterministic synthetic history for demos, screenshots and benchmarks.
#include <cstdint>
#include <vector>

#include "core/episode.hpp"
#include "core/time.hpp"

namespace core {

// `days` days of history ending on `lastDay` (inclusive), oldest first, ids 0: flares and quiet
// weeks, 0-4 episodes a day at plausible times, pain following the flare, realistic symptom,
// context, type and self-care mixes, a few red flags a year, occasional notes (some with accents
// and emoji). The same arguments give the same episodes on every platform (own PRNG, integer
// arithmetic only). Episodes on `lastDay` may lie later that day than the present moment: pass
// yesterday when every episode must be in the past.
std::vector<Episode> demoEpisodes(CivilDate lastDay, int days, uint64_t seed, int offsetMinutes);

}  // namespace core
