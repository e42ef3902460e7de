#include "core/episode.hpp"

#include "core/relief.hpp"

#include <algorithm>

#include "core/vocabulary.hpp"

namespace core {

bool Episode::hasSymptom(std::string_view name) const {
    return std::find(symptoms.begin(), symptoms.end(), name) != symptoms.end();
}

bool Episode::hasContext(std::string_view name) const {
    return std::find(when.begin(), when.end(), name) != when.end();
}

bool Episode::hasCare(std::string_view name) const {
    return std::find(care.begin(), care.end(), name) != care.end();
}

bool Episode::hasWhere(std::string_view name) const {
    return std::find(where.begin(), where.end(), name) != where.end();
}

bool Episode::hasFever() const {
    return hasSymptom("fever") || (temperatureTenths && *temperatureTenths >= kFeverTenths);
}

Result<int> parseTemperature(std::string_view text) {
    const auto bad = [&] {
        return makeError(ErrorCode::Invalid, "temperature: '" + std::string(text.substr(0, 20)) +
                                                 "' is not a temperature in °C from 34.0 to 43.0 (one decimal, e.g. 38.2)");
    };
    int whole = 0;
    int digits = 0;
    std::size_t i = 0;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++digits) {
        if (digits >= 3) return bad();
        whole = whole * 10 + (text[i] - '0');
    }
    if (digits == 0) return bad();
    int tenth = 0;
    if (i < text.size() && (text[i] == '.' || text[i] == ',')) {
        ++i;
        if (i + 1 != text.size() || text[i] < '0' || text[i] > '9') return bad();
        tenth = text[i] - '0';
        ++i;
    }
    if (i != text.size()) return bad();
    const int tenths = whole * 10 + tenth;
    if (tenths < kMinTemperatureTenths || tenths > kMaxTemperatureTenths) return bad();
    return tenths;
}

std::string formatTemperature(int tenths) {
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
}

std::size_t utf8Length(std::string_view text) {
    std::size_t n = 0;
    for (unsigned char c : text)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

char32_t decodeUtf8(std::string_view text, std::size_t& i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 1) return ++i, c;
    if (n == 0 || i + n > text.size()) return ++i, U'\uFFFD';
    char32_t cp = c & (0xFF >> (n + 1));
    for (std::size_t k = 1; k < n; ++k) {
        const unsigned char t = static_cast<unsigned char>(text[i + k]);
        if ((t & 0xC0) != 0x80) return ++i, U'\uFFFD';
        cp = (cp << 6) | (t & 0x3F);
    }
    i += n;
    return cp;
}

void normalize(Episode& e) {
    for (auto* v : {&e.when, &e.symptoms, &e.care, &e.where}) {
        std::sort(v->begin(), v->end());
        v->erase(std::unique(v->begin(), v->end()), v->end());
    }
}

namespace {

Result<void> checkName(std::string_view field, std::string_view value, std::span<const Term> terms) {
    if (findTerm(terms, value)) return {};
    return makeError(ErrorCode::Invalid, std::string(field) + ": '" + std::string(value.substr(0, 40)) +
                                             "' is not one of: " + validNames(terms));
}

Result<void> checkNames(std::string_view field, const std::vector<std::string>& values,
                        std::span<const Term> terms) {
    for (const auto& v : values)
        if (auto r = checkName(field, v, terms); !r) return r;
    return {};
}

bool validUtf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        const int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (len == 0 || i + len > s.size()) return false;
        for (int k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += len;
    }
    return true;
}

Result<void> checkTime(const Episode& e, int64_t now) {
    const LocalDateTime& t = e.startedAt;
    if (!isValidDate(t.date) || t.hour < 0 || t.hour > 23 || t.minute < 0 || t.minute > 59 || t.second < 0 ||
        t.second > 59 || t.offsetMinutes < -14 * 60 || t.offsetMinutes > 14 * 60)
        return makeError(ErrorCode::Invalid, "time: not a valid date and time");
    if (t.date.year < 1970) return makeError(ErrorCode::Invalid, "time: dates before 1970 cannot be logged");
    if (toUtcSeconds(t) > now + kFutureToleranceSeconds)
        return makeError(ErrorCode::Invalid, "time: " + formatDate(t.date) + " " + formatTime(t) +
                                                 " is in the future; an episode can only be logged once it has started");
    return {};
}

}  // namespace

Result<void> validate(const Episode& e, int64_t now) {
    if (auto r = checkTime(e, now); !r) return r;
    if (e.pain < 0 || e.pain > 10)
        return makeError(ErrorCode::Invalid, "pain: " + std::to_string(e.pain) + " is outside the 0-10 scale");
    if (!e.side.empty())
        if (auto r = checkName("side", e.side, sideTerms()); !r) return r;
    if (!e.leg.empty())
        if (auto r = checkName("leg", e.leg, legTerms()); !r) return r;
    if (e.temperatureTenths && (*e.temperatureTenths < kMinTemperatureTenths || *e.temperatureTenths > kMaxTemperatureTenths))
        return makeError(ErrorCode::Invalid, "temperature: " + formatTemperature(*e.temperatureTenths) +
                                                 " °C is outside 34.0-43.0 °C");
    if (!e.painType.empty())
        if (auto r = checkName("type", e.painType, painTypeTerms()); !r) return r;
    if (!e.onset.empty())
        if (auto r = checkName("onset", e.onset, onsetTerms()); !r) return r;
    if (auto r = checkNames("when", e.when, contextTerms()); !r) return r;
    if (auto r = checkNames("symptom", e.symptoms, symptomTerms()); !r) return r;
    if (auto r = checkNames("care", e.care, careTerms()); !r) return r;
    if (auto r = checkNames("where", e.where, whereTerms()); !r) return r;
    if (!validUtf8(e.note) || !validUtf8(e.medication))
        return makeError(ErrorCode::Invalid, "note: the text is not valid UTF-8");
    if (const auto n = utf8Length(e.note); n > kMaxNoteChars)
        return makeError(ErrorCode::Invalid, "note: " + std::to_string(n) + " characters; the limit is " +
                                                 std::to_string(kMaxNoteChars) + ". Nothing was saved.");
    if (e.relief && (*e.relief < 0 || *e.relief >= kReliefLevels))
        return makeError(ErrorCode::Invalid, "relief: " + std::to_string(*e.relief) + " is not a relief rating");
    if (utf8Length(e.medication) > kMaxMedicationChars)
        return makeError(ErrorCode::Invalid, "medication: longer than " + std::to_string(kMaxMedicationChars) +
                                                 " characters");
    return {};
}

}  // namespace core
