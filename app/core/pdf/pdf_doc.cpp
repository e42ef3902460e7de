#include "pdf/pdf_doc.hpp"
#include "pdf/pdf_report.hpp"

// libharu's internal headers: needed to give the font a correct ToUnicode map (see below).
#include <hpdf_doc.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sys/stat.h>

namespace pdf {

namespace {

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

bool fileExists(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0;
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

std::string cjkFontPath() {
    if (const char* env = std::getenv("KNEELOG_CJK_FONT"); env && *env) return env;
    return "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";
}

// [SECTION] document

void Document::onError(HPDF_STATUS error, HPDF_STATUS, void* self) {
    static_cast<Document*>(self)->m_error = error;
}

core::Result<std::unique_ptr<Document>> Document::create(const std::string& fontDir, core::Paper paper) {
    std::unique_ptr<Document> d(new Document());
    d->m_doc = HPDF_New(&Document::onError, d.get());
    if (!d->m_doc) return core::makeError(core::ErrorCode::Internal, "Could not start a PDF (out of memory?)");
    d->m_size = paper == core::Paper::Letter ? HPDF_PAGE_SIZE_LETTER : HPDF_PAGE_SIZE_A4;
    HPDF_SetCompressionMode(d->m_doc, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(d->m_doc);
    HPDF_SetCurrentEncoder(d->m_doc, "UTF-8");
    const std::string regular = fontDir + "/DejaVuSans.ttf", bold = fontDir + "/DejaVuSans-Bold.ttf";
    const char* name = HPDF_LoadTTFontFromFile(d->m_doc, regular.c_str(), HPDF_TRUE);
    if (!name || d->failed())
        return core::makeError(core::ErrorCode::Io, "Could not load the report font '" + regular +
                                                        "': install the Debian package 'fonts-dejavu-core'");
    d->m_regular = HPDF_GetFont(d->m_doc, name, "UTF-8");
    d->m_bold = d->m_regular;
    if (fileExists(bold))
        if (const char* boldName = HPDF_LoadTTFontFromFile(d->m_doc, bold.c_str(), HPDF_TRUE))
            d->m_bold = HPDF_GetFont(d->m_doc, boldName, "UTF-8");
    if (!d->m_regular || !d->m_bold || d->failed())
        return core::makeError(core::ErrorCode::Internal, "Could not prepare the report font for the PDF");
    d->replaceToUnicode(d->m_regular);
    if (d->m_bold != d->m_regular) d->replaceToUnicode(d->m_bold);
    d->m_regularDef = HPDF_GetFontDef(d->m_doc, name);
    d->m_boldDef = d->m_bold == d->m_regular ? d->m_regularDef : HPDF_GetFontDef(d->m_doc, HPDF_Font_GetFontName(d->m_bold));
    return d;
}

HPDF_Font Document::Fallback::load(const Document& d, const std::string& path) {
    if (tried) return font;
    tried = true;
    if (!fileExists(path)) return nullptr;
    const bool collection = path.size() > 4 && path.compare(path.size() - 4, 4, ".ttc") == 0;
    const char* name = collection ? HPDF_LoadTTFontFromFile2(d.m_doc, path.c_str(), 0, HPDF_TRUE)
                                  : HPDF_LoadTTFontFromFile(d.m_doc, path.c_str(), HPDF_TRUE);
    HPDF_Font loaded = name ? HPDF_GetFont(d.m_doc, name, "UTF-8") : nullptr;
    Document& doc = const_cast<Document&>(d);
    if (!loaded || d.failed()) {  // a broken font file: the characters show as missing instead
        HPDF_ResetError(d.m_doc);
        doc.m_error = 0;
        return nullptr;
    }
    doc.replaceToUnicode(loaded);
    def = HPDF_GetFontDef(d.m_doc, name);
    font = loaded;
    return font;
}

HPDF_Font Document::cjk() const { return m_cjk.load(*this, cjkFontPath()); }

bool Document::covers(HPDF_Font font, char32_t c) const {
    if (c > 0xFFFF || (c >= 0xD800 && c <= 0xDFFF)) return false;  // libharu's UTF-8 encoder is BMP only
    if (c < 0x80) return true;
    const HPDF_FontDef def = font == m_regular ? m_regularDef
                             : font == m_bold  ? m_boldDef
                             : font == m_cjk.font ? m_cjk.def : nullptr;
    // libharu 2.3 embeds glyphs numbered above 32767 empty (WenQuanYi's Hangul syllables): those
    // count as missing, so they show the mark instead of nothing.
    const HPDF_UINT16 glyph = def ? HPDF_TTFontDef_GetGlyphid(def, static_cast<HPDF_UINT16>(c)) : 0;
    return glyph != 0 && glyph < 0x8000;
}

std::vector<Document::Run> Document::runs(HPDF_Font font, std::string_view raw) const {
    const std::string s = clean(raw);
    std::vector<Run> out;
    auto add = [&](HPDF_Font f, std::string_view piece, bool missing) {
        if (out.empty() || out.back().font != f || out.back().missing != missing) out.push_back(Run{f, {}, missing});
        out.back().text += piece;
    };
    for (std::size_t i = 0, n = 0; i < s.size(); i += n) {
        const char32_t c = decode(s, i, n);
        if (c != 0xFFFD && covers(font, c)) add(font, std::string_view(s).substr(i, n), false);
        else if (c != 0xFFFD && c >= 0x2E80 && cjk() && covers(m_cjk.font, c)) add(m_cjk.font, std::string_view(s).substr(i, n), false);
        else add(font, kMissingMark, true);
    }
    return out;
}

Document::~Document() {
    if (m_doc) HPDF_Free(m_doc);
}

// libharu 2.3's UTF-8 encoder stores its code-to-CID CMap as the font's ToUnicode map, which
// text extractors and screen readers reject ("Invalid 'begincidrange' operator"). Its codes
// are the Unicode BMP code points themselves, so the correct map is the identity: written
// here as 248 ranges (surrogates left out), it makes search, copy and pdftotext work cleanly.
void Document::replaceToUnicode(HPDF_Font font) {
    std::string cmap =
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    std::string block;
    int n = 0;
    auto flush = [&] {
        if (n == 0) return;
        cmap += std::to_string(n) + " beginbfrange\n" + block + "endbfrange\n";
        block.clear();
        n = 0;
    };
    for (int hi = 0; hi < 256; ++hi) {
        if (hi >= 0xD8 && hi <= 0xDF) continue;
        char range[40];
        std::snprintf(range, sizeof range, "<%02X00> <%02XFF> <%02X00>\n", hi, hi, hi);
        block += range;
        if (++n == 100) flush();
    }
    flush();
    cmap += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    HPDF_Dict stream = HPDF_DictStream_New(m_doc->mmgr, m_doc->xref);
    if (!stream) return;
    stream->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    HPDF_Stream_Write(stream->stream, reinterpret_cast<const HPDF_BYTE*>(cmap.data()), static_cast<HPDF_UINT>(cmap.size()));
    HPDF_Dict_Add(font, "ToUnicode", stream);
}

HPDF_Page Document::addPage() {
    HPDF_Page page = HPDF_AddPage(m_doc);
    HPDF_Page_SetSize(page, m_size, HPDF_PAGE_PORTRAIT);
    m_width = HPDF_Page_GetWidth(page);
    m_height = HPDF_Page_GetHeight(page);
    m_pages.push_back(page);
    return page;
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
    HPDF_Page_SetRGBFill(page, c.r, c.g, c.b);
    HPDF_Page_BeginText(page);
    HPDF_Page_MoveTextPos(page, x, y);
    for (const Run& r : runs(font, s)) {
        if (r.missing) m_missed = true;
        HPDF_Page_SetFontAndSize(page, r.font, size);
        HPDF_Page_ShowText(page, r.text.c_str());
    }
    HPDF_Page_EndText(page);
}

void Document::textRight(HPDF_Page page, HPDF_Font font, float size, Rgb c, float right, float y, std::string_view s) const {
    text(page, font, size, c, right - textWidth(font, size, clean(s)), y, s);
}

void Document::fillRect(HPDF_Page page, Rgb c, float x, float y, float w, float h) const {
    HPDF_Page_SetRGBFill(page, c.r, c.g, c.b);
    HPDF_Page_Rectangle(page, x, y, w, h);
    HPDF_Page_Fill(page);
}

void Document::polygon(HPDF_Page page, Rgb fill, Rgb stroke, float width,
                       const std::vector<std::pair<float, float>>& points) const {
    if (points.size() < 3) return;
    HPDF_Page_SetRGBFill(page, fill.r, fill.g, fill.b);
    HPDF_Page_SetRGBStroke(page, stroke.r, stroke.g, stroke.b);
    HPDF_Page_SetLineWidth(page, width);
    HPDF_Page_MoveTo(page, points[0].first, points[0].second);
    for (std::size_t i = 1; i < points.size(); ++i) HPDF_Page_LineTo(page, points[i].first, points[i].second);
    HPDF_Page_ClosePathFillStroke(page);
}

void Document::line(HPDF_Page page, Rgb c, float width, float x0, float y0, float x1, float y1) const {
    HPDF_Page_SetRGBStroke(page, c.r, c.g, c.b);
    HPDF_Page_SetLineWidth(page, width);
    HPDF_Page_MoveTo(page, x0, y0);
    HPDF_Page_LineTo(page, x1, y1);
    HPDF_Page_Stroke(page);
}

void Document::setInfo(const std::string& title, const std::string& subject) {
    HPDF_SetInfoAttr(m_doc, HPDF_INFO_TITLE, title.c_str());
    HPDF_SetInfoAttr(m_doc, HPDF_INFO_SUBJECT, subject.c_str());
    HPDF_SetInfoAttr(m_doc, HPDF_INFO_CREATOR, "KneeLog");
}

core::Result<void> Document::save(core::Sink& out) {
    if (failed() || HPDF_SaveToStream(m_doc) != HPDF_OK || failed()) {
        char code[16];
        std::snprintf(code, sizeof code, "0x%04lX", m_error);
        return core::makeError(core::ErrorCode::Internal, std::string("Could not lay out the PDF (libharu error ") + code + ")");
    }
    HPDF_ResetStream(m_doc);
    for (;;) {
        HPDF_BYTE buffer[1 << 15];
        HPDF_UINT32 size = sizeof buffer;
        const HPDF_STATUS status = HPDF_ReadFromStream(m_doc, buffer, &size);
        out.write(std::string_view(reinterpret_cast<const char*>(buffer), size));
        if (status != HPDF_OK || size == 0) break;
    }
    return {};
}

// [SECTION] flow

Flow::Flow(Document& doc) : m_doc(doc) { newPage(); }

void Flow::need(float height) {
    if (room() < height) newPage();
}

void Flow::newPage() {
    m_page = m_doc.addPage();
    m_y = m_doc.pageHeight() - kMarginTop;
    if (onNewPage) onNewPage();
}

}  // namespace pdf
