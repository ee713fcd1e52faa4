// Planted variants (--variants): a VCF's records, read in step with the reference (contigs in
// reference order, positions sorted), become the variants of each block of each span, beside or
// instead of wgsim's random ones.
//
// A record is planted on the haplotypes its genotype names: phased as given; unphased
// heterozygous ones on a haplotype drawn from the block's own random stream; without a sample
// column, on both (or, with --het-fraction F, on one drawn at random with probability F). Each
// allele becomes the parts the haplotype reader knows, after the bases it shares with REF at
// the front: SNPs, then an insertion after the last of them (whose anchor may change) or a
// deletion of the REF bases left; an allele of REF's length that changes kMinReplacedBases or
// more (an inversion) is one replacement instead of its SNPs. The truth output writes the
// record as given.
#ifndef READFORGE_ENGINE_PLANTED_VARIANTS_H_
#define READFORGE_ENGINE_PLANTED_VARIANTS_H_

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "engine/copy_number.h"
#include "engine/options.h"
#include "engine/random.h"
#include "engine/run_stats.h"
#include "engine/span_window.h"
#include "engine/truth_writer.h"
#include "engine/variants.h"
#include "formats/contig_list.h"
#include "formats/status.h"
#include "formats/vcf_reader.h"

namespace readforge {

using PlantedCounts = SimulatorStats::Planted;

// Changed bases from which a substitution is one replacement (fewer are SNPs: a few events
// cost less than counting a replacement's changes in every read over it). Either gives the
// same reads, names and truth.
inline constexpr size_t kMinReplacedBases = 4;

// A planted record: where it lies (what keeps random mutations clear of it).
struct PlantedTruth {
  int64_t pos = 0;  // span coordinate
  int64_t end = 0;  // after its REF
};

// Its text as the truth VCF writes it, kept beside it only with a truth VCF
// (Options::write_vcf): three strings in every record made each one seven times the size, moved
// with it block after block, for nothing when no VCF is written.
struct PlantedText {
  std::string ref;
  std::string alts;  // comma-separated
  std::string genotype;
  std::string info;  // beside PLANTED: a symbolic SV's SVTYPE and END ("" for others)
};

// Where a block's planted records go: their variants (sorted; insertions' bases appended to
// `inserted`), their truth and, with a truth VCF, their text (one for each truth).
struct PlantedOutput {
  std::vector<Variant>* variants;
  std::string* inserted;
  std::vector<PlantedTruth>* truth;
  std::vector<PlantedText>* text;
};

// The block whose records are planted: its contig, its stretch [begin, end) in contig
// coordinates, and its span's start (contig coordinate of span position 0) and length.
struct PlantingBlock {
  const std::string& contig;
  int64_t begin = 0;
  int64_t end = 0;
  int64_t span_begin = 0;
  int64_t span_length = 0;
};

class PlantedVariants {
 public:
  // `contigs`: the reference's, whose order the VCF must follow.
  PlantedVariants(const Options& options, const ContigList& contigs);

  // The VCF of --variants, whose bytes the host streams in.
  VcfReader& reader() { return sources_[0].reader; }

  // Plants the records that start in the block, one by one as they are read (none is kept), into
  // `out`; records before the block are skipped and counted. The window must hold every base of
  // every record; `rng` is the block's stream for unphased genotypes. *need_input when the VCF's
  // bytes so far do not reach past the block: call again with the same block, rng and output once
  // more have come. An error for records out of order, on contigs the reference lacks, or whose REF
  // is not the reference's, in the order the VCF has them.
  Status PlantBlock(const PlantingBlock& block,
                    const SpanWindow& window,
                    Rng& rng,
                    const PlantedOutput& out,
                    bool* need_input);
  // Reads the records after the last block, checking their order and contigs all the same.
  Status ReadRest(bool* need_input);

  // The end (span coordinate) of the furthest planted record so far in the current span:
  // wgsim's random mutations stay clear of planted ones.
  int64_t planted_until() const { return planted_until_; }
  void StartSpan() {
    planted_until_ = 0;
    until_.fill(0);
    last_part_ = -1;
  }

  const PlantedCounts& counts() const { return counts_; }
  // Whether the run failed on the VCF (its errors name the VCF, not the reference).
  bool failed() const { return failed_; }

