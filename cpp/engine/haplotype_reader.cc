#include "engine/haplotype_reader.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <limits>

namespace readforge {
namespace {

constexpr std::array<char, 256> MakeComplementTable() {
  std::array<char, 256> table{};
  for (auto& c : table)
    c = 'N';
  table['A'] = 'T';
  table['C'] = 'G';
  table['G'] = 'C';
  table['T'] = 'A';
  return table;
}

constexpr std::array<char, 256> kComplement = MakeComplementTable();
constexpr int64_t kNowhere = std::numeric_limits<int64_t>::max();

// out[i] = the complement of src[-i], for i < n. The window holds only A, C, G, T and N (the
// parser normalises every other letter to N), so eight bases go at a time: the word is byte-
// reversed, then each base flipped with an XOR: A<->T is ^0x15 and C<->G ^0x04 (bit 1 tells
// C and G from A and T), N stays N (bit 3 is set in N only). Plain byte-by-byte table lookups
// were a sixth of the time of a run.
void ReverseComplement(const char* src, int64_t n, char* out) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  int64_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t x;
    std::memcpy(&x, src - i - 7, 8);
    x = __builtin_bswap64(x);  // little-endian hosts (x86, arm64, wasm)
    const uint64_t cg = (x >> 1) & kOnes;
    const uint64_t is_n = (x >> 3) & kOnes;
    x ^= (0x15 * kOnes - cg * 0x11) & ~(is_n * 0xff);
    std::memcpy(out + i, &x, 8);
  }
  for (; i < n; ++i)
    out[i] = kComplement[static_cast<unsigned char>(src[-i])];
}

}  // namespace

char Complement(char base) {
  return kComplement[static_cast<unsigned char>(base)];
}

size_t HaplotypeReader::SnpsOnly(int hap, size_t first, int64_t end) const {
  size_t i = first;
  for (; i < variants_.size() && variants_[i].pos < end; ++i) {
    if (variants_[i].AppliesTo(hap) && variants_[i].type != VariantType::kSnp)
      return kNotPlain;
  }
  return i;
}

bool HaplotypeReader::PlainForward(int hap,
                                   size_t first,
                                   int64_t a,
                                   int64_t length,
                                   char* out,
                                   ReadTrace* trace) const {
  const size_t last = SnpsOnly(hap, first, a + length);
  if (last == kNotPlain)
    return false;
  std::memcpy(out, window_.data(a), static_cast<size_t>(length));
  for (size_t i = first; i < last; ++i) {
    const Entry& v = variants_[i];
    if (v.AppliesTo(hap)) {
      out[v.pos - a] = SnpBase(window_.at(v.pos), v.snp_shift);
      ++trace->snps;
    }
  }
  trace->first = a;
  trace->last = a + length - 1;
  return true;
}

bool HaplotypeReader::PlainBackward(int hap,
                                    int64_t s,
                                    int64_t e,
                                    char* out,
                                    ReadTrace* trace) const {
  const size_t first = variants_.FirstAtOrAfter(s);
  if (first > 0) {  // a deletion from before s may reach into it (only the one just before can)
    const Entry& v = variants_[first - 1];
    if (v.type == VariantType::kDeletion && v.AppliesTo(hap) && v.pos + v.length > s)
      return false;
  }
  const size_t last = SnpsOnly(hap, first, e);
  if (last == kNotPlain)
    return false;
  ReverseComplement(window_.data(e - 1), e - s, out);
  for (size_t i = first; i < last; ++i) {
    const Entry& v = variants_[i];
    if (v.AppliesTo(hap)) {
      out[e - 1 - v.pos] = Complement(SnpBase(window_.at(v.pos), v.snp_shift));
      ++trace->snps;
    }
  }
  trace->first = s;
  trace->last = e - 1;
  return true;
}

