#include "pdf/pdf_doc.hpp"

#include <algorithm>
#include <cmath>

namespace pdf {

// [SECTION] table

namespace {
constexpr float kPadX = 3.0f, kPadY = 2.5f;
}

Table::Table(Flow& flow, std::vector<Column> columns, float fontSize)
    : m_flow(flow), m_columns(std::move(columns)), m_size(fontSize) {}

Table::~Table() { m_flow.onNewPage = nullptr; }

void Table::begin() {
    m_flow.need(leading() * 4 + kPadY * 4);
    header();
    m_flow.onNewPage = [this] { header(); };
}

void Table::header() {
    Document& doc = m_flow.doc();
    std::vector<std::vector<std::string>> titles;
    std::size_t lines = 1;
    for (const Column& c : m_columns) {
        titles.push_back(doc.wrap(c.title, doc.bold(), m_size, c.width - 2 * kPadX));
        lines = std::max(lines, titles.back().size());
    }
    const float h = static_cast<float>(lines) * leading() + 2 * kPadY;
    const float top = m_flow.y();
    doc.fillRect(m_flow.page(), colour::kHeader, m_flow.left(), top - h, m_flow.contentWidth(), h);
    float x = m_flow.left();
    for (std::size_t i = 0; i < m_columns.size(); ++i) {
        for (std::size_t k = 0; k < titles[i].size(); ++k)
            doc.text(m_flow.page(), doc.bold(), m_size, colour::kText, x + kPadX,
                     top - kPadY - m_size * 0.92f - static_cast<float>(k) * leading(), titles[i][k]);
        x += m_columns[i].width;
    }
    m_flow.down(h);
}

void Table::row(const std::vector<std::string>& cells, Rgb boldColour) {
    Document& doc = m_flow.doc();
    std::vector<std::vector<std::string>> lines(m_columns.size());
    std::size_t n = 1;
    for (std::size_t i = 0; i < m_columns.size() && i < cells.size(); ++i) {
        lines[i] = doc.wrap(cells[i], m_columns[i].bold ? doc.bold() : doc.regular(), m_size, m_columns[i].width - 2 * kPadX);
        n = std::max(n, lines[i].size());
    }
    auto linesIn = [&](float room) {
        return static_cast<std::size_t>(std::max(0.0f, std::floor((room - 2 * kPadY) / leading())));
    };
    auto capacity = [&] { return linesIn(m_flow.room()); };
    const float pageRoom = m_flow.doc().pageHeight() - Flow::kMarginTop - Flow::kMarginBottom - leading() - 2 * kPadY;
    // A row that fits on a fresh page moves there whole; a taller one starts here unless only a
    // few lines are left, and continues across pages.
    if (n > capacity() && (n <= linesIn(pageRoom) || capacity() < 3)) m_flow.newPage();
    std::size_t first = 0;
    while (first < n) {
        const std::size_t count = std::min(capacity(), n - first);
        if (count == 0) {
            m_flow.newPage();
            continue;
        }
        drawLines(lines, first, count, boldColour);
        first += count;
        if (first < n) m_flow.newPage();
    }
    ++m_rows;
}

float Table::rowHeight(const std::vector<std::string>& cells) const {
    const Document& doc = m_flow.doc();
    std::size_t n = 1;
    for (std::size_t i = 0; i < m_columns.size() && i < cells.size(); ++i)
        n = std::max(n, doc.wrap(cells[i], m_columns[i].bold ? doc.bold() : doc.regular(), m_size,
                                 m_columns[i].width - 2 * kPadX).size());
    return static_cast<float>(n) * leading() + 2 * kPadY;
}

void Table::groupRow(const std::string& label) {
    Document& doc = m_flow.doc();
    const float h = leading() + 2 * kPadY;
    m_flow.need(2 * h + leading());
    const float top = m_flow.y() - 4;
    m_flow.down(4);
    doc.text(m_flow.page(), doc.bold(), m_size + 1.0f, colour::kAccent, m_flow.left() + kPadX,
             top - kPadY - m_size * 0.92f, label);
    doc.line(m_flow.page(), colour::kAccent, 0.6f, m_flow.left(), top - h, m_flow.right(), top - h);
    m_flow.down(h);
    m_rows = 0;
}

void Table::drawLines(const std::vector<std::vector<std::string>>& lines, std::size_t first, std::size_t count,
                      Rgb boldColour) {
    Document& doc = m_flow.doc();
    const float h = static_cast<float>(count) * leading() + 2 * kPadY;
    const float top = m_flow.y();
    if (m_rows % 2 == 1) doc.fillRect(m_flow.page(), colour::kShade, m_flow.left(), top - h, m_flow.contentWidth(), h);
    float x = m_flow.left();
    const auto baseline = [&](std::size_t k) { return top - kPadY - m_size * 0.92f - static_cast<float>(k) * leading(); };
    if (first > 0 && !lines.empty() && !lines[0].empty()) {  // a row continued from the page before
        doc.text(m_flow.page(), doc.regular(), m_size, colour::kMuted, x + kPadX, baseline(0), lines[0][0]);
        if (count > 1) doc.text(m_flow.page(), doc.regular(), m_size, colour::kMuted, x + kPadX, baseline(1), "(continued)");
    }
    for (std::size_t i = 0; i < m_columns.size(); ++i) {
        HPDF_Font font = m_columns[i].bold ? doc.bold() : doc.regular();
        for (std::size_t k = first; k < first + count && k < lines[i].size(); ++k)
            doc.text(m_flow.page(), font, m_size, m_columns[i].bold ? boldColour : colour::kText, x + kPadX,
                     baseline(k - first), lines[i][k]);
        x += m_columns[i].width;
    }
    doc.line(m_flow.page(), colour::kRule, 0.4f, m_flow.left(), top - h, m_flow.right(), top - h);
    m_flow.down(h);
}

}  // namespace pdf
