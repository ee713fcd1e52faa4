// The first N in a run of bases: asked of every read drawn and of every reference base.
#ifndef READFORGE_FORMATS_FIND_N_H_
#define READFORGE_FORMATS_FIND_N_H_

#include <cstddef>
#include <cstdint>
#include <cstring>

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif

namespace readforge {

// The first 'N' in [p, end), or end. Natively libc's memchr (vectorised); in WebAssembly,
// musl's memchr goes four bytes at a time, so sixteen go at a time with wasm SIMD (the module's
// -msimd128): a read's two checks cost a few loads instead of some forty steps.
inline const char* FindN(const char* p, const char* end) {
#if defined(__wasm_simd128__)
  const v128_t n = wasm_i8x16_splat('N');
  for (; end - p >= 16; p += 16) {
    const uint32_t hits = wasm_i8x16_bitmask(wasm_i8x16_eq(wasm_v128_load(p), n));
    if (hits != 0)
      return p + __builtin_ctz(hits);
  }
  for (; p < end; ++p) {
    if (*p == 'N')
      return p;
  }
  return end;
#else
  const void* q = std::memchr(p, 'N', static_cast<size_t>(end - p));
  return q ? static_cast<const char*>(q) : end;
#endif
}

}  // namespace readforge

#endif  // READFORGE_FORMATS_FIND_N_H_
