// Process-wide privacy default: every file KneeLog creates is readable by the user alone; and the
// start-up figures the benchmark reads (tests/bench/startup.sh).
#include <sys/stat.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <string>

#include "platform/platform.hpp"

namespace platform {

void restrictNewFiles() { ::umask(077); }

void reportFirstFrame() {
    const char* launch = std::getenv("KNEELOG_LAUNCH_NS");
    if (!launch || !*launch) return;
    timespec now {};
    ::clock_gettime(CLOCK_REALTIME, &now);
    const double ms = (static_cast<double>(now.tv_sec) * 1e9 + static_cast<double>(now.tv_nsec) -
                       std::strtod(launch, nullptr)) / 1e6;
    long peakKb = 0;
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("VmHWM:", 0) == 0) peakKb = std::strtol(line.c_str() + 6, nullptr, 10);
    std::fprintf(stderr, "first_frame_presented_ms=%.1f peak_rss_kb=%ld\n", ms, peakKb);
}

}  // namespace platform
