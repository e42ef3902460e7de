#pragma once
// Dates in words for the screens: "Tue 24 Nov 2026", "24 Nov", "Nov 2026", "Today, ...".
#include <string>

#include "core/time.hpp"

namespace ui {

std::string longDate(const core::CivilDate& d);   // "Tue 24 Nov 2026"
std::string shortDate(const core::CivilDate& d);  // "24 Nov"
std::string monthYear(int year, int month);       // "Nov 2026"
// "Today, Tue 24 Nov 2026", "Yesterday, ...", else longDate(); without the year when it is
// this year and `shortYear` is set ("Tue 24 Nov").
std::string dayHeading(const core::CivilDate& d, const core::CivilDate& today, bool shortYear = false);

}  // namespace ui
