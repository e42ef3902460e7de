// Writing CSV (csv.hpp): a header row, then rows a page of episodes at a time.
#include <algorithm>

#include "core/csv.hpp"
#include "core/triage.hpp"

namespace core {

namespace {

constexpr char kListSeparator = ';';

// A spreadsheet runs a cell that starts with one of these as a formula (OWASP, "CSV Injection").
bool startsLikeFormula(std::string_view value) {
    return !value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos;
}

// Free text: a leading ' keeps a spreadsheet from running it, and text that starts with ' gets one
// more, so reading strips exactly one and the round trip is exact.
std::string guardedText(std::string_view value) {
    std::string out;
    out.reserve(value.size() + 1);
    if (startsLikeFormula(value) || (!value.empty() && value.front() == '\'')) out += '\'';
    out.append(value);  // appended, not "'" + text: GCC 12 reports a false -Wrestrict on that at -O3
    return out;
}

void appendField(std::string& out, std::string_view value) {
    if (value.find_first_of(",\"\r\n") == std::string_view::npos) {
        out += value;
        return;
    }
    out += '"';
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

void appendNames(std::string& out, const std::vector<std::string>& names) {
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += kListSeparator;
        out += names[i];
    }
}

}  // namespace

CsvWriter::CsvWriter(Sink& out, std::span<const Alert> alerts) : m_out(out) {
    for (const Alert& a : alerts) {
        Level& l = m_levels.try_emplace(a.episodeId, Level::SelfCare).first->second;
        l = std::max(l, a.level);
    }
    std::string header;
    for (std::string_view c : csvColumns()) header.append(header.empty() ? "" : ",").append(c);
    header += "\r\n";
    m_out.write(header);
}

void CsvWriter::add(std::span<const Episode> episodes) {
    std::string& out = m_row;
    for (const Episode& e : episodes) {
        out.clear();
        out += formatIso(e.startedAt);
        out += ',';
        out += e.side;
        out += ',';
        out += std::to_string(e.pain);
        out += ',';
        out += e.painType;
        out += ',';
        out += e.onset;
        for (const auto* list : {&e.when, &e.symptoms, &e.care}) {
            out += ',';
            appendNames(out, *list);
        }
        out += ',';
        appendField(out, guardedText(e.medication));
        out += ',';
        appendField(out, guardedText(e.note));
        out += ',';
        if (e.recordedAtUtc != 0) out += formatIsoUtc(e.recordedAtUtc);
        out += ',';
        out += e.leg;
        out += ',';
        if (e.temperatureTenths) out += formatTemperature(*e.temperatureTenths);
        out += ',';
        const auto level = m_levels.find(e.id);
        out += levelName(level == m_levels.end() ? Level::SelfCare : level->second);
        out += ',';
        appendNames(out, e.where);
        out += "\r\n";
        m_out.write(out);
    }
}

std::string episodesToCsv(std::span<const Episode> episodes, std::span<const Alert> alerts) {
    StringSink out;
    CsvWriter writer(out, alerts);
    writer.add(episodes);
    return std::move(out.bytes);
}

}  // namespace core
