#include "engine/options.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "engine/fastq_writer.h"
#include "engine/tumour.h"

#include "formats/text.h"

namespace readforge {
namespace {

// Written as !(lo <= x && x <= hi) so that NaN fails too.
Status CheckReal(double value, double lo, double hi, const char* flag, bool hi_open = false) {
  bool inside = lo <= value && (hi_open ? value < hi : value <= hi);
  if (inside)
    return Status::Ok();
  return Status::Error(std::string(flag) + " must be in [" + FormatNumber(lo) + ", " +
                       FormatNumber(hi) + (hi_open ? ")" : "]") + ", got " + FormatNumber(value));
}

Status CheckInt(int64_t value, int64_t lo, int64_t hi, const char* flag) {
  if (lo <= value && value <= hi)
    return Status::Ok();
  return Status::Error(std::string(flag) + " must be in [" + std::to_string(lo) + ", " +
                       std::to_string(hi) + "], got " + std::to_string(value));
}

}  // namespace

int Options::baseline_copies() const {
  return run_ploidy() * (tumour() ? kMixUnits : 1);
}

int Options::most_ploidy() const {
  int most = run_ploidy();
  for (const PloidyOverride& o : ploidy_overrides)
    most = std::max(most, o.ploidy);
  return most;
}

int64_t Options::max_fragment() const {
  const int64_t longest = longest_read();
  const int64_t amplicon = amplicons ? amplicons->longest() : 0;
  if (fragment_histogram)
    return std::max({fragment_histogram->longest(), longest, amplicon});
  double top = std::ceil(static_cast<double>(outer_distance) + 8 * std_dev);
  return std::max(top > static_cast<double>(longest) ? static_cast<int64_t>(top) : longest,
                  amplicon);
}

Status ValidateOptions(const Options& o) {
  RF_RETURN_IF_ERROR(CheckReal(o.error_rate, 0, 1, "-e/--error-rate"));
  RF_RETURN_IF_ERROR(CheckInt(o.ploidy, 1, kMaxPloidy, "--ploidy"));
  if (o.tumour()) {
    RF_RETURN_IF_ERROR(CheckReal(o.purity, 0, 1, "--purity"));
    for (size_t i = 0; i < o.clones.size(); ++i) {
      if (!(o.clones[i] > 0 && o.clones[i] < 1) || (i > 0 && !(o.clones[i] < o.clones[i - 1]))) {
        return Status::Error(
            "--clones expects the subclones' cancer cell fractions, each in (0, 1), different "
            "(1, the clonal tumour, is always one)");
      }
    }
    if (o.haplotypes() > kMaxHaplotypes) {
      return Status::Error("--clones: ploidy " + std::to_string(o.most_ploidy()) + " with " +
                           std::to_string(o.clones.size()) + " subclones needs " +
                           std::to_string(o.haplotypes()) +
                           " haplotypes (normal, tumour, each subclone); readforge spells up to " +
                           std::to_string(kMaxHaplotypes));
    }
  } else if (!o.clones.empty()) {
    return Status::Error("--clones needs --purity (the tumour's share of the cells)");
  } else if (o.somatic_vcf || o.somatic_copy_number) {
    return Status::Error(std::string(o.somatic_vcf ? "--somatic" : "--somatic-copy-number") +
                         " needs --purity (the tumour's share of the cells; 1 for tumour cells "
                         "alone)");
  }
  if (o.haploid && (o.ploidy > 2 || !o.ploidy_overrides.empty())) {
    return Status::Error(
        "-h is haploid everywhere: give --ploidy 1 instead to combine it with --ploidy-override");
  }
  RF_RETURN_IF_ERROR(CheckInt(o.outer_distance, 1, kMaxFragmentLength, "-d/--distance"));
  RF_RETURN_IF_ERROR(CheckReal(o.std_dev, 0, kMaxFragmentLength, "-s/--std-dev"));
  RF_RETURN_IF_ERROR(CheckInt(o.num_pairs, 0, kMaxPairs, "-N/--pairs"));
  RF_RETURN_IF_ERROR(CheckReal(o.coverage, 0, kMaxCoverage, "-C/--coverage"));
  RF_RETURN_IF_ERROR(CheckInt(o.read1_length, 1, kMaxReadLength, "-1/--read1-length"));
  RF_RETURN_IF_ERROR(CheckInt(o.read2_length, 0, kMaxReadLength, "-2/--read2-length"));
  RF_RETURN_IF_ERROR(CheckReal(o.mutation_rate, 0, 1, "-r/--mutation-rate"));
  RF_RETURN_IF_ERROR(CheckReal(o.indel_fraction, 0, 1, "-R/--indel-fraction"));
  RF_RETURN_IF_ERROR(CheckReal(o.indel_extend, 0, 1, "-X/--indel-extend", /*hi_open=*/true));
  RF_RETURN_IF_ERROR(CheckReal(o.max_n_fraction, 0, 1, "-A/--max-n-fraction"));
  RF_RETURN_IF_ERROR(CheckInt(o.block_size, kMinBlockSize, kMaxBlockSize, "--block-size"));
  if (o.outer_distance + 8 * o.std_dev > static_cast<double>(kMaxFragmentLength)) {
    return Status::Error("-d + 8 * -s must be at most " + std::to_string(kMaxFragmentLength) +
                         " (the longest fragment readforge draws), got " +
                         FormatNumber(static_cast<double>(o.outer_distance) + 8 * o.std_dev));
  }
  if (o.first_block < 0 || (o.end_block >= 0 && o.end_block < o.first_block))
    return Status::Error("--first-block and --end-block must make a range (0 <= first <= end)");
  if (o.block_stride < 1 || o.block_phase < 0 || o.block_phase >= o.block_stride)
    return Status::Error("block phase must be in [0, block stride)");
  if (o.interleaved && !o.paired())
    return Status::Error("--interleaved needs paired reads; -2 is 0 (single-end)");
  for (const Region& r : o.regions) {
    if (r.contig.empty())
      return Status::Error("a region has an empty contig name");
    if (r.begin < 0 || (r.end >= 0 && r.end <= r.begin)) {
      return Status::Error("region " + FormatRegion(r) + ": end before start");
    }
  }
  if (o.quality_profile)
    RF_RETURN_IF_ERROR(o.quality_profile->CheckReadLengths(o.read1_length, o.read2_length));
  RF_RETURN_IF_ERROR(CheckReal(o.het_fraction, 0, 1, "--het-fraction"));
  RF_RETURN_IF_ERROR(CheckReal(o.duplicate_rate, 0, kMaxDuplicateRate, "--duplicates"));
  RF_RETURN_IF_ERROR(
      CheckReal(o.optical_duplicate_rate, 0, kMaxDuplicateRate, "--optical-duplicates"));
  if (o.duplicate_rate + o.optical_duplicate_rate > kMaxDuplicateRate) {
    return Status::Error("--duplicates and --optical-duplicates must add up to at most " +
                         FormatNumber(kMaxDuplicateRate));
  }
  RF_RETURN_IF_ERROR(CheckInt(o.umi_length, 0, kMaxUmiLength, "--umi"));
  RF_RETURN_IF_ERROR(CheckInt(o.umi_length2, 0, kMaxUmiLength, "--umi (read 2's)"));
  if (o.umi_length2 > 0 && !o.paired())
    return Status::Error("--umi LEN1,LEN2 gives read 2 a UMI: it needs paired reads");
  if (o.umi_inline && o.umi_length2 >= o.read2_length && o.umi_length2 > 0) {
    return Status::Error(
        "--umi-inline reads read 2's UMI as its first cycles: " + std::to_string(o.umi_length2) +
        " must be shorter than read 2 (" + std::to_string(o.read2_length) + ")");
  }
  // (Without --umi, --umi-inline has no UMI to place: it changes nothing.)
  if (o.umi_inline && o.umi_length >= o.read1_length) {
    return Status::Error("--umi-inline reads the UMI as read 1's first cycles: --umi " +
                         std::to_string(o.umi_length) + " must be shorter than read 1 (" +
                         std::to_string(o.read1_length) + ")");
  }
  RF_RETURN_IF_ERROR(CheckReal(o.abundance_sigma, 0, 10, "--abundance-sigma"));
  RF_RETURN_IF_ERROR(CheckReal(o.abundance_zeros, 0, 1, "--abundance-zeros", /*hi_open=*/true));
  if (o.community && o.abundance_distribution != AbundanceDistribution::kNone &&
      o.community->measure() != Community::Measure::kLength) {
    return Status::Error("give --abundance or --abundance-distribution, not both");
  }
  RF_RETURN_IF_ERROR(CheckReal(o.amplicon_dropout, 0, 1, "--amplicon-dropout", /*hi_open=*/true));
  RF_RETURN_IF_ERROR(CheckReal(o.amplicon_spread, 0, 5, "--amplicon-spread"));
  if (o.amplicons) {
    if (o.coverage > 0)
      return Status::Error("--amplicons shares -N over the amplicons: give -N, not -C");
    if (!o.regions.empty())
      return Status::Error("--amplicons says where reads come from: drop --region and --bed");
    if (o.gc_bias)
      return Status::Error(
          "--gc-bias does not combine with --amplicons (weight the amplicons "
          "in the BED's column 5 instead)");
    if (o.community)
      return Status::Error("--amplicons and --genome-map do not combine");
    if (o.copy_number || o.somatic_copy_number)
      return Status::Error(
          "--amplicons and --copy-number do not combine (weight the amplicons "
          "in the BED's column 5 instead)");
  }
  if (o.community && o.coverage > 0) {
    return Status::Error(
        "--genome-map shares -N over the genomes: for fold coverage per genome, give a "
        "'genome coverage' table to --abundance instead of -C");
  }
  if (!o.plant_variants && (!o.variants_sample.empty() || o.het_fraction > 0 || o.skip_mismatches))
    return Status::Error("--sample, --het-fraction and --skip-mismatches go with --variants");
  if (!o.plant_variants && o.somatic_vcf) {
    return Status::Error(
        "--somatic goes with --variants, the germline VCF (a header alone will do for none)");
  }
  return Status::Ok();
}

char Options::constant_quality() const {
  const char q = FastqWriter::QualityFor(error_rate);
  return quality_bins ? quality_bins->Map(q) : q;
}

Status ResolveCompression(const std::array<std::string, 5>& names, Options* options) {
  auto gz_name = [](const std::string& name) {
    auto ends_with = [&](const char* suffix) {
      const size_t n = std::char_traits<char>::length(suffix);
      return name.size() > n && name.compare(name.size() - n, n, suffix) == 0;
    };
    return ends_with(".gz") || ends_with(".bgz");
  };
  for (size_t i = 0; i < names.size(); ++i) {
    if (options->gzip == Options::Gzip::kNever && gz_name(names[i])) {
      return Status::Error("--no-gzip, but " + names[i] +
                           " is named as compressed: name it without .gz (or drop --no-gzip)");
    }
    options->compress[i] = options->gzip == Options::Gzip::kAlways ||
                           (options->gzip == Options::Gzip::kByName && gz_name(names[i]));
  }
  if (options->alignments == Options::Alignments::kBam)
    options->compress[4] = true;
  return Status::Ok();
}

}  // namespace readforge
