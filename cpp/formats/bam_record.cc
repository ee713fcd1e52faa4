#include "formats/bam_record.h"

#include <array>

namespace readforge {
namespace {

// BAM is little-endian, as every host readforge runs on (x86-64, arm64, wasm): values are
// copied as they are in memory.
template <typename T>
void Put(std::string* out, T value) {
  char bytes[sizeof(T)];
  std::memcpy(bytes, &value, sizeof(T));
  out->append(bytes, sizeof(T));
}

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
  Put<uint32_t>(out, 0);  // block_size, set by EndBamRecord
  Put<int32_t>(out, f.tid);
  Put<int32_t>(out, static_cast<int32_t>(f.pos));
  Put<uint8_t>(out, static_cast<uint8_t>(f.name.size() + 1));
  Put<uint8_t>(out, f.mapq);
  Put<uint16_t>(out, static_cast<uint16_t>(f.pos >= 0 ? BinOf(f.pos, end) : 4680));
  Put<uint16_t>(out, static_cast<uint16_t>(f.cigar_ops));
  Put<uint16_t>(out, f.flag);
  Put<uint32_t>(out, static_cast<uint32_t>(f.seq.size()));
  Put<int32_t>(out, f.next_tid);
  Put<int32_t>(out, static_cast<int32_t>(f.next_pos));
  Put<int32_t>(out, static_cast<int32_t>(f.tlen));
  out->append(f.name);
  out->push_back('\0');
  for (size_t i = 0; i < f.cigar_ops; ++i)
    Put<uint32_t>(out, f.cigar[i]);
  const size_t n = f.seq.size();
  const size_t at = out->size();
  out->resize(at + (n + 1) / 2 + n);
  uint8_t* packed = reinterpret_cast<uint8_t*>(&(*out)[at]);
  for (size_t i = 0; i + 1 < n; i += 2) {
    *packed++ = static_cast<uint8_t>(kNibbles[static_cast<unsigned char>(f.seq[i])] << 4 |
                                     kNibbles[static_cast<unsigned char>(f.seq[i + 1])]);
  }
  if (n & 1)
    *packed++ = static_cast<uint8_t>(kNibbles[static_cast<unsigned char>(f.seq[n - 1])] << 4);
  if (f.qual) {
    for (size_t i = 0; i < n; ++i)
      packed[i] = static_cast<uint8_t>(f.qual[i] - 33);
  } else {
    std::memset(packed, 0xff, n);
  }
  return start;
}

void AppendIntTag(std::string* out, const char tag[2], int64_t value) {
  out->append(tag, 2);
  if (value >= 0) {
    if (value <= UINT8_MAX) {
      out->push_back('C');
      Put<uint8_t>(out, static_cast<uint8_t>(value));
    } else if (value <= UINT16_MAX) {
      out->push_back('S');
      Put<uint16_t>(out, static_cast<uint16_t>(value));
    } else {
      out->push_back('I');
      Put<uint32_t>(out, static_cast<uint32_t>(value));
    }
  } else if (value >= INT8_MIN) {
    out->push_back('c');
    Put<int8_t>(out, static_cast<int8_t>(value));
  } else if (value >= INT16_MIN) {
    out->push_back('s');
    Put<int16_t>(out, static_cast<int16_t>(value));
  } else {
    out->push_back('i');
    Put<int32_t>(out, static_cast<int32_t>(value));
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
