#pragma once
// Internal to kneelog_pdf: a thin RAII layer over libharu (document, embedded DejaVu Sans with
// UTF-8 text, measuring and wrapping; Chinese, Japanese and Korean from WenQuanYi Zen Hei, loaded
// only when a text needs it; a visible box for characters no font has), a top-to-bottom flow
// that starts new pages, and a table that wraps its cells, repeats its header on each page and
// splits rows taller than a page.
// libharu holds every page's content in memory until save(), so the content is kept small:
// text WinAnsiEncoding can encode is written 1 byte a character through a single-byte twin of
// each font (pdf_text.cpp), a colour, line width or font the page already has is not set again,
// and lines of text share one text object until something else is drawn.
#include <hpdf.h>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/report.hpp"
#include "core/result.hpp"
#include "core/sink.hpp"

namespace pdf {

// Deflates what a finished page holds so far into a stream of its own, inflated again only while
// the document is saved; the page goes on taking drawing (its footer) into its own stream. False
// when the page was left as it was (too little content, or zlib failed). pdf_pack.cpp.
bool packPage(HPDF_Doc doc, HPDF_Page page);

struct Rgb {
    float r = 0, g = 0, b = 0;
};

namespace colour {
inline constexpr Rgb kText{0.11f, 0.12f, 0.14f};
inline constexpr Rgb kMuted{0.38f, 0.40f, 0.44f};
inline constexpr Rgb kAccent{0.08f, 0.33f, 0.58f};
inline constexpr Rgb kRule{0.78f, 0.80f, 0.83f};
inline constexpr Rgb kShade{0.955f, 0.96f, 0.97f};
inline constexpr Rgb kHeader{0.89f, 0.92f, 0.95f};
}  // namespace colour

class Document {
public:
    // Loads DejaVuSans.ttf (and -Bold when present) from `fontDir`, embedded as subsets.
    static core::Result<std::unique_ptr<Document>> create(const std::string& fontDir, core::Paper paper);
    ~Document();
    Document(const Document&) = delete;
    Document& operator=(const Document&) = delete;

    HPDF_Page addPage();
    const std::vector<HPDF_Page>& pages() const { return m_pages; }
    float pageWidth() const { return m_width; }
    float pageHeight() const { return m_height; }
    HPDF_Font regular() const { return m_regular; }
    HPDF_Font bold() const { return m_bold; }

    // Measuring and drawing go through the same fallback: a character the font lacks is drawn
    // from the CJK font (loaded on first need) or, when no font has it, as kMissingMark.
    float textWidth(HPDF_Font font, float size, std::string_view text) const;
    // Lines of at most `width` points: breaks at spaces, at '\n', and inside words too long
    // for a line (between characters).
    std::vector<std::string> wrap(std::string_view text, HPDF_Font font, float size, float width) const;
    // Text with its baseline at y.
    void text(HPDF_Page page, HPDF_Font font, float size, Rgb c, float x, float y, std::string_view s) const;
    void textRight(HPDF_Page page, HPDF_Font font, float size, Rgb c, float right, float y, std::string_view s) const;
    void fillRect(HPDF_Page page, Rgb c, float x, float y, float w, float h) const;
    // Before drawing a path directly: ends the open text object and sets the stroke.
    void strokeStyle(HPDF_Page page, Rgb c, float width) const;
    void line(HPDF_Page page, Rgb c, float width, float x0, float y0, float x1, float y1) const;
    // A closed polygon (x, y pairs in points), filled and outlined.
    void polygon(HPDF_Page page, Rgb fill, Rgb stroke, float width, const std::vector<std::pair<float, float>>& points) const;

    // True once a character no font covers was drawn (as kMissingMark).
    bool missedCharacters() const { return m_missed; }
    static constexpr const char* kMissingMark = "\xE2\x96\xA1";  // U+25A1 WHITE SQUARE

