#pragma once
// One pain episode as the person logged it, and its validation.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "core/time.hpp"

namespace core {

inline constexpr std::size_t kMaxNoteChars = 100000;   // counted in Unicode code points
inline constexpr std::size_t kMaxMedicationChars = 200;
inline constexpr int kFutureToleranceSeconds = 5 * 60;
inline constexpr int kMinTemperatureTenths = 340;  // 34.0 °C
inline constexpr int kMaxTemperatureTenths = 430;  // 43.0 °C
inline constexpr int kFeverTenths = 380;           // 38.0 °C or more counts as a fever

struct Episode {
    int64_t id = 0;                  // 0 until stored
    LocalDateTime startedAt;         // local wall time + offset: defines the person's day
    int64_t recordedAtUtc = 0;       // when it was written down
    std::string side;                // the knee: "" (not given), "left", "right", "both"
    std::string leg;                 // the leg the calf or leg signs are in: "" (not given), "left", "right", "both"
    std::optional<int> temperatureTenths;  // body temperature in tenths of a degree Celsius (384 = 38.4 °C)
    int pain = 0;                    // 0-10 numeric rating scale
    std::string painType;            // "" or a painTypeTerms() name
    std::string onset;               // "" or an onsetTerms() name
    std::vector<std::string> when;   // contextTerms() names, sorted, unique
    std::vector<std::string> symptoms;
    std::vector<std::string> care;
    std::vector<std::string> where;  // whereTerms() names (the knee map), sorted, unique; empty: not given
    std::string medication;          // free text "NAME DOSE"
    std::string note;
    std::optional<int> relief;       // how much the medication helped, rated later: 0-3 (core/relief.hpp)
    std::optional<int64_t> deletedAtUtc;  // a tombstone: kept, and carried by bundles (merge_rules.md)
    // Identity across devices (issue 16): a random UUID v4 given when the entry is first stored,
    // never changed; and when its content was last changed (or it was restored) on any device.
    std::string uid;                 // "" until stored
    int64_t editedAtUtc = 0;         // 0 until stored (the store then uses recordedAtUtc)

    bool hasSymptom(std::string_view name) const;
    bool hasContext(std::string_view name) const;
    bool hasCare(std::string_view name) const;
    bool hasWhere(std::string_view name) const;
    // The symptom `fever`, or a temperature of 38.0 °C or more (a lower reading never cancels a ticked fever).
    bool hasFever() const;
    bool operator==(const Episode&) const = default;
};

// Number of Unicode code points in UTF-8 text (what the person sees as characters).
std::size_t utf8Length(std::string_view text);
// The code point at text[i], moving i past it; U+FFFD (and one byte) for a malformed sequence.
char32_t decodeUtf8(std::string_view text, std::size_t& i);

// Sorts and de-duplicates the multi-value fields (so two equal episodes compare equal).
void normalize(Episode& e);

// "38.4" -> 384; one decimal at most, 34.0-43.0, else an error that says so. No locale, no floats.
Result<int> parseTemperature(std::string_view text);
// 384 -> "38.4"
std::string formatTemperature(int tenths);

// Checks every field; the message names the field and, for names, lists the valid ones.
Result<void> validate(const Episode& e, int64_t nowUtcSeconds);

}  // namespace core
