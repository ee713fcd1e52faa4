// FASTQ records with wgsim's read names:
//   @<contig>_<left1>_<right1>_<e1>:<s1>:<i1>_<e2>:<s2>:<i2>_<hexindex>/<mate>
// left1/right1 are the fragment's outer 1-based reference coordinates; triple 1 counts the
// errors, SNPs and indels of the leftmost read, triple 2 those of the rightmost.
#ifndef READFORGE_ENGINE_FASTQ_WRITER_H_
#define READFORGE_ENGINE_FASTQ_WRITER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace readforge {

struct ReadCounts {
  int errors = 0;
  int snps = 0;
  int indels = 0;
};

class FastqWriter {
 public:
  // The quality character wgsim writes for base error rate `e`.
  static char QualityFor(double error_rate);

  // `quality`: the Phred+33 character of every base when a read has no qualities of its own
  // (wgsim's model: QualityFor(-e), binned when asked).
  explicit FastqWriter(char quality) : quality_(quality) {}

  // Formats the name shared by both mates (without "/mate").
  void SetPair(std::string_view contig,
               int64_t left1,
               int64_t right1,
               const ReadCounts& left,
               const ReadCounts& right,
               uint64_t index);

  // Or an Illumina-style name (--read-names illumina): readforge:<run>:RFSIM:<lane>:<tile>:<x>:<y>
  // (flow_cell.h).
  void SetIlluminaPair(int64_t run, int lane, int tile, int x, int y);

  // The pair's name, without '@' and "/mate" (SAM's QNAME).
  std::string_view name() const { return std::string_view(name_.data() + 1, name_length_ - 2); }

  // The pair's UMI, written after the name as the comment " RX:Z:<umi>" ("" for none).
  void SetUmi(std::string_view umi);

  // `qualities` (Phred+33, `length` of them) or null for the constant quality of -e.
  void Append(std::string* out, int mate, const char* bases, const char* qualities, int64_t length);

 private:
  char quality_;
  std::vector<char> name_;  // "@name/" of the pair, its first name_length_ characters
  size_t name_length_ = 0;
  std::string qualities_;  // a run of quality_, reused for every record
  std::string comment_;    // " RX:Z:<umi>", or empty
};

}  // namespace readforge

#endif  // READFORGE_ENGINE_FASTQ_WRITER_H_
