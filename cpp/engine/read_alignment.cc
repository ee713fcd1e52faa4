#include "engine/read_alignment.h"

#include <cstring>

#include "formats/bam_record.h"
#include "formats/decimal.h"

namespace readforge {
namespace {

void AddOp(std::vector<uint32_t>* cigar, uint32_t op, int64_t length) {
  if (length <= 0)
    return;
  if (!cigar->empty() && CigarOpOf(cigar->back()) == op)
    cigar->back() += static_cast<uint32_t>(length) << 4;
  else
    cigar->push_back(CigarOf(op, static_cast<uint32_t>(length)));
}

// Whether a[0, 8) == b[0, 8) and none of them is N.
bool SameWithoutN(const char* a, const char* b) {
  uint64_t x, y;
  std::memcpy(&x, a, 8);
  std::memcpy(&y, b, 8);
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  const uint64_t n = x ^ (kOnes * 'N');  // a zero byte where a holds N
  return x == y && !((n - kOnes) & ~n & (kOnes << 7));
}

void PutCount(std::string* md, int64_t count) {
  char digits[20];
  md->append(digits, PutDecimal(digits, static_cast<uint64_t>(count)));
}

}  // namespace

void AlignRead(const std::vector<AlignedRun>& runs,
               const char* bases,
               int64_t length,
               const SpanWindow& window,
               ReadAlignment* out) {
  out->cigar.clear();
  out->md.clear();
  out->edit_distance = 0;
  size_t first = 0;
  while (first < runs.size() && runs[first].ref < 0)
    ++first;
  if (first == runs.size()) {
    out->pos = out->end = -1;
    return;
  }
  size_t last = runs.size() - 1;
  while (runs[last].ref < 0)
    --last;
  out->pos = runs[first].ref;
  out->end = runs[last].ref + runs[last].length;
  int64_t i = 0;  // the read base the run starts at
  for (size_t r = 0; r < first; ++r)
    i += runs[r].length;
  AddOp(&out->cigar, kCigarSoftClip, i);
  int64_t matches = 0;  // since MD's last mismatch or deletion
  int64_t previous = runs[first].ref - 1;
  for (size_t r = first; r <= last; ++r) {
    const AlignedRun& run = runs[r];
    if (run.ref < 0) {
      AddOp(&out->cigar, kCigarInsertion, run.length);
      out->edit_distance += static_cast<int>(run.length);
      i += run.length;
      continue;
    }
    if (run.ref > previous + 1) {
      const int64_t deleted = run.ref - previous - 1;
      AddOp(&out->cigar, kCigarDeletion, deleted);
      out->edit_distance += static_cast<int>(deleted);
      PutCount(&out->md, matches);
      out->md.push_back('^');
      out->md.append(window.data(previous + 1), static_cast<size_t>(deleted));
      matches = 0;
    }
    AddOp(&out->cigar, kCigarMatch, run.length);
    const char* ref = window.data(run.ref);
    const char* read = bases + i;
    for (int64_t k = 0; k < run.length; ++k) {
      // Eight bases at a time while they match and the reference holds no N: most reads have
      // a mismatch every 50 bases or more.
      while (k + 8 <= run.length && SameWithoutN(ref + k, read + k)) {
        matches += 8;
        k += 8;
      }
      if (k == run.length)
        break;
      if (ref[k] == read[k] && ref[k] != 'N') {
        ++matches;
      } else {
        PutCount(&out->md, matches);
        out->md.push_back(ref[k]);
        matches = 0;
        ++out->edit_distance;
      }
    }
    previous = run.ref + run.length - 1;
    i += run.length;
  }
  PutCount(&out->md, matches);
  AddOp(&out->cigar, kCigarSoftClip, length - i);
}

}  // namespace readforge
