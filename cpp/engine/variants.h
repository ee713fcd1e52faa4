// The mutation model (wgsim's, as fixed in samtools): per base, a mutation with probability -r;
// a fraction -R of them are indels, half insertions and half deletions, with geometric lengths
// (extension probability -X, capped at kMaxIndelLength); the rest are SNPs. Each mutation is
// homozygous with probability 1/3 (always in haploid mode), otherwise on one haplotype.
//
// A block's variants depend only on its random stream, never on the reference bases: a variant
// that lands on an N is marked (on_n) when drawn and ignored where variants are used (reads and
// truth output). Random deletions never cross a block boundary, so blocks are independent of
// one another (planted ones may; see planted_variants.h).
#ifndef READFORGE_ENGINE_VARIANTS_H_
#define READFORGE_ENGINE_VARIANTS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "engine/bases.h"
#include "engine/options.h"
#include "engine/ploidy.h"
#include "engine/random.h"

namespace readforge {

// kReplacement: a planted stretch of bases read instead of the reference's, base for base (an
// inversion, or a long multi-base substitution): one event where per-base SNPs would be
// thousands. It begins and ends on a changed base; inside it, a base whose REF or ALT is N
// keeps the reference's.
enum class VariantType : uint8_t { kSnp, kInsertion, kDeletion, kReplacement };

// Plain data (32 bytes, copied as bytes): an insertion's bases live in a buffer beside the
// variants (`inserted` below). With a string in each, variants were twice the size and every
// copy, move and erase went variant by variant; a million planted ones are copied several times.
struct Variant {
  int64_t pos = 0;          // span coordinate (0-based) of the SNP, the deleted bases, or the
                            // base after which the insertion sits
  int64_t length = 1;       // deleted, inserted or replaced bases; 1 for a SNP
  int64_t inserted_at = 0;  // an insertion's or replacement's bases: where they start in their
                            // buffer
  VariantType type = VariantType::kSnp;
  uint16_t haplotypes = 3;  // bit h: haplotype h + 1 carries it (tumour.h numbers them)
  // SNP alt = ACGT[(index(ref) + shift) % 4]; for an insertion, the change of the base it
  // follows (0: none; planted variants may change it).
  uint8_t snp_shift = 1;
  bool on_n = false;     // on an N of the reference: not a variant (set when it is drawn)
  bool planted = false;  // from --variants: its truth is the VCF record, not this part
  // Bases that are the reference's elsewhere: an insertion's, the reference's up to its anchor
  // (a tandem duplication's copy, after the segment it copies); a replacement's, its own
  // segment's reverse complement (an inversion). The golden BAM aligns them there.
  bool copies_reference = false;

  bool on(int haplotype) const { return (haplotypes >> haplotype) & 1; }
  // An insertion and a replacement keep bases in the buffer beside the variants.
  bool has_bases() const {
    return type == VariantType::kInsertion || type == VariantType::kReplacement;
  }
  // The reference positions it covers end here (an insertion's: after its anchor).
  int64_t end() const {
    return pos + (type == VariantType::kDeletion || type == VariantType::kReplacement ? length : 1);
  }
  // An insertion's or replacement's bases, in `inserted`, the buffer its maker appended them to.
  std::string_view InsertedIn(const std::string& inserted) const {
    return std::string_view(inserted.data() + inserted_at, static_cast<size_t>(length));
  }
};
static_assert(std::is_trivially_copyable_v<Variant> && sizeof(Variant) == 32);

// All `ploidy` haplotypes (a homozygous variant's).
inline uint16_t AllHaplotypes(int ploidy) {
  return static_cast<uint16_t>((1 << ploidy) - 1);
}

// Appends the variants of positions [begin, end) in draw order (sorted by position), and their
// inserted bases to `inserted`. Deletions are cut at `deletion_limit` (the block end, or the
// span's last base for the last block). `ploidy`: the span's stretches whose ploidy is not the
// run's (a variant there is on one of its haplotypes, or all).
void GenerateVariants(const Options& options,
                      const std::vector<PloidySpan>& ploidy,
                      Rng& rng,
                      int64_t begin,
                      int64_t end,
                      int64_t deletion_limit,
                      std::vector<Variant>* out,
                      std::string* inserted);

// The base a SNP turns `ref` into ('N' stays 'N'). Inline: reads call it for every SNP base.
inline char SnpBase(char ref, int shift) {
  const int index = BaseIndex(ref);
  return index < 0 ? 'N' : "ACGT"[(index + shift) & 3];
}

}  // namespace readforge

#endif  // READFORGE_ENGINE_VARIANTS_H_
