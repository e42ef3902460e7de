// Images for the screens (the knee map): PNG bytes decoded by stb_image into a texture of the
// renderer in use. The renderer is registered by the runner (sdl_runner.cpp).
#include <SDL.h>
#include <stb_image.h>

#include "platform/platform.hpp"
#include "platform/renderer_internal.hpp"

namespace platform {

namespace {

SDL_Renderer* g_renderer = nullptr;
int g_generation = 0;

}  // namespace

namespace detail {

void setRenderer(SDL_Renderer* renderer) {
    g_renderer = renderer;
    ++g_generation;
}

void texturesLost() { ++g_generation; }

}  // namespace detail

int textureGeneration() { return g_generation; }

ImageLoad loadImage(const std::string& path) {
    ImageLoad out;
    if (!g_renderer) {
        out.error = "no renderer is running to show " + path;
        return out;
    }
    const auto bytes = loadFile(path);
    if (!bytes) {
        out.error = "cannot read " + path;
        return out;
    }
    int w = 0, h = 0, channels = 0;
    unsigned char* pixels = stbi_load_from_memory(reinterpret_cast<const stbi_uc*>(bytes->data()),
                                                  static_cast<int>(bytes->size()), &w, &h, &channels, 4);
    if (!pixels) {
        out.error = path + " is not a readable PNG (" + std::string(stbi_failure_reason()) + ")";
        return out;
    }
    SDL_Texture* texture = SDL_CreateTexture(g_renderer, SDL_PIXELFORMAT_ABGR8888, SDL_TEXTUREACCESS_STATIC, w, h);
    if (texture && SDL_UpdateTexture(texture, nullptr, pixels, w * 4) == 0) {
        SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_BLEND);
        SDL_SetTextureScaleMode(texture, SDL_ScaleModeLinear);
        out.texture = Texture{texture, w, h};
    } else {
        out.error = "cannot make a texture of " + path + ": " + SDL_GetError();
        if (texture) SDL_DestroyTexture(texture);
    }
    stbi_image_free(pixels);
    return out;
}

}  // namespace platform
