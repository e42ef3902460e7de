#pragma once
// The person's region (which emergency number and same-day line the advice names) and their
// risk profile (red flags version 2): set once, editable, read by triage on every save.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace core {

struct Region {
    std::string_view code;       // "uk", "nz", ... (the setting and the --region value)
    std::string_view name;       // "United Kingdom"
    std::string_view emergency;  // "999"; New Zealand's is 111, which is never called a non-emergency line
    std::string_view sameDay;    // the same-day advice line the urgent text names
};

std::span<const Region> regions();
const Region* findRegion(std::string_view code);
std::string validRegionCodes();  // "uk, ie, eu, us, ca, au, nz, other"

// Until the person has chosen a region: 112, with the sentence that says where it works.
inline constexpr std::string_view kUnchosenEmergency = "112";
inline constexpr std::string_view kUnchosenEmergencyNote =
    "112 is the emergency number in most of Europe and works on most mobile phones. "
    "Choose your region in Settings so KneeLog names your local numbers.";

// The emergency number for a region code; "" or an unknown code gives 112.
std::string_view emergencyNumberFor(std::string_view regionCode);

// One ticked risk and when it was set (time-bound risks are asked about again after their window).
struct RiskMark {
    std::string name;
    int64_t setAtUtc = 0;
    bool operator==(const RiskMark&) const = default;
};

struct Profile {
    std::string region;            // "" until chosen
    std::vector<RiskMark> risks;   // sorted by name, unique

    bool has(std::string_view risk) const;
    std::vector<std::string> riskNames() const;
    // Time-bound risks whose window has passed: "is this still true?"
    std::vector<std::string> dueForReview(int64_t nowUtc) const;
    void set(std::string_view risk, int64_t atUtc);  // keeps the first date unless `atUtc` renews it
    void unset(std::string_view risk);
};

// The settings text a risk list is stored as: "name@utc;name@utc". Unknown names are dropped on
// reading (a newer KneeLog may know more), never an error; a damaged item is skipped.
std::string encodeRisks(const std::vector<RiskMark>& risks);
std::vector<RiskMark> decodeRisks(std::string_view text);

// Checks a risk or region name; the message lists the valid names.
Result<void> checkRiskName(std::string_view name);
Result<void> checkRegionCode(std::string_view code);

}  // namespace core
