// Simulation options: wgsim's flags with wgsim's defaults, plus readforge's additions.
#ifndef READFORGE_ENGINE_OPTIONS_H_
#define READFORGE_ENGINE_OPTIONS_H_

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/adapters.h"
#include "engine/amplicons.h"
#include "engine/community.h"
#include "engine/gc_bias.h"
#include "engine/ploidy.h"
#include "engine/quality_bins.h"
#include "engine/quality_profile.h"
#include "formats/fragment_histogram.h"
#include "formats/region.h"
#include "formats/status.h"

namespace readforge {

class CopyNumbers;  // engine/copy_number.h (which needs these options)

// Bounds that keep every run finite and memory-bounded; documented in docs/cli.md.
inline constexpr int64_t kMaxReadLength = 100000;
inline constexpr int64_t kMaxFragmentLength = 10000000;  // -d + 8 * -s
inline constexpr int64_t kMaxPairs = 100000000000;       // 1e11
inline constexpr double kMaxCoverage = 100000;
inline constexpr int64_t kMaxIndelLength = 10000;
inline constexpr int64_t kMinBlockSize = 1024;
inline constexpr int64_t kMaxBlockSize = int64_t{1} << 26;
inline constexpr int64_t kDefaultBlockSize = int64_t{1} << 18;
inline constexpr double kMaxDuplicateRate = 0.99;
inline constexpr int64_t kMaxUmiLength = 64;

struct Options {
  double error_rate = 0.02;      // -e
  int64_t outer_distance = 500;  // -d
  double std_dev = 50;           // -s
  int64_t num_pairs = 1000000;   // -N
  double coverage = 0;           // -C: fold coverage; when > 0 it replaces -N
  int64_t read1_length = 70;     // -1
  int64_t read2_length = 70;     // -2: 0 means single-end
  double mutation_rate = 0.001;  // -r
  double indel_fraction = 0.15;  // -R
  double indel_extend = 0.3;     // -X
  double max_n_fraction = 0.05;  // -A
  bool haploid = false;          // -h
  // --ploidy and --ploidy-override (ploidy.h); --ploidy 1 without overrides is -h.
  int ploidy = 2;
  std::vector<PloidyOverride> ploidy_overrides;
  // --purity and --clones (tumour.h): a tumour sample's purity (-1: not a tumour sample) and
  // the cancer cell fractions of its subclones, from high to low, each in (0, 1).
  double purity = -1;
  std::vector<double> clones;
  uint64_t seed = 0;  // -S
  // --variants: the host pushes a VCF beside the reference, whose records are planted (with
  // --sample's genotypes; --het-fraction for records without one; --skip-mismatches).
  bool plant_variants = false;
  std::string variants_name;  // the VCF's name, for messages
  std::string variants_sample;
  // --somatic: a tumour's somatic variants, a second VCF held whole (its records are planted
  // beside --variants' as if flagged INFO/SOMATIC), and its name for messages.
  std::shared_ptr<const std::string> somatic_vcf;
  std::string somatic_name;
  double het_fraction = 0;
  bool skip_mismatches = false;
  // --profile: qualities and errors from a quality profile instead of wgsim's constant quality
  // and -e (shared and never changed, so copies for threads cost nothing).
  std::shared_ptr<const QualityProfile> quality_profile;
  // --quality-bins: the qualities written are binned (quality_bins.h), after errors are drawn.
  std::shared_ptr<const QualityBins> quality_bins;
  // --fragment-hist: fragment lengths drawn from a histogram instead of the normal model of -d
  // and -s (clamped to the longest read, as those are).
  std::shared_ptr<const FragmentHistogram> fragment_histogram;
  // --adapters: fragments may be shorter than a read, which then reads into the adapter
  // (adapters.h); without it, fragments are at least the longest read.
  std::shared_ptr<const Adapters> adapters;
  // --duplicates: the fraction of pairs that copy an earlier molecule of their block; --umi: the
  // length of each molecule's UMI, written as RX:Z: in the FASTQ comment (library_copies.h).
  double duplicate_rate = 0;
  int64_t umi_length = 0;   // read 1's UMI (or the pair's, read once)
  int64_t umi_length2 = 0;  // --umi LEN1,LEN2: read 2's too (RX:Z:UMI1-UMI2)
  // --umi-inline: the UMI is read as read 1's first umi_length cycles instead of a comment
  // (without a UMI, nothing changes: see inline_umi()).
  bool umi_inline = false;
  // --optical-duplicates: the fraction of pairs that are optical copies of an earlier pair of
  // their block (beside it on the flow cell; implies Illumina names); --read-names: wgsim's (the
  // truth in the name), or Illumina's with a tile and x:y (library_copies.h).
  double optical_duplicate_rate = 0;
  enum class ReadNames { kWgsim, kIllumina };
  ReadNames read_names = ReadNames::kWgsim;
  // --gc-bias: fragments kept by their GC fraction through a curve (gc_bias.h).
  std::shared_ptr<const GcBias> gc_bias;

  // --genome-map (with --abundance or --abundance-distribution): the contigs form genomes, and
  // -N is shared over the genomes first (community.h). Distribution draws use the seed.
  std::shared_ptr<const Community> community;
  std::string community_table;  // --community: the table's name (its genomes were joined)
  AbundanceDistribution abundance_distribution = AbundanceDistribution::kNone;
  double abundance_sigma = 1;    // --abundance-sigma: the log-normal's sigma
  double abundance_zeros = 0.2;  // --abundance-zeros: the zero-inflated share of zeros

