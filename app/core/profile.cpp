#include "core/profile.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include "core/vocabulary.hpp"

namespace core {
namespace {

// Red flags version 2, "Regions". The same-day line is what the urgent advice names.
constexpr std::array<Region, 8> kRegions = {{
    {"uk", "United Kingdom", "999", "NHS 111"},
    {"ie", "Ireland", "112 or 999", "your GP or the GP out-of-hours service"},
    {"eu", "European Union (other)", "112",
     "your doctor or the out-of-hours doctor service (116 117 in Germany, 1450 in Austria)"},
    {"us", "United States", "911", "your doctor's urgent line or an urgent care centre"},
    {"ca", "Canada", "911", "your province's health line (811 in most provinces)"},
    {"au", "Australia", "000",
     "healthdirect 1800 022 222 (Queensland: 13 HEALTH, 13 43 25 84; Victoria: NURSE-ON-CALL, 1300 60 60 24)"},
    {"nz", "New Zealand", "111", "Healthline 0800 611 116"},
    {"other", "Anywhere else", "112", "your local doctor or urgent care"},
}};

}  // namespace

std::span<const Region> regions() { return kRegions; }

const Region* findRegion(std::string_view code) {
    for (const Region& r : kRegions)
        if (r.code == code) return &r;
    return nullptr;
}

std::string validRegionCodes() {
    std::string out;
    for (const Region& r : kRegions) out += (out.empty() ? "" : ", ") + std::string(r.code);
    return out;
}

std::string_view emergencyNumberFor(std::string_view regionCode) {
    const Region* r = findRegion(regionCode);
    return r ? r->emergency : kUnchosenEmergency;
}

bool Profile::has(std::string_view risk) const {
    return std::any_of(risks.begin(), risks.end(), [&](const RiskMark& m) { return m.name == risk; });
}

std::vector<std::string> Profile::riskNames() const {
    std::vector<std::string> out;
    for (const RiskMark& m : risks) out.push_back(m.name);
    return out;
}

std::vector<std::string> Profile::dueForReview(int64_t nowUtc) const {
    std::vector<std::string> out;
    for (const RiskMark& m : risks) {
        const int days = riskWindowDays(m.name);
        if (days > 0 && nowUtc - m.setAtUtc >= int64_t{days} * 86400) out.push_back(m.name);
    }
    return out;
}

void Profile::set(std::string_view risk, int64_t atUtc) {
    for (RiskMark& m : risks)
        if (m.name == risk) {
            m.setAtUtc = atUtc;  // setting it again ("still true") starts its window again
            return;
        }
    risks.push_back(RiskMark{std::string(risk), atUtc});
    std::sort(risks.begin(), risks.end(), [](const RiskMark& a, const RiskMark& b) { return a.name < b.name; });
}

void Profile::unset(std::string_view risk) {
    std::erase_if(risks, [&](const RiskMark& m) { return m.name == risk; });
}

std::string encodeRisks(const std::vector<RiskMark>& risks) {
    std::string out;
    for (const RiskMark& m : risks) out += (out.empty() ? "" : ";") + m.name + "@" + std::to_string(m.setAtUtc);
    return out;
}

std::vector<RiskMark> decodeRisks(std::string_view text) {
    std::vector<RiskMark> out;
    while (!text.empty()) {
        const std::size_t end = std::min(text.find(';'), text.size());
        const std::string_view item = text.substr(0, end);
        text.remove_prefix(std::min(end + 1, text.size()));
        const std::size_t at = item.find('@');
        if (at == std::string_view::npos) continue;
        const std::string_view name = item.substr(0, at);
        const std::string_view when = item.substr(at + 1);
        int64_t utc = 0;
        auto [ptr, ec] = std::from_chars(when.data(), when.data() + when.size(), utc);
        if (ec != std::errc() || ptr != when.data() + when.size()) continue;
        if (!findTerm(riskTerms(), name)) continue;
        if (std::any_of(out.begin(), out.end(), [&](const RiskMark& m) { return m.name == name; })) continue;
        out.push_back(RiskMark{std::string(name), utc});
    }
    std::sort(out.begin(), out.end(), [](const RiskMark& a, const RiskMark& b) { return a.name < b.name; });
    return out;
}

Result<void> checkRiskName(std::string_view name) {
    if (findTerm(riskTerms(), name)) return {};
    return makeError(ErrorCode::Invalid,
                     "risk: '" + std::string(name.substr(0, 40)) + "' is not one of: " + validNames(riskTerms()));
}

Result<void> checkRegionCode(std::string_view code) {
    if (findRegion(code)) return {};
    return makeError(ErrorCode::Invalid,
                     "region: '" + std::string(code.substr(0, 40)) + "' is not one of: " + validRegionCodes());
}

}  // namespace core