bool HaplotypeReader::Forward(int hap,
                              int64_t a,
                              int64_t e,
                              int64_t length,
                              char* out,
                              ReadTrace* trace) const {
  const size_t n = variants_.size();
  size_t vi = variants_.FirstAtOrAfter(a);
  int64_t p = a;
  // A deletion that starts before `a` may cover it (variants never overlap, so only the one
  // just before can).
  if (vi > 0) {
    const Entry& v = variants_[vi - 1];
    if (v.type == VariantType::kDeletion && v.AppliesTo(hap) && v.pos + v.length > a)
      p = v.pos + v.length;
  }
  if (p == a && length > 0 && a + length <= e && PlainForward(hap, vi, a, length, out, trace))
    return true;
  int64_t k = 0;
  while (true) {
    if (k == length && trace->first >= 0)
      break;
    // Skip what does not apply, but never past the fragment: on N-rich sequence with a high
    // mutation rate most variants do not apply, and scanning them all made reads quadratic.
    while (vi < n && variants_[vi].pos < e &&
           (variants_[vi].pos < p || !variants_[vi].AppliesTo(hap)))
      ++vi;
    if (p >= e)
      break;
    int64_t next = vi < n ? variants_[vi].pos : kNowhere;
    if (next == p && variants_[vi].type == VariantType::kDeletion) {
      p += variants_[vi++].length;
      if (k > 0)
        ++trace->indels;
      continue;
    }
    if (trace->first < 0)
      trace->first = p;
    if (k == length)
      break;
    if (next == p) {
      const size_t i = vi++;
      const Entry& v = variants_[i];
      if (v.type == VariantType::kSnp) {
        out[k++] = SnpBase(window_.at(p), v.snp_shift);
        ++trace->snps;
      } else {  // insertion after p: the base, then the inserted bases inside the fragment
        out[k++] = Anchor(v, p);
        trace->snps += v.snp_shift != 0;
        if (p + 1 < e && k < length) {
          int64_t take = std::min<int64_t>(v.length, length - k);
          std::memcpy(out + k, variants_.inserted(i).data(), static_cast<size_t>(take));
          k += take;
          ++trace->indels;
        }
      }
      trace->last = p++;
      continue;
    }
    int64_t take = std::min(std::min(next, e) - p, length - k);
    std::memcpy(out + k, window_.data(p), static_cast<size_t>(take));
    k += take;
    p += take;
    trace->last = p - 1;
  }
  return k == length && trace->first >= 0;
}

bool HaplotypeReader::Backward(int hap,
                               int64_t a,
                               int64_t e,
                               int64_t length,
                               char* out,
                               ReadTrace* trace) const {
  if (length > 0 && e - length >= a && PlainBackward(hap, e - length, e, out, trace))
    return true;
  // j walks down through the variants at or before p.
  int64_t j = static_cast<int64_t>(variants_.FirstAtOrAfter(e)) - 1;
  int64_t p = e - 1;
  int64_t k = 0;
  while (true) {
    if (k == length && trace->last >= 0)
      break;
    while (j >= 0 && !variants_[static_cast<size_t>(j)].AppliesTo(hap)) {
      // Below the fragment only the variant right before `a` can reach into it (variants never
      // overlap): if that one does not apply, nothing further down does. Stopping here keeps
      // reads linear on N-rich sequence with many variants.
      if (variants_[static_cast<size_t>(j)].pos < a) {
        j = -1;
        break;
      }
      --j;
    }
    if (p < a)
      break;
    const size_t vj = static_cast<size_t>(j);
    const Entry* v = j >= 0 ? &variants_[vj] : nullptr;
    if (v && v->type == VariantType::kDeletion && v->pos + v->length > p) {
      p = v->pos - 1;
      --j;
      if (k > 0)
        ++trace->indels;
      continue;
    }
    if (trace->last < 0)
      trace->last = p;
    if (k == length)
      break;
    if (v && v->pos == p) {
      --j;
      if (v->type == VariantType::kSnp) {
        out[k++] = Complement(SnpBase(window_.at(p), v->snp_shift));
        ++trace->snps;
      } else {
        if (p < e - 1) {  // the insertion after p lies inside the fragment
          const std::string& inserted = variants_.inserted(vj);
          int64_t i = v->length - 1;
          for (; i >= 0 && k < length; --i)
            out[k++] = Complement(inserted[static_cast<size_t>(i)]);
          ++trace->indels;
        }
        if (k < length) {
          out[k++] = Complement(Anchor(*v, p));
          trace->snps += v->snp_shift != 0;
        }
      }
      trace->first = p--;
      continue;
    }
    int64_t stop = a - 1;  // the plain run is (stop, p]
    if (v) {
      int64_t v_last = v->type == VariantType::kDeletion ? v->pos + v->length - 1 : v->pos;
      stop = std::max(stop, v_last);
    }
    int64_t take = std::min(p - stop, length - k);
    ReverseComplement(window_.data(p), take, out + k);
    k += take;
    p -= take;
    trace->first = p + 1;
  }
  return k == length && trace->last >= 0;
}

}  // namespace readforge
