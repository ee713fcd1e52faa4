// Writes unsigned integers as decimal text, for read names and truth lines: millions of numbers
// per run, most of them one digit (a read's error, SNP and indel counts) or a position of up to
// ten. Inline, with the length found from the bit length: std::to_chars counts the digits in a
// loop, then writes them in a second one, in a call the compiler keeps out of line.
#ifndef READFORGE_FORMATS_DECIMAL_H_
#define READFORGE_FORMATS_DECIMAL_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace readforge {

// Writes `value` at `at` (room for 20 characters, the longest uint64_t); returns the end.
inline char* PutDecimal(char* at, uint64_t value) {
  if (value < 10) {
    *at = static_cast<char>('0' + value);
    return at + 1;
  }
  static constexpr char kPairs[] =
      "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
      "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
      "8081828384858687888990919293949596979899";
  // The length first, from the bit length (log10(2) ~ 1233 / 4096) and one compare, not a
  // compare per digit; then two digits at a time from the last.
  static constexpr std::array<uint64_t, 20> kPowers = [] {
    std::array<uint64_t, 20> powers{};
    uint64_t power = 1;
    for (uint64_t& p : powers) {
      p = power;
      power *= 10;  // wraps after the last, unused
    }
    return powers;
  }();
  const unsigned guess = static_cast<unsigned>((64 - __builtin_clzll(value)) * 1233) >> 12;
  const size_t n = guess + 1 - (value < kPowers[guess]);
  char* p = at + n;
  while (value >= 100) {
    const uint64_t pair = value % 100;
    value /= 100;
    p -= 2;
    std::memcpy(p, kPairs + 2 * pair, 2);
  }
  if (value >= 10)
    std::memcpy(p - 2, kPairs + 2 * value, 2);
  else
    p[-1] = static_cast<char>('0' + value);
  return at + n;
}

}  // namespace readforge

#endif  // READFORGE_FORMATS_DECIMAL_H_
