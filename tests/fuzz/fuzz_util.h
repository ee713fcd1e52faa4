// Helpers for the libFuzzer targets: reading fuzz bytes as parameters, and checking invariants
// with a loud failure (abort) that libFuzzer records as a crash with its input.
#ifndef READFORGE_TESTS_FUZZ_FUZZ_UTIL_H_
#define READFORGE_TESTS_FUZZ_FUZZ_UTIL_H_

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#define FUZZ_CHECK(condition, what)                                                     \
  do {                                                                                  \
    if (!(condition)) {                                                                 \
      std::fprintf(stderr, "invariant broken: %s (%s:%d)\n", what, __FILE__, __LINE__); \
      std::abort();                                                                     \
    }                                                                                   \
  } while (0)

namespace readforge::fuzz {

// Takes bytes from the front of the fuzz input; zeros once it runs out.
class Bytes {
 public:
  Bytes(const uint8_t* data, size_t size) : data_(data), size_(size) {}
  uint8_t Byte() { return at_ < size_ ? data_[at_++] : 0; }
  // An integer in [lo, hi].
  int64_t Int(int64_t lo, int64_t hi) {
    uint32_t v = Byte() | Byte() << 8 | Byte() << 16;
    return lo + static_cast<int64_t>(v % static_cast<uint64_t>(hi - lo + 1));
  }
  double Fraction() { return Byte() / 255.0; }
  std::string_view Rest() {
    std::string_view rest(reinterpret_cast<const char*>(data_) + at_, size_ - at_);
    at_ = size_;
    return rest;
  }

 private:
  const uint8_t* data_;
  size_t size_;
  size_t at_ = 0;
};

}  // namespace readforge::fuzz

#endif  // READFORGE_TESTS_FUZZ_FUZZ_UTIL_H_
