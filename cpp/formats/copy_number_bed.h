// --copy-number: copy-number segments as a BED file: contig, begin, end (0-based, half-open),
// the total copy number, and optionally the copies on each haplotype ("1|2"; "2" when haploid).
// Comment, track and browser lines are skipped; errors name the line.
#ifndef READFORGE_FORMATS_COPY_NUMBER_BED_H_
#define READFORGE_FORMATS_COPY_NUMBER_BED_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "formats/status.h"

namespace readforge {

inline constexpr int kMaxCopies = 64;  // per segment, all haplotypes together

struct CopyNumberSegment {
  std::string contig;
  int64_t begin = 0;
  int64_t end = 0;
  int total = 0;
  std::vector<int> copies;  // per haplotype, when column 5 gives them (else empty)
  int64_t line = 0;
};

// Segments in the file's order; segments on one contig must not overlap.
Status ParseCopyNumberBed(std::string_view text, std::vector<CopyNumberSegment>* segments);

// Copies per haplotype split by '|' or '/' ("1|2"), each from 0 to kMaxCopies, and their sum;
// false when not.
bool ParseCopiesPerHaplotype(std::string_view text, std::vector<int>* copies, int* sum);

// An error naming the first two segments of a contig that overlap (`what` names the file's
// kind: "copy-number BED"), else Ok.
Status CheckSegmentsApart(const std::vector<CopyNumberSegment>& segments, std::string_view what);

}  // namespace readforge

#endif  // READFORGE_FORMATS_COPY_NUMBER_BED_H_
