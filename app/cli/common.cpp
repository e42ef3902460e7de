#include "cli/common.hpp"

#include "core/relief.hpp"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <cstdint>
#include <cmath>
#include <cstdio>
#include <utility>
#include <vector>

#include "cli/commands.hpp"
#include "core/demo.hpp"
#include "core/journal.hpp"
#include "core/profile.hpp"
#include "core/io/atomic_file.hpp"
#include "core/io/file_guard.hpp"
#include "core/vocabulary.hpp"

namespace cli {

namespace {
std::vector<core::Error> g_deferred;
core::JournalFiles* g_files = nullptr;
std::string g_fontDir;
}  // namespace

void useWiring(core::JournalFiles& files, std::string fontDir) {
    g_files = &files;
    g_fontDir = std::move(fontDir);
}

core::JournalFiles& journalFiles() { return *g_files; }

const std::string& fontDir() { return g_fontDir; }

void deferFailure(const core::Error& error) { g_deferred.push_back(error); }

std::vector<core::Error> takeDeferredFailures() { return std::exchange(g_deferred, {}); }

std::unique_ptr<core::StoredJournal> openJournal(const Invocation& inv, Access access) {
    const bool write = has(access, Access::Write);
    const bool memory = inv.dbPath == ":memory:";
    const bool existed = memory || io::fileExists(inv.dbPath);
    core::OpenOptions opts;
    opts.create = write && has(access, Access::Create);
    opts.readOnlyIfNeeded = !write;
    auto store = journalFiles().open(inv.dbPath, opts);
    if (!store) {
        fail(store.error());
        return nullptr;
    }
    if (!existed) std::fprintf(stderr, "kneelog: Created a new journal at %s\n", inv.dbPath.c_str());
    if (write && existed && !memory && !has(access, Access::NoBackup)) {
        // The first write of the day keeps the journal as it was before it.
        auto made = (*store)->dailyBackup(core::localFromUtc(core::nowUtc()).date);
        if (!made)
            deferFailure(core::makeError(made.error().code, "Today's automatic backup could not be made: " +
                                                                made.error().message));
    }
    return std::move(*store);
}

std::unique_ptr<core::StoredJournal> openForReading(const Invocation& inv, bool missingIsEmpty) {
    std::error_code ec;
    if (missingIsEmpty && !inv.dbPath.empty() && !std::filesystem::exists(inv.dbPath, ec)) {
        Invocation memory = inv;
        memory.dbPath = ":memory:";
        return openJournal(memory, Access::Write | Access::Create | Access::NoBackup);
    }
    return openJournal(inv, Access::Read);  // a missing journal: "There is no journal at PATH"
}

std::string regionNumbersLine(const std::string& regionCode) {
    const core::Region* r = core::findRegion(regionCode);
    if (!r) return "Emergency number: 112. " + std::string(core::kUnchosenEmergencyNote);
    return "Emergency number: " + std::string(r->emergency) + " · same-day help: " + std::string(r->sameDay) + " (" +
           std::string(r->name) + ").";
}

core::Result<core::LocalDateTime> timeFromOptions(const Invocation& inv) {
    auto at = inv.get("at");
    if (!at) return core::localFromUtc(core::nowUtc());
    auto t = core::parseDateTime(*at);
    if (!t) return core::makeError(core::ErrorCode::Invalid, "at: " + t.error().message);
    return *t;
}

core::Result<core::DateRange> rangeFromOptions(const Invocation& inv) {
    core::DateRange range;
    if (auto f = inv.get("from")) {
        auto d = core::parseDate(*f);
        if (!d) return core::makeError(core::ErrorCode::Invalid, "from: " + d.error().message);
        range.from = *d;
    }
    if (auto t = inv.get("to")) {
        auto d = core::parseDate(*t);
        if (!d) return core::makeError(core::ErrorCode::Invalid, "to: " + d.error().message);
        range.to = *d;
    }
    if (range.from && range.to && *range.to < *range.from)
        return core::makeError(core::ErrorCode::Invalid, "to: the last day is before the first day");
    return range;
}

core::Result<void> refuseJournalFiles(const Invocation& inv, const std::string& out) {
    return io::refuseProtected(out, journalFiles().protectedPaths(inv.dbPath));
}

std::unique_ptr<core::StoredJournal> openJournal(const Invocation& inv, bool readOnly) {
    return openJournal(inv, readOnly ? Access::Read : Access::Write | Access::Create);
}

std::string terminalSafe(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    auto hex = [&](unsigned v, int digits, const char* prefix) {
        char buf[12];
        std::snprintf(buf, sizeof buf, "%s%0*x", prefix, digits, v);
        out += buf;
    };
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') { out += "\xE2\x8F\x8E"; ++i; continue; }  // ⏎
        if (c == '\t') { out += ' '; ++i; continue; }
        if (c < 0x20 || c == 0x7F) { hex(c, 2, "\\x"); ++i; continue; }
        if (c < 0x80) { out += static_cast<char>(c); ++i; continue; }
        // A UTF-8 sequence: decoded to reject overlong forms, surrogates, C1 controls and
        // the bidirectional controls that would reorder what follows on the line.
        const int len = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? (c <= 0xEF ? 3 : 0) : c >= 0xC2 ? 2 : 0;
        uint32_t cp = len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
        bool ok = len > 0 && i + static_cast<std::size_t>(len) <= text.size();
        for (int k = 1; ok && k < len; ++k) {
            const auto d = static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]);
            ok = (d & 0xC0) == 0x80;
            cp = (cp << 6) | (d & 0x3F);
        }
        if (ok) ok = !(len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) && !(len == 4 && (cp < 0x10000 || cp > 0x10FFFF));
        if (!ok) { hex(c, 2, "\\x"); ++i; continue; }
        const bool control = (cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
                             (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F || cp == 0x061C;
        if (control) hex(cp, cp <= 0xFF ? 2 : 4, cp <= 0xFF ? "\\x" : "\\u");
        else out.append(text.substr(i, static_cast<std::size_t>(len)));
        i += static_cast<std::size_t>(len);
    }
    return out;
}

