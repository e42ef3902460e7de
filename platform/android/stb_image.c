/* stb_image's implementation for the Android build (platform/cmake/AndroidDeps.cmake); the desktop
   links Debian's libstb instead. PNG only: the knee map's pictures (platform/images.cpp). */
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#define STBI_NO_STDIO
#include <stb_image.h>
