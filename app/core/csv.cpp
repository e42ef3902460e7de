#include "core/csv.hpp"

#include <algorithm>
#include <charconv>
#include <unordered_map>

#include "core/triage.hpp"

#include "core/vocabulary.hpp"

namespace core {

namespace {

// Red flags version 2 added leg, temperature and advice, the knee map (issue 18) added where; files
// written before either (the first 11 or 14 columns) still import.
constexpr std::string_view kColumns[] = {"started_at", "side",        "pain", "type",        "onset",
                                         "when",       "symptoms",    "care", "medication",  "note",
                                         "recorded_at", "leg",        "temperature", "advice", "where"};
constexpr std::size_t kColumnCount = std::size(kColumns);
constexpr std::size_t kColumnCountV1 = 11, kColumnCountV2 = 14;
constexpr char kListSeparator = ';';

// [SECTION] reading: RFC 4180 records with the line each starts on

struct Record {
    int line = 0;
    std::vector<std::string> fields;
    std::string error;  // a syntax error in this record (the rest of its line was skipped)
    bool blank = false;
};

class Reader {
public:
    explicit Reader(std::string_view text) : m_s(text) {
        if (m_s.substr(0, 3) == "\xEF\xBB\xBF") m_pos = 3;  // spreadsheets often write a BOM
    }

    enum class Status { Record, End, Fatal };

    Status next(Record& r) {
        r = Record{};
        r.line = m_line;
        if (m_pos >= m_s.size()) return Status::End;
        std::string field;
        bool fieldStart = true, quoted = false;
        while (true) {
            if (m_pos >= m_s.size()) return finish(r, field, quoted);
            const char c = m_s[m_pos];
            if (fieldStart && c == '"') {
                if (!readQuoted(field)) {
                    r.error = "unbalanced quote: the quoted field that starts on line " + std::to_string(r.line) +
                              " is never closed";
                    return Status::Fatal;
                }
                quoted = true;
                fieldStart = false;
                if (m_pos < m_s.size() && m_s[m_pos] != ',' && m_s[m_pos] != '\n' && m_s[m_pos] != '\r')
                    return syntaxError(r, "text after a closing quote; double a quote inside a quoted field (\"\")");
                continue;
            }
            fieldStart = false;
            if (c == ',') {
                r.fields.push_back(std::move(field));
                field.clear();
                fieldStart = true;
                quoted = false;
                ++m_pos;
            } else if (c == '\n' || (c == '\r' && m_pos + 1 < m_s.size() && m_s[m_pos + 1] == '\n')) {
                m_pos += c == '\r' ? 2 : 1;
                ++m_line;
                return finish(r, field, quoted);
            } else if (c == '\r') {
                return syntaxError(r, "a carriage return outside quotes");
            } else if (c == '"') {
                return syntaxError(r, "a quote inside an unquoted field; put the whole field in quotes and "
                                      "double the quote (\"\")");
            } else {
                field += c;
                ++m_pos;
            }
        }
    }

private:
    // After the opening quote; false when the text ends before the closing quote.
    bool readQuoted(std::string& field) {
        ++m_pos;
        while (m_pos < m_s.size()) {
            const char c = m_s[m_pos];
            if (c == '"') {
                if (m_pos + 1 < m_s.size() && m_s[m_pos + 1] == '"') {
                    field += '"';
                    m_pos += 2;
                    continue;
                }
                ++m_pos;
                return true;
            }
            if (c == '\n') ++m_line;
            field += c;
            ++m_pos;
        }
        return false;
    }

    Status finish(Record& r, std::string& field, bool quoted) {
        r.blank = r.fields.empty() && field.empty() && !quoted;
        r.fields.push_back(std::move(field));
        return Status::Record;
    }

    Status syntaxError(Record& r, std::string message) {
        r.error = std::move(message);
        while (m_pos < m_s.size() && m_s[m_pos] != '\n') ++m_pos;
        if (m_pos < m_s.size()) {
            ++m_pos;
            ++m_line;
        }
        return Status::Record;
    }

