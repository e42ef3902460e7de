// Stand-in for SDL2's SDL_main.h on Android: main() is renamed SDL_main and given C linkage, so
// SDLActivity's native code finds it by name in libkneelog.so (see README.md).
#pragma once
#ifdef __ANDROID__
#define main SDL_main
#endif
#ifdef __cplusplus
extern "C" int SDL_main(int argc, char* argv[]);
#else
extern int SDL_main(int argc, char* argv[]);
#endif
