#include "eval/read_name.h"

namespace readforge {
namespace {

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

// Digits from `at` to the next '_': their value, and where that '_' is (npos when there is
// none, or no digit, or a non-digit first).
size_t DigitsThenUnderscore(std::string_view s, size_t at, int64_t* value) {
  size_t i = at;
  int64_t v = 0;
  while (i < s.size() && IsDigit(s[i]) && i - at < 18)
    v = v * 10 + (s[i++] - '0');
  if (i == at || i >= s.size() || s[i] != '_')
    return std::string_view::npos;
  *value = v;
  return i;
}

}  // namespace

bool ParseSimulatedName(std::string_view name, SimulatedName* out) {
  // /^(\S+)_(\d+)_(\d+)_/ with a greedy contig: the last '_' that such a match can start at.
  for (size_t p = name.rfind('_'); p != std::string_view::npos && p > 0;
       p = name.rfind('_', p - 1)) {
    int64_t left = 0, right = 0;
    const size_t second = DigitsThenUnderscore(name, p + 1, &left);
    if (second == std::string_view::npos)
      continue;
    const size_t third = DigitsThenUnderscore(name, second + 1, &right);
    if (third == std::string_view::npos)
      continue;
    out->contig = name.substr(0, p);
    out->left = left;
    out->right = right;
    // readforge's pair number: hexadecimal after the last '_'.
    out->index = -1;
    const size_t last = name.rfind('_');
    if (last > third && last + 1 < name.size() && name.size() - last - 1 <= 15) {
      int64_t index = 0;
      bool hex = true;
      for (size_t i = last + 1; i < name.size() && hex; ++i) {
        const char c = name[i];
        const int d = IsDigit(c) ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
        hex = d >= 0;
        index = index * 16 + d;
      }
      if (hex)
        out->index = index;
    }
    return true;
  }
  return false;
}

std::string NotSimulatedError(std::string_view name, int64_t record) {
  const std::string start = "read '" + std::string(name) + "' (record " + std::to_string(record);
  if (name.rfind("readforge:", 0) == 0) {
    return start +
           ") has an Illumina-style name (--read-names illumina): eval matches reads by wgsim's "
           "names, so simulate without --read-names to score an aligner";
  }
  return start +
         ") is not named as readforge and wgsim name reads (<contig>_<left>_<right>_...): were "
         "these reads simulated?";
}

}  // namespace readforge