    std::string_view m_s;
    std::size_t m_pos = 0;
    int m_line = 1;
};

// [SECTION] reading: one row into an episode

// A value quoted in a message: at most 40 bytes, cut on a UTF-8 boundary.
// Built by appending: GCC 12 reports a false -Wrestrict on "literal" + std::string at -O3.
std::string shown(std::string_view text) {
    std::size_t cut = std::min<std::size_t>(text.size(), 40);
    while (cut < text.size() && cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    std::string out;
    out.reserve(cut + 6);
    out.append("'").append(text.substr(0, cut)).append(cut < text.size() ? "...'" : "'");
    return out;
}

bool hasOffset(std::string_view text) {
    return !text.empty() && (text.back() == 'Z' || (text.size() > 10 && text.find_first_of("+-", 10) != text.npos));
}

class RowReader {
public:
    RowReader(const std::vector<std::string>& fields, int64_t now, bool guarded)
        : m_f(fields), m_now(now), m_guarded(guarded) {}

    // The episode in the row; `reasons` says what is wrong with it (empty when it is valid).
    Episode read(std::vector<std::string>& reasons) {
        Episode e;
        time(0, e.startedAt, true);
        name(1, sideTerms(), e.side);
        pain(2, e.pain);
        name(3, painTypeTerms(), e.painType);
        name(4, onsetTerms(), e.onset);
        names(5, contextTerms(), e.when);
        names(6, symptomTerms(), e.symptoms);
        names(7, careTerms(), e.care);
        // Files with the advice column wrote free text guarded (csv_write.cpp); older ones did not.
        e.medication = m_guarded ? unguarded(m_f[8]) : m_f[8];
        e.note = m_guarded ? unguarded(m_f[9]) : m_f[9];
        LocalDateTime recorded;
        if (time(10, recorded, false)) e.recordedAtUtc = toUtcSeconds(recorded);
        if (m_f.size() > kColumnCountV1) {
            name(11, legTerms(), e.leg);
            if (!m_f[12].empty()) {
                if (auto t = parseTemperature(m_f[12])) e.temperatureTenths = *t;
                else bad(12, shown(m_f[12]) + " is not a temperature in °C from 34.0 to 43.0");
            }
        }
        if (m_f.size() > kColumnCountV2) names(14, whereTerms(), e.where);
        if (m_reasons.empty()) {
            normalize(e);
            if (auto v = validate(e, m_now); !v) m_reasons.push_back(v.error().message);
        }
        reasons = std::move(m_reasons);
        return e;
    }

private:
    void bad(std::size_t column, std::string message) {
        m_reasons.push_back(std::string(kColumns[column]) + ": " + std::move(message));
    }

    // True when a time was read into `out`.
    bool time(std::size_t column, LocalDateTime& out, bool required) {
        const std::string& text = m_f[column];
        if (text.empty()) {
            if (required) bad(column, "missing; write it as 2026-03-14T18:30:00+01:00");
            return false;
        }
        auto t = parseDateTime(text);
        if (!t) {
            bad(column, shown(text) + " is not a date and time; write it as 2026-03-14T18:30:00+01:00");
            return false;
        }
        if (!hasOffset(text)) {
            bad(column, shown(text) + " has no UTC offset; write it as 2026-03-14T18:30:00+01:00 (or Z for UTC)");
            return false;
        }
        out = *t;
        return true;
    }

    void pain(std::size_t column, int& out) {
        const std::string& text = m_f[column];
        int v = -1;
        auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
        if (text.empty() || text.size() > 2 || ec != std::errc() || ptr != text.data() + text.size() || v < 0 ||
            v > 10) {
            bad(column, shown(text) + " is not a whole number from 0 to 10");
            return;
        }
        out = v;
    }

    void name(std::size_t column, std::span<const Term> terms, std::string& out) {
        const std::string& text = m_f[column];
        if (text.empty() || findTerm(terms, text)) {
            out = text;
            return;
        }
        bad(column, shown(text) + " is not one of: " + validNames(terms));
    }

    void names(std::size_t column, std::span<const Term> terms, std::vector<std::string>& out) {
        std::string_view rest = m_f[column];
        while (!rest.empty()) {
            const std::size_t cut = rest.find(kListSeparator);
            std::string_view item = rest.substr(0, cut);
            rest = cut == rest.npos ? std::string_view() : rest.substr(cut + 1);
            while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
            while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
            if (item.empty()) continue;
            if (!findTerm(terms, item)) {
                bad(column, shown(item) + " is not one of: " + validNames(terms));
                continue;
            }
            out.emplace_back(item);
        }
    }

    static std::string unguarded(const std::string& text) {
        return !text.empty() && text.front() == '\'' ? text.substr(1) : text;
    }

    const std::vector<std::string>& m_f;
    int64_t m_now;
    bool m_guarded;
    std::vector<std::string> m_reasons;
};

std::string headerLine(std::size_t columns = kColumnCount) {
    std::string out;
    for (std::size_t i = 0; i < columns; ++i) {
        if (!out.empty()) out += ',';
        out += kColumns[i];
    }
    return out;
}

std::string joinReasons(const std::vector<std::string>& reasons) {
    std::string out;
    for (const auto& r : reasons) out += (out.empty() ? "" : "; ") + r;
    return out;
}

}  // namespace

std::span<const std::string_view> csvColumns() { return kColumns; }

CsvReadResult parseEpisodesCsv(std::string_view text, int64_t nowUtcSeconds) {
    CsvReadResult result;
    Reader reader(text);
    Record r;
    bool headerSeen = false;
    std::size_t columns = kColumnCount;  // the header decides: the current layout or an older one
    while (true) {
        const Reader::Status status = reader.next(r);
        if (status == Reader::Status::End) break;
        if (status == Reader::Status::Fatal) {
            result.problems.push_back({r.line, r.error});
            break;
        }
        if (!r.error.empty()) {
            result.problems.push_back({r.line, r.error});
            if (!headerSeen) break;
            continue;
        }
        if (r.blank) continue;
        if (headerSeen && isPegSectionHeader(r.fields)) {
            while (reader.next(r) == Reader::Status::Record) result.pegRowsSkipped += r.blank ? 0 : 1;
            break;
        }
        if (!headerSeen) {
            headerSeen = true;
            const std::size_t n = r.fields.size();
            columns = n == kColumnCountV1 || n == kColumnCountV2 ? n : kColumnCount;
            bool same = r.fields.size() == columns;
            for (std::size_t i = 0; same && i < columns; ++i) same = r.fields[i] == kColumns[i];
            if (!same) {
                result.problems.push_back({r.line, "the first line must be the header " + headerLine()});
                break;
            }
            continue;
        }
        if (r.fields.size() != columns) {
            result.problems.push_back({r.line, std::to_string(r.fields.size()) + " columns; every row needs " +
                                                   std::to_string(columns) + " (" + headerLine(columns) + ")"});
            continue;
        }
        std::vector<std::string> reasons;
        Episode e = RowReader(r.fields, nowUtcSeconds, columns != kColumnCountV1).read(reasons);
        if (!reasons.empty()) result.problems.push_back({r.line, joinReasons(reasons)});
        else result.rows.push_back({r.line, std::move(e)});
    }
    if (!headerSeen && result.problems.empty())
        result.problems.push_back({1, "the file is empty; the first line must be the header " + headerLine()});
    return result;
}

}  // namespace core
