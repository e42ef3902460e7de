// libFuzzer target for the CSV reader: any bytes in, no crash and no sanitizer report; and every
// row it accepts must write back and read again as the same episode (the round-trip promise).
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const int64_t now = 4102444800;  // 2100-01-01T00:00:00Z: fixed, so a crash reproduces
    const core::CsvReadResult read = core::parseEpisodesCsv(text, now);
    std::vector<core::Episode> episodes;
    for (const auto& row : read.rows) episodes.push_back(row.episode);
    const core::CsvReadResult again = core::parseEpisodesCsv(core::episodesToCsv(episodes), now);
    if (!again.problems.empty() || again.rows.size() != episodes.size()) __builtin_trap();
    for (std::size_t i = 0; i < episodes.size(); ++i)
        if (!(again.rows[i].episode == episodes[i])) __builtin_trap();
    return 0;
}
