// The one loop that runs a simulator in the command line. The single-threaded run, each -t
// worker and the thread that draws a run's variants all drive theirs with it; they differ only
// in where input comes from and where output goes.
#ifndef READFORGE_CLI_DRIVE_H_
#define READFORGE_CLI_DRIVE_H_

#include <functional>
#include <string>

#include "engine/simulator.h"
#include "formats/status.h"

namespace readforge {

struct DriveHooks {
  // Run() said kNeedInput, or kNeedVariantInput: give the simulator its next piece.
  std::function<Status()> input;
  std::function<Status()> variants;
  // Run() said kOutputReady or kDone: take the simulator's output (and ConsumeOutputs()). Setting
  // *stop ends the run quietly: whoever takes the output has gone (cancelled, or another thread
  // failed and said why).
  std::function<Status(bool* stop)> output;
  // After every step, for progress (may be empty).
  std::function<void()> step;
};

// Runs `sim` (started) until it is done, stopped or failed. Errors about the reference are
// prefixed with `reference` (its path); the VCF's name themselves.
Status Drive(Simulator& sim, const std::string& reference, const DriveHooks& hooks);

}  // namespace readforge

#endif  // READFORGE_CLI_DRIVE_H_