  // --amplicons: every fragment is one of the panel's amplicons (amplicons.h), with dropout and
  // a log-normal spread of efficiency.
  std::shared_ptr<const AmpliconPanel> amplicons;
  // --copy-number: coverage follows copy-number segments (copy_number.h).
  std::shared_ptr<const CopyNumbers> copy_number;
  // --somatic-copy-number: the tumour's cells' segments (with --purity; tumour.h).
  std::shared_ptr<const CopyNumbers> somatic_copy_number;
  double amplicon_dropout = 0;  // --amplicon-dropout
  double amplicon_spread = 0;   // --amplicon-spread

  std::vector<Region> regions;  // --region / --bed: empty means every contig, whole
  bool interleaved = false;     // both mates in the read-1 stream
  int64_t block_size = kDefaultBlockSize;
  // Only the blocks [first_block, end_block) of the whole run (counted over all spans in order)
  // are written; end_block < 0 means to the end. Threads and shards split work this way.
  int64_t first_block = 0;
  int64_t end_block = -1;
  // Of those, only every block_stride-th from block_phase on (threads interleave blocks).
  int64_t block_stride = 1;
  int64_t block_phase = 0;

  // Which outputs to produce (skipping one saves its formatting work).
  bool write_mutations = true;  // wgsim's five-column list
  bool write_vcf = false;
  // --bam / --sam: every read's true alignment (truth_alignments.h), coordinate-sorted.
  enum class Alignments { kNone, kBam, kSam };
  Alignments alignments = Alignments::kNone;
  // With BAM: the entries its index is made of (bam_index_stream.h) are written too, for hosts
  // that write a whole run's BAM and its index.
  bool alignment_index = false;

  // Compressed output (BGZF): --gzip compresses every output, --no-gzip none; by default an
  // output is compressed when its name ends in .gz or .bgz. `compress` holds the outcome per
  // output stream (read 1, read 2, mutation list, VCF, alignments), set by ResolveCompression.
  // BAM is BGZF whatever the flags.
  enum class Gzip { kByName, kAlways, kNever };
  Gzip gzip = Gzip::kByName;
  std::array<bool, 5> compress{};

  bool paired() const { return read2_length > 0; }
  // Read 1 starts with the UMI.
  bool inline_umi() const { return umi_inline && umi_length + umi_length2 > 0; }
  // Some pairs are written as copies of earlier ones (and the run reports how many).
  bool duplicates() const { return duplicate_rate > 0 || optical_duplicate_rate > 0; }
  // Illumina-style names: asked for, or needed by optical duplicates (told by the tile and x:y).
  bool illumina_names() const {
    return read_names == ReadNames::kIllumina || optical_duplicate_rate > 0;
  }
  // Whether output stream `i` (OutputStream's numbering) is BGZF: as `compress` says, and BAM
  // always.
  bool compressed(size_t i) const {
    return (i < compress.size() && compress[i]) || (i == 4 && alignments == Alignments::kBam);
  }
  int64_t longest_read() const { return read1_length > read2_length ? read1_length : read2_length; }
  // The shortest fragment drawn: the longest read, or 1 base when reads may run into adapters.
  int64_t shortest_fragment() const { return adapters ? 1 : longest_read(); }
  // Longest fragment ever drawn: 8 standard deviations above the mean (never reached in practice)
  // and never shorter than a read. It bounds the look-ahead window, hence memory.
  int64_t max_fragment() const;
  // How far past its start a fragment may reach on the reference: its length is drawn on its
  // haplotype, so deletions in it (at most kMaxIndelLength bases in all) reach further.
  int64_t max_fragment_reach() const { return max_fragment() + kMaxIndelLength; }
  // How far past its fragment's last base a truth record may lie: a base of a planted inversion
  // is aligned on its mirror image in the segment (split_alignment.h).
  int64_t record_reach() const { return plant_variants ? kMaxIndelLength : 0; }
  // The quality of every base under wgsim's model (-e), binned when asked.
  char constant_quality() const;
  // The ploidy outside every --ploidy-override, and the most haplotypes anywhere (each block
  // spells that many).
  int run_ploidy() const { return haploid ? 1 : ploidy; }
  int most_ploidy() const;
  bool tumour() const { return purity >= 0; }
  // Cell types whose haplotypes are spelled: the normal's, or with --purity also the clonal
  // tumour's and each subclone's.
  int cell_types() const { return tumour() ? 2 + static_cast<int>(clones.size()) : 1; }
  int haplotypes() const { return most_ploidy() * cell_types(); }
  // The copies of a place at the run's ploidy, as weighed (tumour.h: kMixUnits a copy).
  int baseline_copies() const;
  // Whether a position's fragments come from its copies (copy_number.h): with --copy-number,
  // or where the ploidy is not two.
  bool copies_vary() const {
    return copy_number || somatic_copy_number || !ploidy_overrides.empty() ||
           (!haploid && ploidy != 2) || tumour();
  }
};

// Checks every option against its documented range; the message names the flag.
Status ValidateOptions(const Options& options);

// Sets options->compress from options->gzip and the outputs' names (read 1, read 2, mutation
// list, VCF, alignments; "-" for standard output, "" for an output not written). Plain text is
// never written under a compressed name: --no-gzip with a .gz name is an error.
Status ResolveCompression(const std::array<std::string, 5>& names, Options* options);

}  // namespace readforge

#endif  // READFORGE_ENGINE_OPTIONS_H_
