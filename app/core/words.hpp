#pragma once
// The words a person reads for the names of the vocabulary: term labels, knee sides, months.
// One copy for the screens, the reports and the exports.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/vocabulary.hpp"

namespace core {

// The label of `name` in `terms`; an unknown name is shown as it is.
std::string termLabel(std::span<const Term> terms, std::string_view name);
// The labels of `names` in `terms`, joined with `sep` (an unknown name is shown as it is; an
// empty name is left out).
std::string termLabels(std::span<const Term> terms, const std::vector<std::string>& names,
                       std::string_view sep = ", ");
// "Left knee", "Right knee", "Both knees", or "Side not given": never a bare L or R.
std::string sideWords(std::string_view side);
// "Jan" .. "Dec" for months 1 .. 12 (a month outside is clamped).
const char* monthShort(int month);
// "January" .. "December" for months 1 .. 12 (a month outside is clamped).
const char* monthLong(int month);
// "Thu", "Fri", ... for a day counted from 1970-01-01 (a Thursday); negative days too.
const char* weekdayShort(int64_t daysFromEpoch);
// 12345 -> "12,345".
std::string withThousands(std::size_t n);

}  // namespace core
