#include "formats/bam_record.h"

#include <array>

#include "formats/little_endian.h"

namespace readforge {
namespace {

constexpr std::array<uint8_t, 256> MakeNibbles() {
  std::array<uint8_t, 256> table{};
  for (auto& n : table)
    n = 15;
  const char* letters = "=ACMGRSVTWYHKDBN";
  for (uint8_t i = 0; i < 16; ++i) {
    table[static_cast<unsigned char>(letters[i])] = i;
    if (letters[i] >= 'A' && letters[i] <= 'Z')
      table[static_cast<unsigned char>(letters[i] - 'A' + 'a')] = i;
  }
  return table;
}

constexpr std::array<uint8_t, 256> kNibbles = MakeNibbles();

// Two bases' letters (the first in the low byte of the index) to their packed byte: one load a
// pair of bases, SEQ being most of a record.
struct PairTable {
  PairTable() {
    for (int a = 0; a < 256; ++a) {
      for (int b = 0; b < 256; ++b)
        bytes[a | b << 8] = static_cast<uint8_t>(kNibbles[a] << 4 | kNibbles[b]);
    }
  }
  uint8_t bytes[1 << 16];
};

const PairTable& Pairs() {
  static const PairTable table;
  return table;
}

// The size of one value of an aux type, 0 for a type of variable size or an unknown one.
size_t AuxSize(char type) {
  switch (type) {
    case 'A':
    case 'c':
    case 'C':
      return 1;
    case 's':
    case 'S':
      return 2;
    case 'i':
    case 'I':
    case 'f':
      return 4;
    default:
      return 0;
  }
}

}  // namespace

int BinOf(int64_t beg, int64_t end, int min_shift, int depth) {
  int s = min_shift;
  int t = ((1 << (depth * 3)) - 1) / 7;
  --end;
  for (int l = depth; l > 0; --l, s += 3, t -= 1 << (l * 3)) {
    if (beg >> s == end >> s)
      return t + static_cast<int>(beg >> s);
  }
  return 0;
}

int64_t CigarReferenceLength(const uint32_t* cigar, size_t n) {
  int64_t length = 0;
  for (size_t i = 0; i < n; ++i) {
    if (CigarConsumesReference(CigarOpOf(cigar[i])))
      length += CigarLengthOf(cigar[i]);
  }
  return length;
}

size_t BeginBamRecord(const BamFields& f, std::string* out) {
  const size_t start = out->size();
  const int64_t reference =
      (f.flag & kFlagUnmapped) ? 0 : CigarReferenceLength(f.cigar, f.cigar_ops);
  const int64_t end = f.pos + (reference > 0 ? reference : 1);
  const size_t n = f.seq.size();
  // One resize, then the fields written in place.
  out->resize(start + 36 + f.name.size() + 1 + 4 * f.cigar_ops + (n + 1) / 2 + n);
  char* p = &(*out)[start];
  auto put = [&p](auto value) {
    std::memcpy(p, &value, sizeof value);
    p += sizeof value;
  };
  put(uint32_t{0});  // block_size, set by EndBamRecord
  put(f.tid);
  put(static_cast<int32_t>(f.pos));
  put(static_cast<uint8_t>(f.name.size() + 1));
  put(f.mapq);
  put(static_cast<uint16_t>(f.pos >= 0 ? BinOf(f.pos, end) : 4680));
  put(static_cast<uint16_t>(f.cigar_ops));
  put(f.flag);
  put(static_cast<uint32_t>(n));
  put(f.next_tid);
  put(static_cast<int32_t>(f.next_pos));
  put(static_cast<int32_t>(f.tlen));
  std::memcpy(p, f.name.data(), f.name.size());
  p += f.name.size();
  *p++ = '\0';
  if (f.cigar_ops > 0)
    std::memcpy(p, f.cigar, 4 * f.cigar_ops);
  p += 4 * f.cigar_ops;
  uint8_t* packed = reinterpret_cast<uint8_t*>(p);
  const uint8_t* pairs = Pairs().bytes;
  const auto* seq = reinterpret_cast<const unsigned char*>(f.seq.data());
  for (size_t i = 0; i + 1 < n; i += 2)
    *packed++ = pairs[seq[i] | seq[i + 1] << 8];
  if (n & 1)
    *packed++ = static_cast<uint8_t>(kNibbles[seq[n - 1]] << 4);
  if (f.qual && f.qual_reversed) {
    for (size_t i = 0; i < n; ++i)
      packed[i] = static_cast<uint8_t>(f.qual[n - 1 - i] - 33);
  } else if (f.qual) {
    for (size_t i = 0; i < n; ++i)
      packed[i] = static_cast<uint8_t>(f.qual[i] - 33);
  } else {
    std::memset(packed, f.qual_fill ? f.qual_fill - 33 : 0xff, n);
  }
  return start;
}

void AppendIntTag(std::string* out, const char tag[2], int64_t value) {
  out->append(tag, 2);
  if (value >= 0) {
    if (value <= UINT8_MAX) {
      out->push_back('C');
      PutLittleEndian<uint8_t>(out, static_cast<uint8_t>(value));
    } else if (value <= UINT16_MAX) {
      out->push_back('S');
      PutLittleEndian<uint16_t>(out, static_cast<uint16_t>(value));
    } else {
      out->push_back('I');
      PutLittleEndian<uint32_t>(out, static_cast<uint32_t>(value));
    }
  } else if (value >= INT8_MIN) {
    out->push_back('c');
    PutLittleEndian<int8_t>(out, static_cast<int8_t>(value));
  } else if (value >= INT16_MIN) {
    out->push_back('s');
    PutLittleEndian<int16_t>(out, static_cast<int16_t>(value));
  } else {
    out->push_back('i');
    PutLittleEndian<int32_t>(out, static_cast<int32_t>(value));
  }
}

void AppendStringTag(std::string* out, const char tag[2], std::string_view value) {
  out->append(tag, 2);
  out->push_back('Z');
  out->append(value);
  out->push_back('\0');
}

void EndBamRecord(size_t start, std::string* out) {
  const uint32_t size = static_cast<uint32_t>(out->size() - start - 4);
  std::memcpy(&(*out)[start], &size, 4);
}

bool BamRecordView::Valid() const {
  if (size_ < 36 || NameLength() == 0)
    return false;
  // Each part's end, added up in 64 bits: no count can overflow them.
  const uint64_t cigar_end = 36 + NameLength() + 4 * uint64_t{cigar_ops()};
  const uint64_t seq = seq_length();
  const uint64_t qual_end = cigar_end + (seq + 1) / 2 + seq;
  return qual_end <= size_ && data_[36 + NameLength() - 1] == '\0';
}

int64_t BamRecordView::EndPosition() const {
  int64_t length = 0;
  if (!(flag() & kFlagUnmapped)) {
    for (size_t i = 0; i < cigar_ops(); ++i) {
      if (CigarConsumesReference(CigarOpOf(cigar(i))))
        length += CigarLengthOf(cigar(i));
    }
  }
  return pos() + (length > 0 ? length : 1);
}

bool FindTag(std::string_view aux, const char tag[2], BamTag* out) {
  *out = BamTag();
  size_t i = 0;
  while (i < aux.size()) {
    if (aux.size() - i < 3)
      return false;
    const bool match = aux[i] == tag[0] && aux[i + 1] == tag[1];
    const char type = aux[i + 2];
    i += 3;
    size_t size = AuxSize(type);
    if (type == 'Z' || type == 'H') {
      const size_t end = aux.find('\0', i);
      if (end == std::string_view::npos)
        return false;
      if (match) {
        out->type = type;
        out->text = aux.substr(i, end - i);
        out->found = true;
        return true;
      }
      i = end + 1;
      continue;
    }
    if (type == 'B') {
      if (aux.size() - i < 5)
        return false;
      const size_t each = AuxSize(aux[i]);
      uint32_t count;
      std::memcpy(&count, aux.data() + i + 1, 4);
      if (each == 0 || (aux.size() - i - 5) / each < count)
        return false;
      i += 5 + each * count;
      continue;
    }
    if (size == 0 || aux.size() - i < size)
      return false;
    if (match) {
      out->type = type;
      out->found = true;
      const char* p = aux.data() + i;
      switch (type) {
        case 'A':
          out->text = aux.substr(i, 1);
          break;
        case 'c':
          out->integer = static_cast<int8_t>(*p);
          break;
        case 'C':
          out->integer = static_cast<uint8_t>(*p);
          break;
        case 's': {
          int16_t v;
          std::memcpy(&v, p, 2);
          out->integer = v;
          break;
        }
        case 'S': {
          uint16_t v;
          std::memcpy(&v, p, 2);
          out->integer = v;
          break;
        }
        case 'i': {
          int32_t v;
          std::memcpy(&v, p, 4);
          out->integer = v;
          break;
        }
        case 'I': {
          uint32_t v;
          std::memcpy(&v, p, 4);
          out->integer = v;
          break;
        }
        default:
          break;  // f: found, no integer
      }
      return true;
    }
    i += size;
  }
  return true;
}

}  // namespace readforge
