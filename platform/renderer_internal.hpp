#pragma once
// Between the runner (sdl_runner.cpp) and the image loader (images.cpp) only.
#include <SDL.h>

namespace platform::detail {

// The renderer textures are made for (nullptr when none runs); a new one invalidates old textures.
void setRenderer(SDL_Renderer* renderer);
// The renderer lost its textures (SDL_RENDER_DEVICE_RESET).
void texturesLost();

}  // namespace platform::detail
