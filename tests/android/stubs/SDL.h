// Stand-in for SDL2 2.26's SDL.h: the declarations KneeLog's platform layer uses (see README.md).
#pragma once
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef uint8_t Uint8;
typedef uint16_t Uint16;
typedef uint32_t Uint32;
typedef int32_t Sint32;
typedef enum { SDL_FALSE = 0, SDL_TRUE = 1 } SDL_bool;

#define SDL_INIT_VIDEO 0x00000020u
#define SDL_INIT_EVENTS 0x00004000u
int SDL_Init(Uint32 flags);
void SDL_Quit(void);
const char* SDL_GetError(void);
char* SDL_getenv(const char* name);
void SDL_free(void* mem);

#define SDL_HINT_IME_SHOW_UI "SDL_IME_SHOW_UI"
#define SDL_HINT_VIDEODRIVER "SDL_VIDEODRIVER"
#define SDL_HINT_RENDER_DRIVER "SDL_RENDER_DRIVER"
SDL_bool SDL_SetHint(const char* name, const char* value);

// [SECTION] video
typedef struct SDL_Window SDL_Window;
typedef struct SDL_Renderer SDL_Renderer;
typedef struct SDL_Surface SDL_Surface;
typedef struct SDL_Rect {
    int x, y, w, h;
} SDL_Rect;
typedef enum {
    SDL_WINDOW_HIDDEN = 0x00000008,
    SDL_WINDOW_RESIZABLE = 0x00000020,
    SDL_WINDOW_ALLOW_HIGHDPI = 0x00002000
} SDL_WindowFlags;
#define SDL_WINDOWPOS_CENTERED 0x2FFF0000u
typedef enum {
    SDL_RENDERER_SOFTWARE = 0x00000001,
    SDL_RENDERER_ACCELERATED = 0x00000002,
    SDL_RENDERER_PRESENTVSYNC = 0x00000004
} SDL_RendererFlags;
typedef enum { SDL_PIXELFORMAT_RGBA32 = 0x16762004u, SDL_PIXELFORMAT_ABGR8888 = 0x16762004u } SDL_PixelFormatEnum;

const char* SDL_GetCurrentVideoDriver(void);
SDL_Window* SDL_CreateWindow(const char* title, int x, int y, int w, int h, Uint32 flags);
void SDL_DestroyWindow(SDL_Window* window);
void SDL_GetWindowSize(SDL_Window* window, int* w, int* h);
int SDL_GetWindowDisplayIndex(SDL_Window* window);
int SDL_GetDisplayDPI(int displayIndex, float* ddpi, float* hdpi, float* vdpi);
int SDL_GetDisplayUsableBounds(int displayIndex, SDL_Rect* rect);
void SDL_SetWindowIcon(SDL_Window* window, SDL_Surface* icon);
SDL_Renderer* SDL_CreateRenderer(SDL_Window* window, int index, Uint32 flags);
void SDL_DestroyRenderer(SDL_Renderer* renderer);
int SDL_GetRendererOutputSize(SDL_Renderer* renderer, int* w, int* h);
int SDL_SetRenderDrawColor(SDL_Renderer* renderer, Uint8 r, Uint8 g, Uint8 b, Uint8 a);
int SDL_RenderClear(SDL_Renderer* renderer);
void SDL_RenderPresent(SDL_Renderer* renderer);
int SDL_RenderReadPixels(SDL_Renderer* renderer, const SDL_Rect* rect, Uint32 format, void* pixels, int pitch);
SDL_Surface* SDL_CreateRGBSurfaceWithFormatFrom(void* pixels, int width, int height, int depth, int pitch,
                                                Uint32 format);
void SDL_FreeSurface(SDL_Surface* surface);

// [SECTION] events
typedef enum {
    SDL_QUIT = 0x100,
    SDL_APP_TERMINATING,
    SDL_APP_LOWMEMORY,
    SDL_APP_WILLENTERBACKGROUND,
    SDL_APP_DIDENTERBACKGROUND,
    SDL_APP_WILLENTERFOREGROUND,
    SDL_APP_DIDENTERFOREGROUND,
    SDL_WINDOWEVENT = 0x200,
    SDL_KEYDOWN = 0x300
} SDL_EventType;
typedef enum { SDL_WINDOWEVENT_SIZE_CHANGED = 6, SDL_WINDOWEVENT_CLOSE = 14 } SDL_WindowEventID;
typedef enum { SDL_SCANCODE_AC_BACK = 270 } SDL_Scancode;
typedef Sint32 SDL_Keycode;
typedef struct SDL_Keysym {
    SDL_Scancode scancode;
    SDL_Keycode sym;
    Uint16 mod;
    Uint32 unused;
} SDL_Keysym;
typedef struct SDL_WindowEvent {
    Uint32 type, timestamp, windowID;
    Uint8 event, padding1, padding2, padding3;
    Sint32 data1, data2;
} SDL_WindowEvent;
typedef struct SDL_KeyboardEvent {
    Uint32 type, timestamp, windowID;
    Uint8 state, repeat, padding2, padding3;
    SDL_Keysym keysym;
} SDL_KeyboardEvent;
typedef union SDL_Event {
    Uint32 type;
    SDL_WindowEvent window;
    SDL_KeyboardEvent key;
    Uint8 padding[56];
} SDL_Event;
int SDL_PollEvent(SDL_Event* event);
int SDL_WaitEventTimeout(SDL_Event* event, int timeout);
void SDL_StartTextInput(void);
void SDL_StopTextInput(void);

// [SECTION] files and paths
char* SDL_GetBasePath(void);
char* SDL_GetPrefPath(const char* org, const char* app);
void* SDL_LoadFile(const char* file, size_t* datasize);

// [SECTION] Android (SDL_system.h): both return JNI handles as void*.
#ifdef __ANDROID__
void* SDL_AndroidGetJNIEnv(void);
void* SDL_AndroidGetActivity(void);
const char* SDL_AndroidGetInternalStoragePath(void);
#endif

#ifdef __cplusplus
}
#endif
