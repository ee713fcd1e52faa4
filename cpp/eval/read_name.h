// What a simulated read's name says of where it came from. wgsim and readforge name each pair
//   <contig>_<left>_<right>_<e1>:<s1>:<i1>_<e2>:<s2>:<i2>_<index>
// with the fragment's outer 1-based coordinates (left, right) and, from readforge, the pair's
// number in its run as hexadecimal (`index`). The contig is found as wgsim_eval.pl finds it:
// everything before the last "_<digits>_<digits>_" (a contig's own name may hold underscores).
#ifndef READFORGE_EVAL_READ_NAME_H_
#define READFORGE_EVAL_READ_NAME_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace readforge {

struct SimulatedName {
  std::string_view contig;
  int64_t left = 0;    // 1-based, the fragment's leftmost base
  int64_t right = 0;   // 1-based, its rightmost
  int64_t index = -1;  // the pair's number in its run (readforge's names), or -1
};

// False when `name` is not a simulator's (no "_<digits>_<digits>_" after a contig name).
bool ParseSimulatedName(std::string_view name, SimulatedName* out);

// The error for record `record` (1-based) named `name`, which is not a simulator's.
std::string NotSimulatedError(std::string_view name, int64_t record);

}  // namespace readforge

#endif  // READFORGE_EVAL_READ_NAME_H_
