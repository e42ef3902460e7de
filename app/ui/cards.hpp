#pragma once
// Cards: bordered surface panels that size to their content, the fields inside them, and the
// card an empty screen shows.
#include <string>

namespace ui {

// A bordered surface panel. Its height is what the content needed last frame (`height`; an
// estimate on the first frame); endCard() returns the height it needs now. A card that does not
// `scroll` passes the mouse wheel on to the page.
void beginCard(const char* id, float width, float height, bool scroll = false);
float endCard();
// A muted label above its value, wrapped; nothing when the value is empty.
void field(const char* label, const std::string& value);
// A card for an empty screen: a title, a sentence and one button (true when tapped); `height`
// keeps the card's measured height between frames.
bool emptyCard(const char* id, float& height, const char* title, const char* text, const char* button,
               const char* buttonKey);

}  // namespace ui
