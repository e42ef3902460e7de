#include "ui/date_words.hpp"

#include <cstdio>

#include "core/words.hpp"

namespace ui {

std::string longDate(const core::CivilDate& d) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%s %d %s %d", core::weekdayShort(core::daysFromCivil(d)), d.day,
                  core::monthShort(d.month), d.year);
    return buf;
}

std::string shortDate(const core::CivilDate& d) { return std::to_string(d.day) + " " + core::monthShort(d.month); }

std::string monthYear(int year, int month) { return std::string(core::monthShort(month)) + " " + std::to_string(year); }

std::string dayHeading(const core::CivilDate& d, const core::CivilDate& today, bool shortYear) {
    std::string date = longDate(d);
    if (shortYear && d.year == today.year) date.resize(date.size() - 5);  // drop " 2026"
    if (d == today) return "Today, " + date;
    if (d == core::addDays(today, -1)) return "Yesterday, " + date;
    return date;
}

}  // namespace ui