int fail(const core::Error& error) {
    std::fprintf(stderr, "kneelog: %s\n", error.message.c_str());
    return error.code == core::ErrorCode::Invalid ? kExitUsage : kExitFailure;
}

int usageError(const std::string& message) {
    std::fprintf(stderr, "kneelog: %s\n", message.c_str());
    return kExitUsage;
}

std::optional<long long> wholeNumber(std::string_view text, long long min, long long max) {
    long long v = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (text.empty() || ec != std::errc() || ptr != text.data() + text.size() || v < min || v > max)
        return std::nullopt;
    return v;
}

std::optional<double> decimalNumber(std::string_view text) {
    // Integer from_chars only: the NDK's libc++ has no floating-point from_chars, and strtod
    // depends on the locale (LC_NUMERIC).
    const auto dot = text.find('.');
    const std::string_view whole = text.substr(0, dot);
    const std::string_view fraction = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
    if ((whole.empty() && fraction.empty()) || whole.size() > 9 || fraction.size() > 9) return std::nullopt;
    auto digits = [](std::string_view part) {
        return std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (!digits(whole) || !digits(fraction)) return std::nullopt;
    double value = whole.empty() ? 0.0 : static_cast<double>(*wholeNumber(whole, 0, 999999999));
    if (!fraction.empty())
        value += static_cast<double>(*wholeNumber(fraction, 0, 999999999)) / std::pow(10.0, static_cast<double>(fraction.size()));
    return value;
}

namespace {

core::Result<int> parsePain(const std::string& text) {
    const auto v = wholeNumber(text, 0, 10);
    if (!v)
        return core::makeError(core::ErrorCode::Invalid, "pain: '" + text.substr(0, 20) +
                                                             "' is not a whole number from 0 to 10");
    return static_cast<int>(*v);
}

// Checks a name early so the message lists the valid names for exactly this flag.
core::Result<void> checkTerm(const char* flag, const std::string& value, std::span<const core::Term> terms) {
    if (core::findTerm(terms, value)) return {};
    return core::makeError(core::ErrorCode::Invalid, std::string("--") + flag + ": '" + value.substr(0, 40) +
                                                         "' is not one of: " + core::validNames(terms));
}

}  // namespace

core::Result<core::Episode> episodeFromOptions(const Invocation& inv, bool painRequired) {
    core::Episode e;
    if (auto p = inv.get("pain")) {
        auto v = parsePain(*p);
        if (!v) return v.error();
        e.pain = *v;
    } else if (painRequired) {
        return core::makeError(core::ErrorCode::Invalid, "pain: --pain N is required (0-10)");
    }
    auto at = timeFromOptions(inv);
    if (!at) return at.error();
    e.startedAt = *at;
    struct Single { const char* flag; std::string* field; std::span<const core::Term> terms; };
    for (const Single& s : {Single{"side", &e.side, core::sideTerms()}, Single{"leg", &e.leg, core::legTerms()},
                            Single{"type", &e.painType, core::painTypeTerms()},
                            Single{"onset", &e.onset, core::onsetTerms()}}) {
        if (auto v = inv.get(s.flag)) {
            if (auto r = checkTerm(s.flag, *v, s.terms); !r) return r.error();
            *s.field = *v;
        }
    }
    struct Multi { const char* flag; std::vector<std::string>* field; std::span<const core::Term> terms; };
    for (const Multi& m : {Multi{"when", &e.when, core::contextTerms()}, Multi{"symptom", &e.symptoms, core::symptomTerms()},
                           Multi{"care", &e.care, core::careTerms()}, Multi{"where", &e.where, core::whereTerms()}}) {
        for (const auto& v : inv.all(m.flag)) {
            if (auto r = checkTerm(m.flag, v, m.terms); !r) return r.error();
            m.field->push_back(v);
        }
    }
    if (auto t = inv.get("temperature")) {
        auto tenths = core::parseTemperature(*t);
        if (!tenths) return tenths.error();
        e.temperatureTenths = *tenths;
    }
    if (auto m = inv.get("medication")) e.medication = *m;
    if (auto n = inv.get("note")) e.note = *n;
    core::normalize(e);
    return e;
}

core::Result<std::vector<std::string>> risksFromOptions(const Invocation& inv) {
    std::vector<std::string> risks;
    for (const auto& r : inv.all("risk")) {
        if (auto c = core::checkRiskName(r); !c) return c.error();
        risks.push_back(r);
    }
    return risks;
}

nlohmann::json episodeJson(const core::Episode& e) {
    nlohmann::json j = {
        {"id", e.id},
        {"at", core::formatIso(e.startedAt)},
        {"day", core::formatDate(e.startedAt.date)},
        {"recorded_at", core::formatIsoUtc(e.recordedAtUtc)},
        {"side", e.side.empty() ? nlohmann::json(nullptr) : nlohmann::json(e.side)},
        {"leg", e.leg.empty() ? nlohmann::json(nullptr) : nlohmann::json(e.leg)},
        {"temperature", e.temperatureTenths ? nlohmann::json(*e.temperatureTenths / 10.0) : nlohmann::json(nullptr)},
        {"pain", e.pain},
        {"type", e.painType.empty() ? nlohmann::json(nullptr) : nlohmann::json(e.painType)},
        {"onset", e.onset.empty() ? nlohmann::json(nullptr) : nlohmann::json(e.onset)},
        {"when", e.when},
        {"symptoms", e.symptoms},
        {"care", e.care},
        {"where", e.where},
        {"medication", e.medication},
        {"note", e.note},
        {"relief", e.relief && *e.relief >= 0 && *e.relief < core::kReliefLevels
                       ? nlohmann::json(std::string(core::reliefName(static_cast<core::Relief>(*e.relief))))
                       : nlohmann::json(nullptr)},
    };
    return j;
}

nlohmann::json triageJson(const core::TriageResult& r) {
    return {{"level", std::string(core::levelName(r.level))}, {"rules", r.ruleIds}, {"articles", r.articles}};
}

}  // namespace cli
