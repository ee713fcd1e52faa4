#include "engine/quality_bins.h"

#include "engine/quality_profile.h"
#include "formats/text.h"

#if defined(__x86_64__)
#include <immintrin.h>
#endif
#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif

namespace readforge {
namespace {

#if defined(__x86_64__)
// 64 characters an instruction: a byte permute across the table's first 128 entries, which hold
// every Phred+33 character.
__attribute__((target("avx512f,avx512bw,avx512vbmi"))) void MapAvx512(const char* table,
                                                                      char* qualities,
                                                                      size_t n) {
  const __m512i low = _mm512_loadu_si512(table);
  const __m512i high = _mm512_loadu_si512(table + 64);
  for (size_t i = 0; i < n; i += 64) {
    const __mmask64 in = n - i >= 64 ? ~__mmask64{0} : (__mmask64{1} << (n - i)) - 1;
    const __m512i characters = _mm512_maskz_loadu_epi8(in, qualities + i);
    _mm512_mask_storeu_epi8(qualities + i, in, _mm512_permutex2var_epi8(low, characters, high));
  }
}
#endif

}  // namespace

void QualityBins::Apply(char* qualities, size_t n) const {
#if defined(__x86_64__)
  static const bool vbmi =
      __builtin_cpu_supports("avx512vbmi") && __builtin_cpu_supports("avx512bw");
  if (vbmi) {
    MapAvx512(table_.data(), qualities, n);
    return;
  }
#elif defined(__wasm_simd128__)
  // Sixteen characters at a time: eight swizzles, one for each sixteen entries of the table's
  // first 128 (a swizzle gives 0 where the index is past 15, so only a character's own sixteen
  // give it anything).
  v128_t rows[8];
  for (size_t k = 0; k < 8; ++k)
    rows[k] = wasm_v128_load(table_.data() + 16 * k);
  size_t i = 0;
  for (; i + 16 <= n; i += 16) {
    const v128_t characters = wasm_v128_load(qualities + i);
    v128_t mapped = wasm_i8x16_swizzle(rows[0], characters);
    for (int k = 1; k < 8; ++k)
      mapped = wasm_v128_or(
          mapped,
          wasm_i8x16_swizzle(rows[k], wasm_i8x16_sub(characters, wasm_i8x16_splat(16 * k))));
    wasm_v128_store(qualities + i, mapped);
  }
  qualities += i;
  n -= i;
#endif
  for (size_t i = 0; i < n; ++i)
    qualities[i] = Map(qualities[i]);
}

QualityBins::QualityBins() {
  for (size_t i = 0; i < table_.size(); ++i)
    table_[i] = static_cast<char>(i);
}

void QualityBins::Bin(int low, int high, int value) {
  for (int q = low; q <= high; ++q)
    table_[static_cast<size_t>(q + 33)] = static_cast<char>(value + 33);
}

QualityBins QualityBins::NovaSeq() {
  // Illumina's RTA3 bins: no-calls and Q2 to 2, then 12, 23 and 37.
  QualityBins bins;
  bins.name = "novaseq";
  bins.Bin(0, 2, 2);
  bins.Bin(3, 14, 12);
  bins.Bin(15, 30, 23);
  bins.Bin(31, kMaxPhred, 37);
  return bins;
}

Status QualityBins::Parse(std::string_view text, QualityBins* bins) {
  *bins = QualityBins();
  std::string_view line;
  int64_t number = 0;
  bool any = false;
  while (NextLine(&text, &line)) {
    ++number;
    if (line.empty() || line[0] == '#')
      continue;
    int64_t low = 0, high = 0, value = 0;
    const bool parsed = ParseInt64(NextTabField(&line), &low) &&
                        ParseInt64(NextTabField(&line), &high) &&
                        ParseInt64(NextTabField(&line), &value) && line.empty();
    if (!parsed || low < 0 || high < low || high > kMaxPhred || value < 0 || value > kMaxPhred) {
      return Status::Error("line " + std::to_string(number) +
                           ": expected LOW<TAB>HIGH<TAB>VALUE, Phred qualities from 0 to " +
                           std::to_string(kMaxPhred) + " with LOW <= HIGH");
    }
    bins->Bin(static_cast<int>(low), static_cast<int>(high), static_cast<int>(value));
    any = true;
  }
  if (!any)
    return Status::Error("no bins (expected lines of LOW<TAB>HIGH<TAB>VALUE)");
  return Status::Ok();
}

}  // namespace readforge
