// Reads bases off the haplotypes of a block's fragments: each haplotype is spelled out once per
// block (see spelled_haplotype.h), and a read is its fragment's first bases, or the reverse
// complement of its last bases (insertions come out in the right order on both strands).
#ifndef READFORGE_ENGINE_HAPLOTYPE_READER_H_
#define READFORGE_ENGINE_HAPLOTYPE_READER_H_

#include <cstdint>

#include "engine/ploidy.h"
#include "engine/span_window.h"
#include "engine/spelled_haplotype.h"
#include "engine/variants.h"

namespace readforge {

class HaplotypeReader {
 public:
  // A fragment of one haplotype: its bases in that haplotype's spelling.
  struct Fragment {
    int hap = 0;
    int64_t begin = 0;
    int64_t end = 0;
    size_t first_event = 0;  // the first of the haplotype's events at or after a
    size_t end_event = 0;    // the first at or after e
  };

  // Spells `haplotypes` (1 to kMaxHaplotypes) haplotypes of reference [from, to) with the window's
  // `variants` (sorted by position; insertions' bases in `inserted`). Fragments must lie in [from,
  // to).
  void Build(const SpanWindow& window,
             const std::vector<Variant>& variants,
             const std::string& inserted,
             int haplotypes,
             int64_t from,
             int64_t to);

  // Fragment [a, e) of haplotype `hap`. One outside [from, to) is empty (no read fits it): the
  // sampler never asks for one, and would get no reads rather than bytes from past the spelling.
  Fragment Locate(int hap, int64_t a, int64_t e) const {
    const SpelledHaplotype& s = haps_[hap];
    Fragment f;
    f.hap = hap;
    if (a < s.from() || e > s.to())
      return f;
    f.begin = s.Locate(a, &f.first_event);
    const int64_t end = s.Locate(e, &f.end_event);
    f.end = s.FragmentEnd(end, f.end_event, e);
    return f;
  }

  // The fragment of `length` bases of haplotype `hap` from reference position a: a piece of the
  // sample's DNA, so a deletion in it reaches further on the reference and an insertion less.
  // It may end inside an insertion: its last read's last base is then an inserted one, whose
  // reference position is its anchor's (PositionAt). One that would run past the spelling is
  // empty.
  Fragment LocateLength(int hap, int64_t a, int64_t length) const {
    const SpelledHaplotype& s = haps_[hap];
    Fragment f;
    f.hap = hap;
    if (a < s.from() || a >= s.to())
      return f;
    const int64_t begin = s.Locate(a, &f.first_event);
    if (begin + length > s.size())
      return f;
    f.begin = begin;
    f.end = begin + length;
    f.end_event = s.EventAfter(f.end - 1, f.first_event);
    return f;
  }

  // The same from the copy of position a that a tandem duplication adds (CopyAt(hap, a)).
  Fragment LocateLengthInCopy(int hap, int64_t a, int64_t length) const {
    const SpelledHaplotype& s = haps_[hap];
    Fragment f;
    f.hap = hap;
    size_t event = 0;
    const int64_t begin = s.LocateCopy(a, &event);
    if (begin < 0 || begin + length > s.size())
      return f;
    f.begin = begin;
    f.end = begin + length;
    f.first_event = event;
    f.end_event = s.EventAfter(f.end - 1, event);
    return f;
  }

  // Whether haplotype `hap` holds a second copy of position a (a tandem duplication's).
  bool CopyAt(int hap, int64_t a) const {
    size_t event = 0;
    return haps_[hap].LocateCopy(a, &event) >= 0;
  }
  // Whether any spelled haplotype has a tandem duplication.
  bool duplicates() const { return duplicates_; }

  // The fragment's first `length` bases. False when it holds fewer, or none (a read of no bases
  // still tells where the fragment starts: trace->first).
  bool Forward(const Fragment& f, int64_t length, char* out, ReadTrace* trace) const;

  // The reverse complement of its last `length` bases (with none, trace->last is its end).
  bool Backward(const Fragment& f, int64_t length, char* out, ReadTrace* trace) const;

  // Where the fragment's bases [f.begin + first, f.begin + first + n) of its haplotype's
  // spelling lie on the reference: SpelledHaplotype::MapToReference.
  void MapToReference(const Fragment& f,
                      int64_t first,
                      int64_t n,
                      std::vector<AlignedRun>* out) const {
    haps_[f.hap].MapToReference(f.begin + first, f.begin + first + n, f.first_event, out);
  }

 private:
  SpelledHaplotype haps_[kMaxHaplotypes];
  bool duplicates_ = false;
};

char Complement(char base);
// out[i] = the complement of bases[n - 1 - i]: the reverse complement of n bases of A, C, G, T
// and N.
void ReverseComplement(const char* bases, int64_t n, char* out);

}  // namespace readforge

#endif  // READFORGE_ENGINE_HAPLOTYPE_READER_H_
