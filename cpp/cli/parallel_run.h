// Runs one simulation on several threads. Each thread runs its own Simulator over the whole
// reference (parsing is cheap) but simulates only every Nth block; the main thread writes the
// blocks back in order. Blocks have their own random streams, so the bytes are those of one
// thread.
#ifndef READFORGE_CLI_PARALLEL_RUN_H_
#define READFORGE_CLI_PARALLEL_RUN_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/reference_index.h"
#include "engine/simulator.h"

namespace readforge {

using OutputSink = std::function<Status(OutputStream, std::string_view)>;

struct RunReport {
  SimulatorStats stats;
  std::vector<std::string> warnings;
};

// `threads` simulators over the reference file at `path` (read once per thread).
Status RunParallel(const Options& options,
                   const SharedLayout& layout,
                   const std::string& path,
                   int threads,
                   const OutputSink& sink,
                   RunReport* report);

}  // namespace readforge

#endif  // READFORGE_CLI_PARALLEL_RUN_H_
