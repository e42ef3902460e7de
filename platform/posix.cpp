// Process-wide privacy default: every file KneeLog creates is readable by the user alone.
#include <sys/stat.h>

#include "platform/platform.hpp"

namespace platform {

void restrictNewFiles() { ::umask(077); }

}  // namespace platform
