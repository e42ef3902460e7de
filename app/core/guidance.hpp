#pragma once
// Guidance articles: plain-language pages in assets/guidance/<id>.md (format: assets/guidance/FORMAT.md).
// Parsing only; the platform layer reads the bytes. Triage rules link to articles by id.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"

namespace core {

struct Span {
    std::string text;
    bool bold = false;
    bool operator==(const Span&) const = default;
};

struct Block {
    enum class Kind { Heading, Subheading, Paragraph, Bullet };
    Kind kind = Kind::Paragraph;
    std::vector<Span> spans;
    bool operator==(const Block&) const = default;
};

struct Article {
    std::string id;        // equals the file name stem; triage rules link to it
    std::string title;
    std::string summary;   // may be empty
    std::string reviewed;  // YYYY-MM-DD
    std::vector<std::string> sources;  // "Name of the page (publisher)"
    std::vector<Block> blocks;
};

// Splits inline **bold** into spans; an unmatched ** stays literal text.
std::vector<Span> parseSpans(std::string_view text);

// Parses one article; ErrorCode::Invalid with "line N: ..." on bad input.
Result<Article> parseArticle(std::string_view text);

// Parses (file name, contents) pairs, checks each id equals its file name stem, and returns the
// articles sorted by title. A file named FORMAT.md (the format description) is skipped.
Result<std::vector<Article>> parseArticles(const std::vector<std::pair<std::string, std::string>>& files);

// Title, summary and body as plain text, one block per line, without markup (for search).
std::string plainText(const Article& article);

// Case-insensitive (ASCII) substring search over title, summary and body; an empty query matches.
bool matchesQuery(const Article& article, std::string_view query);

// The articles that match where behind the knee it hurt (knee-map regions, whereTerms() names),
// given most logged first; each article once, in that order (issue 18):
// inner and centre: the Baker's cyst page; outer: the injuries page (the tendons on that side);
// above: the injuries page (the hamstrings); below: the blood-clot page, then the injuries page
// (calf muscle strain and pressure in the calf after an injury). Unknown names add nothing.
std::vector<std::string> articlesForWhere(const std::vector<std::string>& regionsMostFirst);

}  // namespace core
