// Reads bases off one haplotype of a fragment: the reference bases of the fragment's span with
// that haplotype's variants applied. Plain stretches are copied with memcpy; variants are the
// only places that need care, and they are rare.
//
// A fragment covering reference [a, e) holds every non-deleted base in it and the insertions
// after positions a .. e-2. Its first read is its first bases; its second read is the reverse
// complement of its last bases (insertions come out in the right order on both strands).
#ifndef READFORGE_ENGINE_HAPLOTYPE_READER_H_
#define READFORGE_ENGINE_HAPLOTYPE_READER_H_

#include <cstdint>
#include <vector>

#include "engine/span_window.h"
#include "engine/variant_index.h"
#include "engine/variants.h"

namespace readforge {

// What a read covers on the reference, for its name and for the truth counts.
struct ReadTrace {
  int64_t first = -1;  // leftmost reference base in the read (or the anchor of an empty read)
  int64_t last = -1;   // rightmost reference base
  int snps = 0;
  int indels = 0;
};

class HaplotypeReader {
 public:
  // `index` is built from the window's variants (sorted by position).
  HaplotypeReader(const SpanWindow& window, const VariantIndex& index)
      : window_(window), variants_(index) {}

  // The first `length` bases of haplotype `hap` of fragment [a, e). False when the fragment holds
  // fewer bases than that.
  bool Forward(int hap, int64_t a, int64_t e, int64_t length, char* out, ReadTrace* trace) const;

  // The reverse complement of the last `length` bases.
  bool Backward(int hap, int64_t a, int64_t e, int64_t length, char* out, ReadTrace* trace) const;

 private:
  using Entry = VariantIndex::Entry;
  static constexpr size_t kNotPlain = static_cast<size_t>(-1);

  // Most reads cross no insertion or deletion of their haplotype: they are the reference's bases
  // copied in one go, with SNPs written over them (a read in pieces, one per variant, took twice
  // as long with a variant every 50 bases). These handle such reads, and return false for others.
  bool PlainForward(int hap, size_t first, int64_t a, int64_t length, char* out, ReadTrace* trace)
      const;
  // The reverse complement of reference [s, e).
  bool PlainBackward(int hap, int64_t s, int64_t e, char* out, ReadTrace* trace) const;
  // The end of the variants from `first` that start before `end`, or kNotPlain when one of them
  // on `hap` is not a SNP.
  size_t SnpsOnly(int hap, size_t first, int64_t end) const;
  // The base an insertion follows, changed when a planted variant says so.
  char Anchor(const Entry& v, int64_t p) const {
    return v.snp_shift ? SnpBase(window_.at(p), v.snp_shift) : window_.at(p);
  }

  const SpanWindow& window_;
  const VariantIndex& variants_;
};

char Complement(char base);

}  // namespace readforge

#endif  // READFORGE_ENGINE_HAPLOTYPE_READER_H_
