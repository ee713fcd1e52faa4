#include "cli/interrupt.h"

#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstring>

namespace readforge::interrupt {
namespace {

// Enough for every output of a run (reads, mutations, VCF, a temporary sidecar) and some.
constexpr int kSlots = 16;
constexpr size_t kPathBytes = 4096;

char paths[kSlots][kPathBytes];
std::atomic<bool> used[kSlots];

extern "C" void OnSignal(int signal_number) {
  for (int i = 0; i < kSlots; ++i) {
    if (used[i].load(std::memory_order_acquire))
      unlink(paths[i]);
  }
  _exit(128 + signal_number);
}

}  // namespace

void Install() {
  struct sigaction action;
  std::memset(&action, 0, sizeof action);
  action.sa_handler = OnSignal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

// Slots are taken and given back by the thread that opens and closes the files (main's); the
// handler, on any thread, reads a slot's path only once it is marked used.
bool Protect(const std::string& path) {
  if (path.size() >= kPathBytes)
    return false;
  for (int i = 0; i < kSlots; ++i) {
    if (!used[i].load(std::memory_order_acquire)) {
      std::memcpy(paths[i], path.c_str(), path.size() + 1);
      used[i].store(true, std::memory_order_release);
      return true;
    }
  }
  return false;
}

void Release(const std::string& path) {
  for (int i = 0; i < kSlots; ++i) {
    if (used[i].load(std::memory_order_acquire) && path == paths[i]) {
      used[i].store(false, std::memory_order_release);
      return;
    }
  }
}

}  // namespace readforge::interrupt
