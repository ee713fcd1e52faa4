// The MD5 of each contig of a FASTA, as refget and `samtools dict` (M5) define it: the digest of
// the sequence's letters, uppercased, without line ends. A run's shared manifest carries them,
// so that "Run again" can tell whether a file at hand is the reference the run was made from
// without the run ever holding any sequence.
#ifndef READFORGE_FORMATS_CONTIG_DIGESTS_H_
#define READFORGE_FORMATS_CONTIG_DIGESTS_H_

#include <boost/uuid/detail/md5.hpp>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "formats/fasta_parser.h"
#include "formats/status.h"

namespace readforge {

// Boost's MD5 fed whole 64-byte blocks from an aligned buffer: its block function reads 32-bit
// words in place, which for input at any other address is undefined behaviour (UBSan says so,
// and some CPUs fault).
class Md5 {
 public:
  void Update(const char* data, size_t size);
  // The digest's 16 bytes, in order; the digest starts again.
  std::string Finish();

 private:
  static constexpr size_t kBlock = 64;
  boost::uuids::detail::md5 md5_;
  alignas(8) char pending_[kBlock];
  size_t pending_size_ = 0;
};

struct ContigDigest {
  std::string name;
  int64_t length = 0;
  std::string md5;  // 32 lowercase hex digits
};

class ContigDigester {
 public:
  ContigDigester();

  // Input in chunks of any size, then Finish(); the digests are complete after Finish().
  Status Push(const char* data, size_t size);
  Status Finish();

  const std::vector<ContigDigest>& contigs() const { return contigs_; }

 private:
  void CloseContig();

  FastaParser parser_{FastaParser::Letters::kUppercase};
  Md5 md5_;
  std::vector<ContigDigest> contigs_;
  std::string scratch_;
};

// The MD5 of `size` bytes as 32 lowercase hex digits.
std::string Md5Hex(const char* data, size_t size);

}  // namespace readforge

#endif  // READFORGE_FORMATS_CONTIG_DIGESTS_H_