    void setInfo(const std::string& title, const std::string& subject);
    core::Result<void> save(core::Sink& out);  // the PDF, streamed out of libharu's buffer
    bool failed() const { return m_error != 0; }

private:
    Document() = default;
    static void onError(HPDF_STATUS error, HPDF_STATUS detail, void* self);
    void replaceToUnicode(HPDF_Font font);
    struct Run {
        HPDF_Font font;
        std::string text;  // in the font's encoding: WinAnsi bytes for a latin twin, else UTF-8
        bool missing = false;
    };
    // `text` (cleaned) cut into runs of one font each.
    std::vector<Run> runs(HPDF_Font font, std::string_view text) const;
    bool covers(HPDF_Font font, char32_t c) const;
    // A font loaded on first need (nullptr when not installed or broken).
    struct Fallback {
        HPDF_Font font = nullptr;
        HPDF_FontDef def = nullptr;
        bool tried = false;
        HPDF_Font load(const Document& d, const std::string& path);
    };
    // The WinAnsiEncoding twin of regular() or bold() (nullptr for other fonts or when it failed).
    HPDF_Font latinOf(HPDF_Font font) const;
    // The WinAnsiEncoding byte for `c`, or 0 when it has none (or its extraction is unreliable).
    unsigned char winAnsi(char32_t c) const;
    void loadLatin(const char* regularName, const char* boldName);
    // Text stays in one text object (BT) until something else is drawn, a page is added or the
    // document saved; endText() closes it.
    void endText() const;
    mutable HPDF_Page m_textPage = nullptr;
    mutable float m_textX = 0, m_textY = 0;  // the start of the last line drawn in it
    // Set only what the page's graphics state does not already hold.
    void setFill(HPDF_Page page, Rgb c) const;
    void setStroke(HPDF_Page page, Rgb c, float width) const;
    HPDF_Font cjk() const;     // the CJK font, loaded on first call
    HPDF_Font hangul() const;  // the Korean font, loaded on first call

    HPDF_Doc m_doc = nullptr;
    HPDF_Font m_regular = nullptr;
    HPDF_Font m_bold = nullptr;
    HPDF_FontDef m_regularDef = nullptr, m_boldDef = nullptr;
    HPDF_Font m_regularLatin = nullptr, m_boldLatin = nullptr;
    std::vector<std::pair<char32_t, unsigned char>> m_winAnsi;  // code points above 0x7E, sorted
    mutable Fallback m_cjk;
    mutable Fallback m_hangul;
    mutable bool m_missed = false;
    std::vector<HPDF_Page> m_pages;
    float m_width = 0, m_height = 0;
    HPDF_PageSizes m_size = HPDF_PAGE_SIZE_A4;
    unsigned long m_error = 0;
};

// Where the content goes next: a y that moves down the page, and new pages when it runs out.
class Flow {
public:
    static constexpr float kMarginX = 40, kMarginTop = 44, kMarginBottom = 58;

    explicit Flow(Document& doc);
    Document& doc() { return m_doc; }
    HPDF_Page page() const { return m_page; }
    float left() const { return kMarginX; }
    float right() const { return m_doc.pageWidth() - kMarginX; }
    float contentWidth() const { return right() - left(); }
    float y() const { return m_y; }
    float room() const { return m_y - kMarginBottom; }
    void down(float dy) { m_y -= dy; }
    // A new page unless `height` still fits below the current y.
    void need(float height);
    void newPage();
    // Runs after each new page (a table redraws its header here).
    std::function<void()> onNewPage;

private:
    Document& m_doc;
    HPDF_Page m_page = nullptr;
    float m_y = 0;
};

struct Column {
    std::string title;
    float width = 0;      // points
    bool bold = false;    // the cells' font
};

class Table {
public:
    Table(Flow& flow, std::vector<Column> columns, float fontSize);
    ~Table();
    // Draws the header row (again after every page break while the table lives).
    void begin();
    // One row; cells are wrapped to their column. A row taller than the room left moves to the
    // next page, or, when it is taller than a whole page, continues across pages.
    // `boldColour` colours the bold columns' text (e.g. an alert's level).
    void row(const std::vector<std::string>& cells, Rgb boldColour = colour::kText);
    // A full-width label row that starts a group (e.g. a month), kept with the row after it.
    void groupRow(const std::string& label);
    float leading() const { return m_size * 1.25f; }
    // The height row(cells) would take, when it fits on the page.
    float rowHeight(const std::vector<std::string>& cells) const;

private:
    void header();
    void drawLines(const std::vector<std::vector<std::string>>& lines, std::size_t first, std::size_t count, Rgb boldColour);

    Flow& m_flow;
    std::vector<Column> m_columns;
    float m_size;
    int m_rows = 0;
};

}  // namespace pdf
