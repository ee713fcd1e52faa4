// Truth alignments: each read of a pair as a BAM record of where it truly lies on the reference
// (--bam, --sam). Where each base came from is known as the read is made: its place in the
// read's template (sequencing insertions and deletions, quality_model.h), the template's place
// in the haplotype (the fragment), the haplotype base's place in the reference (the variants,
// spelled_haplotype.h). Composed, they give each base's reference position, hence the CIGAR,
// NM and MD (read_alignment.h).
//
// The records, as docs/truth.md documents them: FLAG paired (0x1), proper pair (0x2) when both
// align, unmapped (0x4) for a read with no base on the reference (one made wholly of inserted
// bases) or, with -A 0.5 or more, more than half N; reverse (0x10) for the read from the
// fragment's end, read 1 / read 2 (0x40 / 0x80). MAPQ 60 (0 unmapped). An unmapped read sits at
// its mate's POS (at the fragment's start when both are). TLEN from the leftmost to the
// rightmost aligned base, positive for the read with the lower POS (the forward one on a tie).
// SEQ and QUAL as in the FASTQ, reverse-complemented (reversed) for 0x10. Tags: NM, MD, HP (the
// haplotype, 1 or 2), XE (sequencing errors: substitutions, insertions and deletions), XV (bases
// a variant changed), XI (variant insertions and deletions in the read), RG; with --umi, RX (the
// pair's UMI as sequenced); with --duplicates or --optical-duplicates, 0x400 on copies of an
// earlier molecule and dt (LB: a PCR copy, SQ: an optical one, as samtools markdup says); with
// --adapters,
// ZA (bases read past the insert, into the adapter and the filler: soft-clipped at the read's
// 3' end). A read across a structural variant's breakpoint is a primary record and supplementary
// ones (0x800) with SA tags (split_alignment.h).
#ifndef READFORGE_ENGINE_TRUTH_ALIGNMENTS_H_
#define READFORGE_ENGINE_TRUTH_ALIGNMENTS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/alignment_buffer.h"
#include "engine/fastq_writer.h"
#include "engine/haplotype_reader.h"
#include "engine/options.h"
#include "engine/read_alignment.h"
#include "engine/span_window.h"
#include "engine/split_alignment.h"

namespace readforge {

inline constexpr int kTruthMapq = 60;

// The read group of a run's records: the planted sample's name (--sample), else the truth VCF's
// sample column, SIMULATED.
std::string ReadGroupOf(const Options& options);

// One read of a pair, as the sampler made it.
struct SampledRead {
  const char* bases = nullptr;      // as sequenced: the FASTQ's bases
  const char* qualities = nullptr;  // Phred+33; null: the constant quality of -e
  int64_t length = 0;
  // Each base's index in the read's template (-1: a base a sequencing insertion added); null:
  // base i is the template's base i. The template is the fragment's first bases (the left read)
  // or the reverse complement of its last ones (the right read).
  const int32_t* source = nullptr;
  ReadCounts counts;
  // The template: `prefix` bases of no reference position first (an inline UMI, soft-clipped),
  // then the fragment's; with --adapters, a read longer than its fragment takes `insert` of
  // them and then the adapter's and the filler's (soft-clipped). -1: the fragment's to the end.
  int64_t prefix = 0;
  int64_t insert = -1;
};

// Where a pair lies: its contig's number, the span's offset on it, where its fragment starts
// (span coordinates), the pair's number in the run and its name (the FASTQ's, without /1 and
// /2).
struct PairPlace {
  int32_t tid = 0;
  int64_t offset = 0;
  int64_t start = 0;
  int64_t index = 0;
  std::string_view name;
  std::string_view umi;  // --umi: the pair's UMI as sequenced (RX:Z:), or ""
  // --duplicates, --optical-duplicates: a copy of an earlier molecule (0x400), and which kind
  // (dt:Z:LB or SQ, as samtools markdup tags them).
  enum class Copy { kNone, kPcr, kOptical };
  Copy copy = Copy::kNone;
  std::string_view contig;  // its name (split reads' SA tags name it)
  // The first position a record may have: the fragment's block's start (the blocks before are
  // written by then).
  int64_t earliest = 0;
};

class TruthAligner {
 public:
  explicit TruthAligner(const Options& options);

  // The records of a pair read off `fragment` of `reader`'s haplotypes: `left` from its start
  // (the forward strand), `right` from its end (length 0: single-end). `window` holds the
  // fragment's reference bases.
  void AddPair(const HaplotypeReader& reader,
               const HaplotypeReader::Fragment& fragment,
               const SampledRead& left,
               const SampledRead& right,
               bool left_is_read1,
               const PairPlace& place,
               const SpanWindow& window,
               AlignmentBuffer* out);

 private:
  struct Mate {
    const SampledRead* read = nullptr;
    bool reverse = false;  // the right read
    bool read1 = false;
    bool mapped = false;
    int64_t adapter_bases = 0;  // read bases from the adapter or the filler past it
    int64_t pos = 0;            // the record's POS, span coordinates
    // Its alignment, in parts when a structural variant splits it (split_alignment.h): the
    // primary record's and the supplementary ones', in reference order.
    std::vector<ReadAlignment> parts;
    size_t primary = 0;
    const ReadAlignment& alignment() const { return parts[primary]; }
    const char* seq = nullptr;  // its bases in reference order: the read's, or reverse_bases
    std::string reverse_bases;  // the reverse complement of the right read
  };
  void Align(const HaplotypeReader& reader,
             const HaplotypeReader::Fragment& fragment,
             const SpanWindow& window,
             const PairPlace& place,
             Mate* mate);
  // The record of part `part` of the mate's alignment (the primary, or a supplementary one).
  void Write(const Mate& mate,
             size_t part,
             const Mate* other,
             int hap,
             const PairPlace& place,
             AlignmentBuffer* out);

  const bool paired_;
  const char quality_;  // -e's constant quality
  const std::string read_group_;
  const bool check_ns_;  // -A allows reads of more than half N
  const bool adapters_;  // --adapters: each record says how many adapter bases it holds (ZA)
  Mate mates_[2];
  SplitAligner splitter_;
  std::string sa_;                         // a record's SA tag
  std::vector<AlignedRun> runs_;           // where the read's bases lie, in reference order
  std::vector<AlignedRun> template_runs_;  // where its template's lie (sequencing indels)
  std::vector<int64_t> map_;               // the latter base by base
  std::vector<bool> reverse_;              // and whether each lies on the other strand
  std::string flipped_bases_;              // a forward read reverse-complemented
};

}  // namespace readforge

#endif  // READFORGE_ENGINE_TRUTH_ALIGNMENTS_H_
