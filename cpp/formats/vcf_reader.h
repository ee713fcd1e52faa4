// Streaming VCF parser for planted variants (--variants): input in chunks of any size, records
// out one at a time with one sample's genotype. Only what planting needs is read (CHROM, POS,
// REF, ALT, and GT of the chosen sample); anything else on a line is skipped without a copy.
// Symbolic <DEL>, <DUP> (tandem), <INV> and <INS> (with INFO/SVINSSEQ) of up to
// kMaxAlleleLength bases are read for planting, and <CNV> records (their copies are
// --copy-number's). What planting cannot use is refused with the line's number: other symbolic
// alleles and breakends, malformed fields, a sample that is not there.
#ifndef READFORGE_FORMATS_VCF_READER_H_
#define READFORGE_FORMATS_VCF_READER_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace readforge {

// The longest REF or ALT the reader takes (longer ones are an error naming the line): the engine
// plants indels up to this length (kMaxIndelLength, planted_variants.cc checks they agree).
inline constexpr int64_t kMaxAlleleLength = 10000;

// The most alleles a genotype may give ("0|1|1|1": a tetraploid's): the most haplotypes a
// run has (engine/ploidy.h).
inline constexpr int kMaxGenotypeAlleles = 8;

struct VcfRecord {
  int64_t line = 0;
  std::string contig;
  int64_t pos = 0;  // 0-based
  // REF and each ALT, upper case, of a record the reader gave (a new record has none).
  std::string_view ref() const { return Allele(0); }
  std::string_view alt(size_t i) const { return Allele(i + 1); }
  size_t alt_count() const { return allele_ends.empty() ? 0 : allele_ends.size() - 1; }
  // The sample's alleles per haplotype (0: REF, i: ALT i; -1: missing), and whether they were
  // phased ('|'). Without a sample column: all -1, not phased.
  std::array<int, kMaxGenotypeAlleles> alleles{-1, -1, -1, -1, -1, -1, -1, -1};
  int ploidy = 0;  // 0: no genotype; else how many alleles it gives
  bool phased = false;
  // A symbolic structural variant (its one ALT): a deletion, tandem duplication or inversion of
  // the bases after POS up to END (`sv_end`, 0-based exclusive), whose sequence the planter
  // takes from the reference; its one ALT allele is then empty. An <INS> with its sequence
  // (INFO/SVINSSEQ) is read as a sequence allele, REF then the inserted bases. A <CNV> (any
  // length) changes copies, which --copy-number reads from the same VCF (copy_number_vcf.h).
  enum class Sv { kNone, kDeletion, kDuplication, kInversion, kCopyNumber };
  Sv sv = Sv::kNone;
  int64_t sv_end = 0;
  std::string symbolic;  // the ALT as written ("<DEL>"), for the truth VCF; empty otherwise
  // A tumour's record: INFO/SOMATIC (VCF's flag), present in the fraction `ccf` of the tumour's
  // cells (INFO/CCF, the cancer cell fraction; 1 when not given).
  bool somatic = false;
  double ccf = 1;

  // The alleles' bases back to back, REF first, and where each ends: one buffer a record reuses
  // (a string per allele was a resize, and a call, each). May be longer than the alleles.
  std::string bases;
  std::vector<uint32_t> allele_ends;

 private:
  std::string_view Allele(size_t i) const {
    const uint32_t begin = i ? allele_ends[i - 1] : 0;
    return std::string_view(bases.data() + begin, allele_ends[i] - begin);
  }
};

class VcfReader {
 public:
  enum class Event { kNeedInput, kRecord, kEnd, kError };

  // `sample`: the sample column to read (empty: the first, if any).
  explicit VcfReader(std::string sample) : sample_(std::move(sample)) {}

  // Input, as for the reference: a buffer of `n` bytes, then Commit(bytes written); Finish() at
  // the end of the file.
  char* Buffer(size_t n);
  void Commit(size_t n);
  void Finish() { finished_ = true; }
  bool has_bytes() const { return cursor_ < input_.size(); }

  // The next record (kRecord), or what stops it: more input wanted, the end, or an error.
  Event Next(VcfRecord* record);

  const std::string& error() const { return error_; }
  bool has_samples() const { return sample_column_ >= 0; }
  const std::string& sample() const { return sample_; }

  static constexpr size_t kMaxLineLength = size_t{64} << 20;

  // Every record through the full parser, not the one-pass scan of common ones
  // (vcf_record_scan.h): for the fuzzer, which checks that both give the same.
  void UseFullParserOnly() { scan_common_ = false; }
  // Every record is a tumour's, flagged INFO/SOMATIC or not (--somatic's VCF).
  void TakeAllAsSomatic() { all_somatic_ = true; }

 private:
  Event Fail(const std::string& message);
  Event ParseHeader(std::string_view line);
  Event ParseRecord(std::string_view line, VcfRecord* record);
  // A symbolic ALT (the record's only one), with the INFO field that says where it ends.
  Event ParseSymbolic(std::string_view alt, std::string_view info, int64_t pos1, VcfRecord* record);
  // INFO/SOMATIC and INFO/CCF into the record; false (and the error set) when they are bad.
  bool ParseSomatic(std::string_view info, VcfRecord* record);

  std::string sample_;
  std::string input_;
  size_t cursor_ = 0;
  bool finished_ = false;
  std::string partial_;  // a line whose end has not arrived yet
  int64_t line_number_ = 0;
  bool header_done_ = false;
  int sample_column_ = -1;  // column index of the chosen sample (9 or more), -1: none
  bool failed_ = false;
  bool scan_common_ = true;
  bool all_somatic_ = false;
  std::string error_;
};

}  // namespace readforge

#endif  // READFORGE_FORMATS_VCF_READER_H_
