#include "core/guidance.hpp"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <set>

namespace core {

namespace {

constexpr std::string_view kFence = "---";
constexpr std::string_view kBom = "\xEF\xBB\xBF";

std::string_view trim(std::string_view s) {
    constexpr std::string_view kSpace = " \t\r";
    const auto first = s.find_first_not_of(kSpace);
    if (first == std::string_view::npos) return {};
    const auto last = s.find_last_not_of(kSpace);
    return s.substr(first, last - first + 1);
}

// Lines without their end-of-line characters; a leading UTF-8 byte-order mark is dropped.
std::vector<std::string_view> splitLines(std::string_view text) {
    if (text.starts_with(kBom)) text.remove_prefix(kBom.size());
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        const auto end = text.find('\n');
        lines.push_back(text.substr(0, end));
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
    return lines;
}

Error invalidAt(std::size_t line, const std::string& what) {
    return makeError(ErrorCode::Invalid, "line " + std::to_string(line) + ": " + what);
}

bool isDigits(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int toInt(std::string_view digits) {
    int n = 0;
    for (char c : digits) n = n * 10 + (c - '0');
    return n;
}

// A real calendar date written YYYY-MM-DD.
bool isDate(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    const auto ys = s.substr(0, 4), ms = s.substr(5, 2), ds = s.substr(8, 2);
    if (!isDigits(ys) || !isDigits(ms) || !isDigits(ds)) return false;
    const int y = toInt(ys), m = toInt(ms), d = toInt(ds);
    if (m < 1 || m > 12 || d < 1) return false;
    constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= kDays[m - 1] + ((m == 2 && leap) ? 1 : 0);
}

// Ids are file names and link targets, so keep them to lower case, digits and '_'.
bool isId(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
}

Result<void> applyKey(Article& a, std::string_view key, std::string_view value, std::size_t line) {
    const std::string k(key);
    if (value.empty()) return invalidAt(line, "'" + k + "' has no value");
    if (key == "source") {
        a.sources.emplace_back(value);
        return {};
    }
    std::string* field = key == "id"         ? &a.id
                         : key == "title"    ? &a.title
                         : key == "summary"  ? &a.summary
                         : key == "reviewed" ? &a.reviewed
                                             : nullptr;
    if (field == nullptr)
        return invalidAt(line, "unknown front-matter key '" + k + "' (allowed: id, title, reviewed, summary, source)");
    if (!field->empty()) return invalidAt(line, "'" + k + "' is given twice");
    if (key == "reviewed" && !isDate(value))
        return invalidAt(line, "'reviewed' must be a date written YYYY-MM-DD, not '" + std::string(value) + "'");
    if (key == "id" && !isId(value))
        return invalidAt(line, "'id' may contain only lower-case letters, digits and '_'");
    *field = std::string(value);
    return {};
}

// Reads the front matter into `a`; returns the index of the first body line.
Result<std::size_t> parseFrontMatter(const std::vector<std::string_view>& lines, Article& a) {
    if (lines.empty() || trim(lines[0]) != kFence)
        return invalidAt(1, "an article must start with a '---' line that opens the front matter");
    std::size_t close = 0;
    for (std::size_t i = 1; i < lines.size() && close == 0; ++i) {
        const auto line = trim(lines[i]);
        if (line == kFence) {
            close = i;
        } else if (!line.empty()) {
            const auto colon = line.find(':');
            if (colon == std::string_view::npos)
                return invalidAt(i + 1, "expected 'key: value' in the front matter (is the closing '---' missing?)");
            if (auto r = applyKey(a, trim(line.substr(0, colon)), trim(line.substr(colon + 1)), i + 1); !r)
                return r.error();
        }
    }
    if (close == 0) return invalidAt(1, "the front matter opened here is never closed with a '---' line");
    const std::pair<std::string_view, const std::string*> required[] = {
        {"id", &a.id}, {"title", &a.title}, {"reviewed", &a.reviewed}};
    for (const auto& [name, value] : required) {
        if (value->empty())
            return invalidAt(close + 1, "the front matter ending here has no '" + std::string(name) + "'");
    }
    return close + 1;
}

// Collects the lines of the paragraph or bullet being read, then turns them into a block.
class BlockCollector {
public:
    void start(Block::Kind kind, std::string_view text) {
        flush();
        m_kind = kind;
        m_text = std::string(text);
    }
    void add(std::string_view text) {
        if (!m_kind) {
            start(Block::Kind::Paragraph, text);
        } else {
            m_text += ' ';
            m_text += text;
        }
    }
    void push(Block block) {
        flush();
        m_blocks.push_back(std::move(block));
    }
    void flush() {
        if (m_kind && !m_text.empty()) m_blocks.push_back(Block{*m_kind, parseSpans(m_text)});
        m_kind.reset();
        m_text.clear();
    }
    std::vector<Block> take() {
        flush();
        return std::move(m_blocks);
    }

private:
    std::optional<Block::Kind> m_kind;
    std::string m_text;
    std::vector<Block> m_blocks;
};

Result<Block> parseHeading(std::string_view line, std::size_t number) {
    Block block;
    if (line.starts_with("### ")) {
        block.kind = Block::Kind::Subheading;
        line.remove_prefix(4);
    } else if (line.starts_with("## ")) {
        block.kind = Block::Kind::Heading;
        line.remove_prefix(3);
    } else {
        return invalidAt(number, "only '## ' headings and '### ' subheadings are allowed");
    }
    line = trim(line);
    if (line.empty()) return invalidAt(number, "the heading is empty");
    block.spans = parseSpans(line);
    return block;
}

Result<std::vector<Block>> parseBody(const std::vector<std::string_view>& lines, std::size_t first) {
    BlockCollector blocks;
    for (std::size_t i = first; i < lines.size(); ++i) {
        const auto line = trim(lines[i]);
        if (line.empty()) {
            blocks.flush();
        } else if (line.starts_with('#')) {
            auto heading = parseHeading(line, i + 1);
            if (!heading) return heading.error();
            blocks.push(std::move(*heading));
        } else if (line == "-") {
            return invalidAt(i + 1, "the bullet is empty");
        } else if (line.starts_with("- ")) {
            blocks.start(Block::Kind::Bullet, trim(line.substr(2)));
        } else {
            blocks.add(line);
        }
    }
    auto result = blocks.take();
    if (result.empty()) return invalidAt(first, "the article has no body after the front matter ending here");
    return result;
}

void appendSpan(std::vector<Span>& spans, std::string_view text, bool bold) {
    if (text.empty()) return;
    if (!spans.empty() && spans.back().bold == bold) {
        spans.back().text += text;
    } else {
        spans.push_back(Span{std::string(text), bold});
    }
}

char lowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lowerAscii(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](char c) { return lowerAscii(c); });
    return out;
}

std::string fileStem(std::string_view name) {
    const auto slash = name.find_last_of("/\\");
    if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
    const auto dot = name.rfind('.');
    return std::string(dot == std::string_view::npos ? name : name.substr(0, dot));
}

}  // namespace

