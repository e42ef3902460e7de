// Text in the PDF: cutting a string into runs of one font each, measuring, wrapping and drawing.
// Characters WinAnsiEncoding has (Latin-1 letters, digits, punctuation: nearly every entry) go
// through a single-byte twin of DejaVu Sans and are written as literal strings, one byte each;
// the rest (Greek, Cyrillic, symbols) through the same font as 2-byte CIDs, CJK through the
// fallback font, and what no font has as Document::kMissingMark.
#include "pdf/pdf_doc.hpp"

#include <hpdf_fontdef.h>  // libharu internal: HPDF_TTFontDef_GetGlyphid

#include <algorithm>
#include <cmath>

namespace pdf {

namespace {

// Hangul: its letters (jamo, in three blocks) and its syllables; drawn from the Korean font.
bool isHangul(char32_t c) {
    return (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F) || (c >= 0xA960 && c <= 0xA97F) ||
           (c >= 0xAC00 && c <= 0xD7FF);
}

// Tabs become spaces, "\r\n" and "\r" become "\n", other control characters are dropped.
std::string clean(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == '\t') out += ' ';
        else if (c == '\r') {
            out += '\n';
            if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
        } else if (c == '\n' || (c >= 0x20 && c != 0x7F)) out += static_cast<char>(c);
    }
    return out;
}

std::size_t codePointLength(std::string_view s, std::size_t i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
    return std::min(n, s.size() - i);
}

// The code point at s[i] (U+FFFD for a malformed sequence) and its length in bytes.
char32_t decode(std::string_view s, std::size_t i, std::size_t& n) {
    n = codePointLength(s, i);
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (n == 1) return c < 0x80 ? c : 0xFFFD;
    char32_t cp = c & (0xFF >> (n + 1));
    for (std::size_t k = 1; k < n; ++k) {
        const unsigned char t = static_cast<unsigned char>(s[i + k]);
        if ((t & 0xC0) != 0x80) {
            n = k;
            return 0xFFFD;
        }
        cp = (cp << 6) | (t & 0x3F);
    }
    return cp;
}

}  // namespace

bool Document::covers(HPDF_Font font, char32_t c) const {
    if (c > 0xFFFF || (c >= 0xD800 && c <= 0xDFFF)) return false;  // libharu's UTF-8 encoder is BMP only
    if (c < 0x80) return true;
    const HPDF_FontDef def = font == m_regular ? m_regularDef
                             : font == m_bold  ? m_boldDef
                             : font == m_cjk.font ? m_cjk.def
                             : font == m_hangul.font ? m_hangul.def : nullptr;
    // libharu 2.3 embeds glyphs numbered above 32767 empty (WenQuanYi's Hangul syllables): those
    // count as missing, so they show the mark instead of nothing.
    const HPDF_UINT16 glyph = def ? HPDF_TTFontDef_GetGlyphid(def, static_cast<HPDF_UINT16>(c)) : 0;
    return glyph != 0 && glyph < 0x8000;
}

HPDF_Font Document::latinOf(HPDF_Font font) const {
    return font == m_regular ? m_regularLatin : font == m_bold ? m_boldLatin : nullptr;
}

unsigned char Document::winAnsi(char32_t c) const {
    if (c >= 0x20 && c <= 0x7E) return static_cast<unsigned char>(c);
    const auto it = std::lower_bound(m_winAnsi.begin(), m_winAnsi.end(), std::make_pair(c, static_cast<unsigned char>(0)));
    return it != m_winAnsi.end() && it->first == c ? it->second : 0;
}

std::vector<Document::Run> Document::runs(HPDF_Font font, std::string_view raw) const {
    const std::string s = clean(raw);
    std::vector<Run> out;
    auto add = [&](HPDF_Font f, std::string_view piece, bool missing) {
        if (out.empty() || out.back().font != f || out.back().missing != missing) out.push_back(Run{f, {}, missing});
        out.back().text += piece;
    };
    const HPDF_Font latin = latinOf(font);
    for (std::size_t i = 0, n = 0; i < s.size(); i += n) {
        const char32_t c = decode(s, i, n);
        const unsigned char byte = latin && c != 0xFFFD ? winAnsi(c) : 0;
        if (byte != 0) add(latin, std::string_view(reinterpret_cast<const char*>(&byte), 1), false);
        else if (c != 0xFFFD && covers(font, c)) add(font, std::string_view(s).substr(i, n), false);
        else if (isHangul(c) && hangul() && covers(m_hangul.font, c)) add(m_hangul.font, std::string_view(s).substr(i, n), false);
        else if (c != 0xFFFD && c >= 0x2E80 && cjk() && covers(m_cjk.font, c)) add(m_cjk.font, std::string_view(s).substr(i, n), false);
        else add(font, kMissingMark, true);
    }
    return out;
}

