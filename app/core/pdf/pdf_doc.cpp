#include "pdf/pdf_doc.hpp"
#include "pdf/pdf_report.hpp"

// libharu's internal headers: needed to give the font a correct ToUnicode map and to save
// through a writer of our own (see below). Their parts used here are the same in 2.3 and 2.4.
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

bool fileExists(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0;
}

}  // namespace

std::string cjkFontPath() {
    if (const char* env = std::getenv("KNEELOG_CJK_FONT"); env && *env) return env;
    return "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";
}

std::string hangulFontPath() {
    if (const char* env = std::getenv("KNEELOG_HANGUL_FONT"); env && *env) return env;
    return "/usr/share/fonts/truetype/unfonts-core/UnDotum.ttf";
}

// [SECTION] document

void Document::onError(HPDF_STATUS error, HPDF_STATUS, void* self) {
    static_cast<Document*>(self)->m_error = error;
}

core::Result<std::unique_ptr<Document>> Document::create(const std::string& fontDir, core::Paper paper) {
    if (fontDir.empty())  // the caller names the folder (the app's assets/fonts); nothing here searches
        return core::makeError(core::ErrorCode::NotFound, "No folder with the report font DejaVu Sans was given.");
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
    d->loadLatin(name, d->m_bold == d->m_regular ? nullptr : HPDF_Font_GetFontName(d->m_bold));
    return d;
}

// The same TrueType font once more with WinAnsiEncoding: a simple font whose text libharu writes
// as a literal string (1 byte a character, ( ) \ escaped). Both fonts share one font descriptor,
// so the font file is embedded once, with the glyphs either of them used.
void Document::loadLatin(const char* regularName, const char* boldName) {
    m_regularLatin = HPDF_GetFont(m_doc, regularName, "WinAnsiEncoding");
    m_boldLatin = boldName ? HPDF_GetFont(m_doc, boldName, "WinAnsiEncoding") : m_regularLatin;
    const HPDF_Encoder encoder = HPDF_GetEncoder(m_doc, "WinAnsiEncoding");
    if (!m_regularLatin || !m_boldLatin || !encoder || failed()) {  // the text stays in the UTF-8 fonts
        HPDF_ResetError(m_doc);
        m_error = 0;
        m_regularLatin = m_boldLatin = nullptr;
        return;
    }
    for (unsigned code = 0x80; code <= 0xFF; ++code) {
        const HPDF_UNICODE u = HPDF_Encoder_GetUnicode(encoder, static_cast<HPDF_UINT16>(code));
        // no-break space and soft hyphen stay in the UTF-8 font: extractors turn them into others
        if (u > 0x7E && u != 0xA0 && u != 0xAD) m_winAnsi.emplace_back(u, static_cast<unsigned char>(code));
    }
    std::sort(m_winAnsi.begin(), m_winAnsi.end());
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
HPDF_Font Document::hangul() const { return m_hangul.load(*this, hangulFontPath()); }

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
    endText();
    if (!m_pages.empty()) packPage(m_doc, m_pages.back());  // laid out: only the footer is still to come
    HPDF_Page page = HPDF_AddPage(m_doc);
    HPDF_Page_SetSize(page, m_size, HPDF_PAGE_PORTRAIT);
    m_width = HPDF_Page_GetWidth(page);
    m_height = HPDF_Page_GetHeight(page);
    m_pages.push_back(page);
    return page;
}

void Document::setFill(HPDF_Page page, Rgb c) const {
    const HPDF_RGBColor now = HPDF_Page_GetRGBFill(page);  // black when the page has no RGB fill yet
    if (HPDF_Page_GetFillingColorSpace(page) != HPDF_CS_DEVICE_RGB || now.r != c.r || now.g != c.g || now.b != c.b)
        HPDF_Page_SetRGBFill(page, c.r, c.g, c.b);
}

void Document::setStroke(HPDF_Page page, Rgb c, float width) const {
    const HPDF_RGBColor now = HPDF_Page_GetRGBStroke(page);
    if (HPDF_Page_GetStrokingColorSpace(page) != HPDF_CS_DEVICE_RGB || now.r != c.r || now.g != c.g || now.b != c.b)
        HPDF_Page_SetRGBStroke(page, c.r, c.g, c.b);
    if (HPDF_Page_GetLineWidth(page) != width) HPDF_Page_SetLineWidth(page, width);
}

void Document::strokeStyle(HPDF_Page page, Rgb c, float width) const {
    endText();
    setStroke(page, c, width);
}

void Document::fillRect(HPDF_Page page, Rgb c, float x, float y, float w, float h) const {
    endText();
    setFill(page, c);
    HPDF_Page_Rectangle(page, x, y, w, h);
    HPDF_Page_Fill(page);
}

void Document::polygon(HPDF_Page page, Rgb fill, Rgb stroke, float width,
                       const std::vector<std::pair<float, float>>& points) const {
    if (points.size() < 3) return;
    endText();
    setFill(page, fill);
    setStroke(page, stroke, width);
    HPDF_Page_MoveTo(page, points[0].first, points[0].second);
    for (std::size_t i = 1; i < points.size(); ++i) HPDF_Page_LineTo(page, points[i].first, points[i].second);
    HPDF_Page_ClosePathFillStroke(page);
}

void Document::line(HPDF_Page page, Rgb c, float width, float x0, float y0, float x1, float y1) const {
    endText();
    setStroke(page, c, width);
    HPDF_Page_MoveTo(page, x0, y0);
    HPDF_Page_LineTo(page, x1, y1);
    HPDF_Page_Stroke(page);
}

void Document::setInfo(const std::string& title, const std::string& subject) {
    HPDF_SetInfoAttr(m_doc, HPDF_INFO_TITLE, title.c_str());
    HPDF_SetInfoAttr(m_doc, HPDF_INFO_SUBJECT, subject.c_str());
    HPDF_SetInfoAttr(m_doc, HPDF_INFO_CREATOR, "KneeLog");
}

namespace {

HPDF_STATUS writeToSink(HPDF_Stream stream, const HPDF_BYTE* bytes, HPDF_UINT size) {
    core::Sink& out = *static_cast<core::Sink*>(stream->attr);
    out.write(std::string_view(reinterpret_cast<const char*>(bytes), size));
    return out.failed() ? HPDF_FILE_IO_ERROR : HPDF_OK;
}

}  // namespace

// libharu saves into the document's own stream, a memory buffer unless one is set: given a writer
// that passes each piece on to `out`, the finished PDF is never held whole in memory.
core::Result<void> Document::save(core::Sink& out) {
    endText();
    HPDF_Stream writer = failed() ? nullptr : HPDF_CallbackWriter_New(m_doc->mmgr, &writeToSink, &out);
    if (writer) {
        if (m_doc->stream) HPDF_Stream_Free(m_doc->stream);
        m_doc->stream = writer;
    }
    const bool saved = writer && HPDF_SaveToStream(m_doc) == HPDF_OK && !failed();
    if (writer) {
        HPDF_Stream_Free(writer);  // it points at `out`, which may not outlive this call
        m_doc->stream = nullptr;
    }
    if (!saved && !out.failed()) {  // a failed sink tells its own reason (e.g. the disk is full)
        char code[16];
        std::snprintf(code, sizeof code, "0x%04lX", m_error);
        return core::makeError(core::ErrorCode::Internal, std::string("Could not lay out the PDF (libharu error ") + code + ")");
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
