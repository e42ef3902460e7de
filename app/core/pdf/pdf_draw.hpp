#pragma once
// Internal to kneelog_pdf: the report's drawing helpers shared by page 1 (pdf_page1.cpp), the
// detail pages (pdf_detail.cpp) and the footers (pdf_report.cpp).
#include <string>
#include <string_view>

#include "core/report.hpp"
#include "core/triage.hpp"
#include "pdf/pdf_doc.hpp"
#include "pdf/pdf_report.hpp"

namespace pdf {

inline constexpr float kTitle = 16.0f, kHeading = 11.0f, kBody = 9.0f, kSmall = 7.5f;

Rgb levelColour(core::Level level);
// What the app told the person, in a few words.
std::string shortAdvice(core::Level level, const std::string& region);
// Wrapped text over the content width; `maxLines` > 0 cuts it there, ending in "...".
void paragraph(Flow& f, std::string_view text, HPDF_Font font, float size, Rgb c, float indent = 0, int maxLines = 0);
// A section heading, kept on the page with at least `keep` points of what follows.
void heading(Flow& f, std::string_view text, float keep);
// `text` wrapped to `width` and cut to `maxLines` (the last ending in "..."), joined with '\n'.
std::string clip(const Document& d, std::string_view text, HPDF_Font font, float size, float width, int maxLines);
std::string stamp(const core::LocalDateTime& t);

struct Page1Options {
    bool detailPages = true;  // false: the one-page summary ("and N more" then says so)
};
// Page 1: who and when, the serious alerts, pain now and before, the chart, the most frequent.
void drawPage1(Flow& f, const core::Report& r, const Page1Options& options);
// From a new page: every alert, newest first, then every entry, newest first, by month (the
// headers count from `r.months`): each row laid out as `rows` hands it over, then let go. An
// error from `rows` stops the drawing and is returned.
core::Result<void> drawDetails(Flow& f, const core::Report& r, const RowSource& rows);

}  // namespace pdf