float Document::textWidth(HPDF_Font font, float size, std::string_view text) const {
    if (text.empty()) return 0;
    float width = 0;
    for (const Run& r : runs(font, text)) {
        const HPDF_TextWidth w = HPDF_Font_TextWidth(r.font, reinterpret_cast<const HPDF_BYTE*>(r.text.data()),
                                                     static_cast<HPDF_UINT>(r.text.size()));
        width += static_cast<float>(w.width) * size / 1000.0f;
    }
    return width;
}

std::vector<std::string> Document::wrap(std::string_view raw, HPDF_Font font, float size, float width) const {
    const std::string text = clean(raw);
    const float space = textWidth(font, size, " ");
    std::vector<std::string> out;
    std::string line;
    float lineWidth = 0;
    auto place = [&](std::string_view word) {
        const float w = textWidth(font, size, word);
        if (!line.empty() && lineWidth + space + w <= width) {
            line += ' ';
            line += word;
            lineWidth += space + w;
            return;
        }
        if (!line.empty()) out.push_back(std::move(line));
        line.clear();
        lineWidth = 0;
        if (w <= width) {
            line = word;
            lineWidth = w;
            return;
        }
        for (std::size_t i = 0; i < word.size();) {  // a word wider than the line: break it
            const std::size_t n = codePointLength(word, i);
            const float cw = textWidth(font, size, word.substr(i, n));
            if (!line.empty() && lineWidth + cw > width) {
                out.push_back(std::move(line));
                line.clear();
                lineWidth = 0;
            }
            line += word.substr(i, n);
            lineWidth += cw;
            i += n;
        }
    };
    std::size_t start = 0;
    while (true) {
        const std::size_t nl = text.find('\n', start);
        const std::string_view para = std::string_view(text).substr(start, nl == std::string::npos ? std::string::npos : nl - start);
        std::size_t i = 0;
        while (i < para.size()) {
            while (i < para.size() && para[i] == ' ') ++i;
            const std::size_t end = std::min(para.find(' ', i), para.size());
            if (end > i) place(para.substr(i, end - i));
            i = end;
        }
        out.push_back(std::move(line));
        line.clear();
        lineWidth = 0;
        if (nl == std::string::npos) break;
        start = nl + 1;
    }
    while (out.size() > 1 && out.back().empty()) out.pop_back();
    return out;
}

void Document::text(HPDF_Page page, HPDF_Font font, float size, Rgb c, float x, float y, std::string_view s) const {
    if (s.empty()) return;
    // One text object per page while only text is drawn; Td moves from the line before. Positions
    // on a 1/8 point grid keep the numbers short (5 digits after the point otherwise).
    x = std::round(x * 8) / 8;
    y = std::round(y * 8) / 8;
    if (m_textPage != page) {
        endText();
        HPDF_Page_BeginText(page);
        m_textPage = page;
        m_textX = m_textY = 0;
    }
    setFill(page, c);
    HPDF_Page_MoveTextPos(page, x - m_textX, y - m_textY);
    m_textX = x;
    m_textY = y;
    for (const Run& r : runs(font, s)) {
        if (r.missing) m_missed = true;
        // the font stays set after ET: the page's graphics state holds it
        if (HPDF_Page_GetCurrentFont(page) != r.font || HPDF_Page_GetCurrentFontSize(page) != size)
            HPDF_Page_SetFontAndSize(page, r.font, size);
        HPDF_Page_ShowText(page, r.text.c_str());
    }
}

void Document::endText() const {
    if (m_textPage) HPDF_Page_EndText(m_textPage);
    m_textPage = nullptr;
}

void Document::textRight(HPDF_Page page, HPDF_Font font, float size, Rgb c, float right, float y, std::string_view s) const {
    text(page, font, size, c, right - textWidth(font, size, clean(s)), y, s);
}

}  // namespace pdf
