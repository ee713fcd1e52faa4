// The true alignment of one read to the reference, from where each of its bases came from: a
// reference position, or none (a base an insertion added, a variant's or a sequencing error's).
// Consecutive bases from consecutive positions are M; bases from no position between two that
// have one are I; positions skipped between two read bases are D (a deletion, a variant's or a
// sequencing error's); bases from no position before the first aligned base or after the last
// are soft-clipped (S), so that POS is always a base the read holds. NM and MD follow from the
// read's bases against the reference's, as `samtools calmd` computes them: an N on either side
// is a mismatch.
#ifndef READFORGE_ENGINE_READ_ALIGNMENT_H_
#define READFORGE_ENGINE_READ_ALIGNMENT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "engine/span_window.h"

namespace readforge {

struct ReadAlignment {
  int64_t pos = -1;  // the first aligned base (span coordinates); -1: no base aligns
  int64_t end = -1;  // one past the last
  std::vector<uint32_t> cigar;
  int edit_distance = 0;  // NM
  std::string md;
  bool flipped = false;  // on the other strand than the read's (a part in an inversion)
};

// A stretch of a read's bases, in reference order: `length` bases from consecutive reference
// positions from `ref` on (span coordinates), or bases an insertion added (`ref` -1). A
// `reverse` run's bases lie on the other strand, from `ref` down (an inversion's).
struct AlignedRun {
  int64_t ref;
  int64_t length;
  bool reverse = false;
};

// Appends a run, merged into the last one when it continues it.
inline void AddRun(std::vector<AlignedRun>* runs,
                   int64_t ref,
                   int64_t length,
                   bool reverse = false) {
  if (length <= 0)
    return;
  reverse = reverse && ref >= 0;
  if (!runs->empty()) {
    AlignedRun& last = runs->back();
    const bool continues = ref < 0                                   ? last.ref < 0
                           : last.ref < 0 || last.reverse != reverse ? false
                           : reverse                                 ? last.ref - last.length == ref
                                     : last.ref + last.length == ref;
    if (continues) {
      last.length += length;
      return;
    }
  }
  runs->push_back(AlignedRun{ref, length, reverse});
}

// `runs`: where the read's bases came from, in reference order (left to right on the forward
// strand; none reverse), `length` bases in all; `bases`: the read's bases in the same order (as
// SAM's SEQ). The window must hold every position given.
void AlignRead(const std::vector<AlignedRun>& runs,
               const char* bases,
               int64_t length,
               const SpanWindow& window,
               ReadAlignment* out);

}  // namespace readforge

#endif  // READFORGE_ENGINE_READ_ALIGNMENT_H_
