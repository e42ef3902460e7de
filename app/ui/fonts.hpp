#pragma once
// Fonts baked at the DPI-scaled size: DejaVu Sans when available, ImGui's built-in font otherwise.
// Besides Latin-1 and the symbols the texts use, the atlas holds just the characters the journal's
// notes contain (Greek, Cyrillic, Arabic... from DejaVu; Chinese, Japanese and Korean from a CJK
// font read only when such text exists). A character no font has (most emoji) is drawn as the
// mark U+25A1 (a white square), never as nothing. See fonts.md.
#include <imgui.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace core {
class Journal;
}

namespace ui {

struct Fonts {
    ImFont* regular = nullptr;
    ImFont* bold = nullptr;
    ImFont* heading = nullptr;  // bold, larger
    ImFont* huge = nullptr;     // bold, for the pain numbers
    ImFont* small = nullptr;    // the bottom navigation bar on phones
    ImFont* smallBold = nullptr;
};

// A file's bytes, kept readable as long as the pointer is held (platform::mapFile maps them).
using SharedBytes = std::shared_ptr<const std::string_view>;

// What the atlas is built from besides the shipped TTFs.
struct TypedText {
    std::function<SharedBytes()> loadCjkTtf;  // the CJK font's bytes (null: none); opened only when needed
    std::vector<char32_t> characters;          // the journal's characters beyond ASCII, sorted
    uint64_t version = UINT64_MAX;             // the data version `characters` was read at
    // Reads the journal's characters again when `dataVersion` moved (never per frame otherwise);
    // true when they changed, so the atlas must be rebuilt.
    bool refresh(core::Journal* journal, uint64_t dataVersion);
    // True when some character needs the CJK font.
    bool needsCjk() const;
};

inline constexpr ImWchar kMissingMark = 0x25A1;  // WHITE SQUARE: the mark for a character no font has

// TTF bytes (may be empty: the built-in font is used). Rebuilds io.Fonts. The CJK font is opened,
// its glyphs baked, and released again within the call.
Fonts buildFonts(std::string_view regularTtf, std::string_view boldTtf, float pixelSize, const TypedText& typed = {});
const Fonts& fonts();

// n times the current font size: every size in the screens is expressed with it.
inline float em(float n) { return n * ImGui::GetFontSize(); }

}  // namespace ui
