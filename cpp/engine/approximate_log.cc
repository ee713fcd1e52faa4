#include "engine/approximate_log.h"

#include <cmath>

namespace readforge {

LogTable::LogTable() {
  for (int i = 0; i < kEntries; ++i) {
    const double center = 1 + (i + 0.5) / kEntries;
    log_center[static_cast<size_t>(i)] = std::log(center);
    inverse_center[static_cast<size_t>(i)] = 1 / center;
  }
}

const LogTable kLogTable;

}  // namespace readforge