 private:
  // A VCF the records come from: --variants' (streamed), or --somatic's (its whole text, every
  // record the tumour's). Records are planted from both in position order.
  struct Source {
    explicit Source(const std::string& sample) : reader(sample) {}
    VcfReader reader;
    std::string name;          // as messages name it
    VcfRecord pending;         // the record read last
    bool has_pending = false;  // it is still to be planted or skipped
    bool ended = false;
    std::string last_contig;  // the contig of the record before, and its ordinal (a cache)
    int64_t last_ordinal = -1;
    int64_t last_pos = -1;
    int64_t last_line = 0;
  };

  Status Fail(const std::string& message);
  // Reads `source`'s next record into its pending one, checking its order, unless it has one or
  // has ended; false with *need_input when its bytes so far end first.
  Status Fill(Source& source, bool* need_input);
  // Checks that `source`'s pending record follows its records before in the reference's order.
  Status CheckOrder(Source& source);
  // Reads up to the next record, of either source, that starts in [begin, end) of the contig of
  // `ordinal` (*got: it is sources_[current_].pending), skipping (and counting) those before; a
  // later record stays pending.
  Status Next(int64_t ordinal, int64_t begin, int64_t end, bool* got, bool* need_input);
  // The allele on each of `haplotypes` haplotypes (the place's ploidy): as the genotype gives
  // them (unphased ones in an order drawn from `rng`), one allele or a homozygous genotype on
  // every haplotype, or an error naming the line when the count is neither.
  Status ChooseAlleles(const VcfRecord& r,
                       int haplotypes,
                       const std::string& contig,
                       Rng& rng,
                       std::array<int, kMaxPloidy>* alleles);
  // A record whose REF is not the reference's (`found`): skipped and counted under
  // --skip-mismatches, else an error naming the line. The caller plants nothing either way.
  Status Mismatch(const VcfRecord& r, const PlantingBlock& block, std::string_view found);
  // A <CNV> record: --copy-number read its copies (from the same VCF); its truth line alone.
  Status PassCopyNumber(const VcfRecord& r,
                        const PlantingBlock& block,
                        const SpanWindow& window,
                        const PlantedOutput& out);
  Status PlantRecord(const VcfRecord& r,
                     const PlantingBlock& block,
                     const SpanWindow& window,
                     Rng& rng,
                     const PlantedOutput& out);
  // The copies (as weighed over the cell types) at span position `pos` of the block's span.
  const std::array<int, kMaxHaplotypes>& MixedCopiesAt(const PlantingBlock& block, int64_t pos);
  // A tandem duplication's copy of `segment` (the bases after the padding base at `pos`), as an
  // insertion after the segment that copies the reference before it.
  void AddDuplication(std::string_view segment,
                      uint16_t haplotypes,
                      int64_t pos,
                      const PlantedOutput& out) const;
  // An inversion of `segment` (from span position `begin`) to `inverted`, its reverse complement:
  // one replacement that copies the reference reversed.
  void AddInversion(std::string_view segment,
                    std::string_view inverted,
                    uint16_t haplotypes,
                    int64_t begin,
                    const PlantedOutput& out) const;
  void AddAllele(std::string_view ref,
                 std::string_view alt,
                 uint16_t haplotypes,
                 int64_t pos,
                 const PlantedOutput& out) const;

  const Options& options_;
  std::vector<Source> sources_;
  size_t current_ = 0;  // the source of the record being planted (its messages name it)
  const ContigList& contigs_;
  std::string inverted_;  // an inversion's bases, reused
  int64_t planted_until_ = 0;
  // Per spelled haplotype, where its planted records reach: a record overlapping an earlier one
  // on a haplotype they share is skipped (the first wins), one on other haplotypes planted.
  std::array<int64_t, kMaxHaplotypes> until_{};
  int64_t last_part_ = -1;  // the furthest part so far (parts stay in position order)
  std::vector<uint16_t> alt_haplotypes_;
  // A tumour run's copies over the current span (for expected allele fractions).
  std::vector<CopySpan> copies_;
  std::string copies_contig_;
  int64_t copies_span_ = -1;
  std::array<int, kMaxHaplotypes> baseline_copies_{};
  PlantedCounts counts_;
  bool failed_ = false;
};

}  // namespace readforge

#endif  // READFORGE_ENGINE_PLANTED_VARIANTS_H_
