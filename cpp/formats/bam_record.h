// BAM alignment records (SAMv1 section 4.2): writing one in its binary form, and a read-only
// view of one for readers (the index builder, `readforge eval`, the SAM text of --sam).
//
//   size_t start = BeginBamRecord(fields, &out);   // fixed fields, name, CIGAR, SEQ, QUAL
//   AppendIntTag(&out, "NM", 2);                   // then its tags
//   AppendStringTag(&out, "MD", "10A5^C3");
//   EndBamRecord(start, &out);                     // its block_size
#ifndef READFORGE_FORMATS_BAM_RECORD_H_
#define READFORGE_FORMATS_BAM_RECORD_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "formats/little_endian.h"

namespace readforge {

// CIGAR operations, as BAM numbers them ("MIDNSHP=X").
enum CigarOp : uint32_t {
  kCigarMatch = 0,
  kCigarInsertion = 1,
  kCigarDeletion = 2,
  kCigarSkip = 3,
  kCigarSoftClip = 4,
  kCigarHardClip = 5,
  kCigarPad = 6,
  kCigarEqual = 7,
  kCigarDiff = 8,
};
inline constexpr char kCigarLetters[] = "MIDNSHP=X";
inline uint32_t CigarOf(uint32_t op, uint32_t length) {
  return length << 4 | op;
}
inline uint32_t CigarOpOf(uint32_t cigar) {
  return cigar & 0xf;
}
inline uint32_t CigarLengthOf(uint32_t cigar) {
  return cigar >> 4;
}
// M, D, N, = and X take up reference bases; M, I, S, = and X read bases.
inline bool CigarConsumesReference(uint32_t op) {
  return op == kCigarMatch || op == kCigarDeletion || op == kCigarSkip || op == kCigarEqual ||
         op == kCigarDiff;
}
inline bool CigarConsumesRead(uint32_t op) {
  return op == kCigarMatch || op == kCigarInsertion || op == kCigarSoftClip || op == kCigarEqual ||
         op == kCigarDiff;
}

// FLAG bits.
enum BamFlag : uint16_t {
  kFlagPaired = 0x1,
  kFlagProperPair = 0x2,
  kFlagUnmapped = 0x4,
  kFlagMateUnmapped = 0x8,
  kFlagReverse = 0x10,
  kFlagMateReverse = 0x20,
  kFlagRead1 = 0x40,
  kFlagRead2 = 0x80,
  kFlagSecondary = 0x100,
  kFlagQcFail = 0x200,
  kFlagDuplicate = 0x400,
  kFlagSupplementary = 0x800,
};

// The BAI bin of reference interval [beg, end) (htslib's hts_reg2bin: CSI with its own
// `min_shift` and `depth`, BAI with 14 and 5).
int BinOf(int64_t beg, int64_t end, int min_shift = 14, int depth = 5);
// The reference bases a CIGAR covers.
int64_t CigarReferenceLength(const uint32_t* cigar, size_t n);

struct BamFields {
  std::string_view name;
  uint16_t flag = 0;
  int32_t tid = -1;
  int64_t pos = -1;  // 0-based
  uint8_t mapq = 0;
  const uint32_t* cigar = nullptr;
  size_t cigar_ops = 0;
  int32_t next_tid = -1;
  int64_t next_pos = -1;
  int64_t tlen = 0;
  std::string_view seq;        // bases as letters ("=ACMGRSVTWYHKDBN"; others become N)
  const char* qual = nullptr;  // Phred+33, seq.size() of them
  bool qual_reversed = false;  // qual read from its end (a read on the reverse strand)
  char qual_fill = 0;          // without qual: this quality (Phred+33) for every base; 0: absent
};

// Appends the record's block_size (left 0 for now), fixed fields, name, CIGAR, SEQ and QUAL;
// returns where it starts in `out`, for EndBamRecord. The bin comes from POS and the CIGAR.
size_t BeginBamRecord(const BamFields& fields, std::string* out);
// Tags, after BeginBamRecord: an integer in the smallest type that holds it (as htslib does),
// a string (type Z).
void AppendIntTag(std::string* out, const char tag[2], int64_t value);
void AppendStringTag(std::string* out, const char tag[2], std::string_view value);
// Sets the block_size of the record that starts at `start` (everything appended since).
void EndBamRecord(size_t start, std::string* out);

// A read-only view of a record's bytes, block_size field included. Valid(): the fields say
// sizes that fit the bytes (a reader checks this before anything else).
class BamRecordView {
 public:
  BamRecordView(const char* data, size_t size)
      : data_(reinterpret_cast<const uint8_t*>(data)), size_(size) {}

  // The fixed part is there and the name, CIGAR, SEQ and QUAL it announces fit; the name ends
  // in NUL.
  bool Valid() const;

  int32_t tid() const { return I32(4); }
  int64_t pos() const { return I32(8); }
  uint8_t mapq() const { return data_[13]; }
  uint16_t bin() const { return U16(14); }
  uint16_t flag() const { return U16(18); }
  int32_t next_tid() const { return I32(24); }
  int64_t next_pos() const { return I32(28); }
  int64_t tlen() const { return I32(32); }
  std::string_view name() const {  // without its NUL
    return std::string_view(reinterpret_cast<const char*>(data_ + 36), NameLength() - 1);
  }
  size_t cigar_ops() const { return U16(16); }
  uint32_t cigar(size_t i) const { return U32(CigarOffset() + 4 * i); }
  size_t seq_length() const { return U32(20); }
  // The i-th base as a letter.
  char base(size_t i) const {
    const uint8_t packed = data_[SeqOffset() + i / 2];
    return "=ACMGRSVTWYHKDBN"[(i & 1) ? packed & 0xf : packed >> 4];
  }
  // The i-th quality (0xff: absent).
  uint8_t quality(size_t i) const { return data_[QualOffset() + i]; }
  // The reference end (exclusive) as htslib's bam_endpos: POS + the CIGAR's reference length,
  // or POS + 1 for an unmapped read or one without reference bases.
  int64_t EndPosition() const;
  // The aux data: tags, one after another.
  std::string_view aux() const {
    const size_t at = QualOffset() + seq_length();
    return std::string_view(reinterpret_cast<const char*>(data_ + at), size_ - at);
  }

 private:
  size_t NameLength() const { return data_[12]; }
  size_t CigarOffset() const { return 36 + NameLength(); }
  size_t SeqOffset() const { return CigarOffset() + 4 * cigar_ops(); }
  size_t QualOffset() const { return SeqOffset() + (seq_length() + 1) / 2; }
  uint16_t U16(size_t at) const { return LoadLittleEndian<uint16_t>(data_ + at); }
  uint32_t U32(size_t at) const { return LoadLittleEndian<uint32_t>(data_ + at); }
  int32_t I32(size_t at) const { return static_cast<int32_t>(U32(at)); }

  const uint8_t* data_;
  size_t size_;
};

// One tag of a record's aux data, found by FindTag.
struct BamTag {
  char type = 0;          // the BAM type letter: A c C s S i I f Z H B
  int64_t integer = 0;    // for c C s S i I
  std::string_view text;  // for Z, H and A
  bool found = false;
};
// Finds `tag` in aux data; false when the aux data is malformed (a tag past its end, an
// unknown type).
bool FindTag(std::string_view aux, const char tag[2], BamTag* out);

}  // namespace readforge

#endif  // READFORGE_FORMATS_BAM_RECORD_H_