std::vector<Span> parseSpans(std::string_view text) {
    constexpr std::string_view kMark = "**";
    std::vector<Span> spans;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto open = text.find(kMark, pos);
        const auto close = open == std::string_view::npos ? open : text.find(kMark, open + kMark.size());
        if (close == std::string_view::npos) break;  // no pair left: the rest is literal
        if (close == open + kMark.size()) {           // "****" has nothing to make bold
            appendSpan(spans, text.substr(pos, close + kMark.size() - pos), false);
        } else {
            appendSpan(spans, text.substr(pos, open - pos), false);
            appendSpan(spans, text.substr(open + kMark.size(), close - open - kMark.size()), true);
        }
        pos = close + kMark.size();
    }
    if (pos < text.size()) appendSpan(spans, text.substr(pos), false);
    return spans;
}

Result<Article> parseArticle(std::string_view text) {
    const auto lines = splitLines(text);
    Article article;
    auto bodyStart = parseFrontMatter(lines, article);
    if (!bodyStart) return bodyStart.error();
    auto blocks = parseBody(lines, *bodyStart);
    if (!blocks) return blocks.error();
    article.blocks = std::move(*blocks);
    return article;
}

Result<std::vector<Article>> parseArticles(const std::vector<std::pair<std::string, std::string>>& files) {
    std::vector<Article> articles;
    std::set<std::string> ids;
    for (const auto& [name, contents] : files) {
        const std::string stem = fileStem(name);
        if (stem == "FORMAT") continue;
        auto article = parseArticle(contents);
        if (!article) return makeError(ErrorCode::Invalid, name + ": " + article.error().message);
        if (article->id != stem)
            return makeError(ErrorCode::Invalid, name + ": the id '" + article->id + "' does not match the file name");
        if (!ids.insert(article->id).second)
            return makeError(ErrorCode::Invalid, name + ": the id '" + article->id + "' is used twice");
        articles.push_back(std::move(*article));
    }
    std::sort(articles.begin(), articles.end(), [](const Article& a, const Article& b) {
        const auto ka = lowerAscii(a.title), kb = lowerAscii(b.title);
        return ka != kb ? ka < kb : a.id < b.id;
    });
    return articles;
}

std::string plainText(const Article& article) {
    std::string out = article.title + '\n' + article.summary;
    for (const auto& block : article.blocks) {
        out += '\n';
        for (const auto& span : block.spans) out += span.text;
    }
    return out;
}

bool matchesQuery(const Article& article, std::string_view query) {
    const auto needle = lowerAscii(trim(query));
    if (needle.empty()) return true;
    return lowerAscii(plainText(article)).find(needle) != std::string::npos;
}

std::vector<std::string> articlesForWhere(const std::vector<std::string>& regionsMostFirst) {
    struct Link {
        std::string_view region;
        std::vector<std::string_view> articles;
    };
    static const Link kLinks[] = {
        {"inner", {"bakers_cyst"}},  {"centre", {"bakers_cyst"}},     {"outer", {"injuries"}},
        {"above", {"injuries"}},     {"below", {"dvt", "injuries"}},
    };
    std::vector<std::string> out;
    for (const std::string& region : regionsMostFirst)
        for (const Link& link : kLinks)
            if (link.region == region)
                for (std::string_view id : link.articles)
                    if (std::find(out.begin(), out.end(), id) == out.end()) out.emplace_back(id);
    return out;
}

}  // namespace core
