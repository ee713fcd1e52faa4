#include "engine/haplotype_reader.h"

#include <array>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#elif defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif

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

// out[i] = the complement of src[-i], for i < n. A spelling holds only A, C, G, T and N (the
// parser normalises every other letter to N, and inserted and SNP bases are among those), so
// eight bases go at a time: the word is byte-
// reversed, then each base flipped with an XOR: A<->T is ^0x15 and C<->G ^0x04 (bit 1 tells
// C and G from A and T), N stays N (bit 3 is set in N only): every read of the reverse strand
// goes through here, so a byte-by-byte table lookup would cost a visible share of a run.
// With SSE2 (every x86-64) or wasm SIMD (the wasm build's -msimd128), sixteen at a time the
// same way.
void ReverseComplementFrom(const char* src, int64_t n, char* out) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  int64_t i = 0;
#ifdef __SSE2__
  const __m128i two = _mm_set1_epi8(2), eight = _mm_set1_epi8(8);
  const __m128i at = _mm_set1_epi8(0x15), cg_flip = _mm_set1_epi8(0x11);
  for (; i + 16 <= n; i += 16) {
    __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(src - i - 15));
    // Bytes reversed: the dwords, then the words of each dword, then the bytes of each word.
    x = _mm_shuffle_epi32(x, 0x1b);
    x = _mm_shufflehi_epi16(_mm_shufflelo_epi16(x, 0xb1), 0xb1);
    x = _mm_or_si128(_mm_slli_epi16(x, 8), _mm_srli_epi16(x, 8));
    const __m128i is_cg = _mm_cmpeq_epi8(_mm_and_si128(x, two), two);
    const __m128i is_n = _mm_cmpeq_epi8(_mm_and_si128(x, eight), eight);
    const __m128i flip = _mm_xor_si128(at, _mm_and_si128(is_cg, cg_flip));  // 0x15 or 0x04
    x = _mm_xor_si128(x, _mm_andnot_si128(is_n, flip));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out + i), x);
  }
#elif defined(__wasm_simd128__)
  const v128_t two = wasm_i8x16_splat(2), eight = wasm_i8x16_splat(8);
  const v128_t at = wasm_i8x16_splat(0x15), cg_flip = wasm_i8x16_splat(0x11);
  for (; i + 16 <= n; i += 16) {
    v128_t x = wasm_v128_load(src - i - 15);
    x = wasm_i8x16_shuffle(x, x, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
    const v128_t is_cg = wasm_i8x16_eq(wasm_v128_and(x, two), two);
    const v128_t is_n = wasm_i8x16_eq(wasm_v128_and(x, eight), eight);
    const v128_t flip = wasm_v128_xor(at, wasm_v128_and(is_cg, cg_flip));
    x = wasm_v128_xor(x, wasm_v128_andnot(flip, is_n));  // flip & ~is_n
    wasm_v128_store(out + i, x);
  }
#endif
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

void ReverseComplement(const char* bases, int64_t n, char* out) {
  if (n > 0)
    ReverseComplementFrom(bases + n - 1, n, out);
}

void HaplotypeReader::Build(const SpanWindow& window,
                            const std::vector<Variant>& variants,
                            const std::string& inserted,
                            int haplotypes,
                            int64_t from,
                            int64_t to) {
  duplicates_ = false;
  for (int hap = 0; hap < haplotypes; ++hap) {
    haps_[hap].Spell(window, variants, inserted, hap, from, to);
    duplicates_ |= haps_[hap].duplicates();
  }
}

bool HaplotypeReader::Forward(const Fragment& f,
                              int64_t length,
                              char* out,
                              ReadTrace* trace) const {
  const SpelledHaplotype& s = haps_[f.hap];
  if (f.begin >= f.end || f.begin + length > f.end)
    return false;
  if (length == 0) {
    trace->first = s.PositionAt(f.begin, f.first_event);
    return true;
  }
  std::memcpy(out, s.bases() + f.begin, static_cast<size_t>(length));
  s.Trace(f.begin, f.begin + length, f.first_event, trace);
  return true;
}

bool HaplotypeReader::Backward(const Fragment& f,
                               int64_t length,
                               char* out,
                               ReadTrace* trace) const {
  const SpelledHaplotype& s = haps_[f.hap];
  if (f.begin >= f.end || f.end - length < f.begin)
    return false;
  if (length == 0) {
    trace->last = s.PositionAt(f.end - 1, f.end_event);
    return true;
  }
  ReverseComplementFrom(s.bases() + f.end - 1, length, out);
  s.Trace(f.end - length, f.end, f.end_event, trace);
  return true;
}

}  // namespace readforge
