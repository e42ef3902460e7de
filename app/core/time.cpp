#include "core/time.hpp"

#include <charconv>
#include <cstdio>
#include <ctime>
#include <optional>

namespace core {

// Howard Hinnant's civil-calendar algorithms: exact for the proleptic Gregorian calendar.
int64_t daysFromCivil(const CivilDate& d) {
    const int64_t y = d.month <= 2 ? d.year - 1 : d.year;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const int64_t yoe = y - era * 400;
    const int64_t mp = (d.month + 9) % 12;
    const int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
    const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

CivilDate civilFromDays(int64_t z) {
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int64_t doe = z - era * 146097;
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int64_t mp = (5 * doy + 2) / 153;
    const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    return CivilDate{static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0)), m, d};
}

CivilDate addDays(const CivilDate& d, int64_t n) { return civilFromDays(daysFromCivil(d) + n); }

bool isValidDate(const CivilDate& d) {
    if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31) return false;
    return civilFromDays(daysFromCivil(d)) == d;
}

int64_t toUtcSeconds(const LocalDateTime& t) {
    return daysFromCivil(t.date) * 86400 + t.hour * 3600 + t.minute * 60 + t.second -
           static_cast<int64_t>(t.offsetMinutes) * 60;
}

namespace {
std::optional<int64_t> g_testClock;  // see setTestClock
}  // namespace

int64_t nowUtc() { return g_testClock ? *g_testClock : static_cast<int64_t>(std::time(nullptr)); }

void setTestClock(int64_t utcSeconds) { g_testClock = utcSeconds; }

LocalDateTime atOffset(int64_t utcSeconds, int offsetMinutes) {
    const int64_t local = utcSeconds + static_cast<int64_t>(offsetMinutes) * 60;
    int64_t days = local / 86400;
    int64_t rem = local % 86400;
    if (rem < 0) {
        rem += 86400;
        --days;
    }
    LocalDateTime t;
    t.date = civilFromDays(days);
    t.hour = static_cast<int>(rem / 3600);
    t.minute = static_cast<int>(rem % 3600 / 60);
    t.second = static_cast<int>(rem % 60);
    t.offsetMinutes = offsetMinutes;
    return t;
}

LocalDateTime localFromUtc(int64_t utcSeconds) {
    const std::time_t tt = static_cast<std::time_t>(utcSeconds);
    std::tm tm{};
    localtime_r(&tt, &tm);
    return atOffset(utcSeconds, static_cast<int>(tm.tm_gmtoff / 60));
}

namespace {

class Scanner {
public:
    explicit Scanner(std::string_view s) : m_s(s) {}
    bool number(int digits, int& out) {
        if (m_pos + digits > m_s.size()) return false;
        const char* b = m_s.data() + m_pos;
        for (int i = 0; i < digits; ++i)
            if (b[i] < '0' || b[i] > '9') return false;
        std::from_chars(b, b + digits, out);
        m_pos += digits;
        return true;
    }
    bool literal(char c) {
        if (m_pos < m_s.size() && m_s[m_pos] == c) {
            ++m_pos;
            return true;
        }
        return false;
    }
    bool done() const { return m_pos == m_s.size(); }

private:
    std::string_view m_s;
    std::size_t m_pos = 0;
};

bool scanDate(Scanner& sc, CivilDate& d) {
    return sc.number(4, d.year) && sc.literal('-') && sc.number(2, d.month) && sc.literal('-') &&
           sc.number(2, d.day);
}

// "'<text>' <what>", with the person's text cut to 40 bytes. Built by appending: GCC 12 reports a
// false -Wrestrict on chained std::string operator+ at -O3.
Error invalidText(std::string_view text, std::string_view what) {
    std::string msg;
    msg.reserve(48 + what.size());
    msg.append("'").append(text.substr(0, 40)).append("' ").append(what);
    return makeError(ErrorCode::Invalid, std::move(msg));
}

Error badDateTime(std::string_view text) {
    return invalidText(text, "is not a date and time: use YYYY-MM-DD HH:MM, e.g. 2026-03-14 18:30");
}

// Reads a wall time in the system time zone; the offset is the one in force at that moment.
LocalDateTime resolveLocal(const LocalDateTime& wall) {
    std::tm tm{};
    tm.tm_year = wall.date.year - 1900;
    tm.tm_mon = wall.date.month - 1;
    tm.tm_mday = wall.date.day;
    tm.tm_hour = wall.hour;
    tm.tm_min = wall.minute;
    tm.tm_sec = wall.second;
    tm.tm_isdst = -1;
    const std::time_t tt = std::mktime(&tm);
    return localFromUtc(static_cast<int64_t>(tt));
}

}  // namespace

Result<CivilDate> parseDate(std::string_view text) {
    Scanner sc(text);
    CivilDate d;
    if (!scanDate(sc, d) || !sc.done()) return invalidText(text, "is not a date: use YYYY-MM-DD, e.g. 2026-03-14");
    if (!isValidDate(d)) return invalidText(text, "is not a day of the calendar");
    return d;
}

Result<LocalDateTime> parseDateTime(std::string_view text) {
    Scanner sc(text);
    LocalDateTime t;
    if (!scanDate(sc, t.date)) return badDateTime(text);
    if (!sc.literal(' ') && !sc.literal('T')) return badDateTime(text);
    if (!sc.number(2, t.hour) || !sc.literal(':') || !sc.number(2, t.minute)) return badDateTime(text);
    if (sc.literal(':') && !sc.number(2, t.second)) return badDateTime(text);
    bool hasOffset = false;
    if (sc.literal('Z')) {
        hasOffset = true;
    } else {
        int sign = 0;
        if (sc.literal('+')) sign = 1;
        else if (sc.literal('-')) sign = -1;
        if (sign != 0) {
            int oh = 0, om = 0;
            if (!sc.number(2, oh)) return badDateTime(text);
            sc.literal(':');
            if (!sc.number(2, om) || oh > 14 || om > 59) return badDateTime(text);
            t.offsetMinutes = sign * (oh * 60 + om);
            hasOffset = true;
        }
    }
    if (!sc.done()) return badDateTime(text);
    if (!isValidDate(t.date)) return invalidText(text, "is not a day of the calendar");
    if (t.hour > 23 || t.minute > 59 || t.second > 59) return invalidText(text, "is not a time of day (00:00-23:59)");
    return hasOffset ? t : resolveLocal(t);
}

std::string formatDate(const CivilDate& d) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

std::string formatTime(const LocalDateTime& t) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d", t.hour, t.minute);
    return buf;
}

std::string formatIso(const LocalDateTime& t) {
    const int off = t.offsetMinutes < 0 ? -t.offsetMinutes : t.offsetMinutes;
    char buf[48];
    std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d%c%02d:%02d", formatDate(t.date).c_str(), t.hour, t.minute,
                  t.second, t.offsetMinutes < 0 ? '-' : '+', off / 60, off % 60);
    return buf;
}

std::string formatIsoUtc(int64_t utcSeconds) {
    const LocalDateTime t = atOffset(utcSeconds, 0);
    char buf[48];
    std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02dZ", formatDate(t.date).c_str(), t.hour, t.minute, t.second);
    return buf;
}

std::string daysAgoText(const LocalDateTime& then, const LocalDateTime& now) {
    const int64_t days = daysFromCivil(now.date) - daysFromCivil(then.date);
    if (days <= 0) return "today";
    if (days == 1) return "yesterday";
    if (days < 14) return std::to_string(days) + " days ago";
    if (days < 60) return std::to_string(days / 7) + " weeks ago";
    return "on " + formatDate(then.date);
}

}  // namespace core
