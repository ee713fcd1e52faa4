// Quality binning, as instruments since the NovaSeq write qualities: each Phred value is replaced
// by its bin's (NovaSeq's four: 2, 12, 23, 37), after the read's errors were drawn from the
// unbinned qualities, as the instrument does; a bin's error rate is then the mean of its
// members' rates, as in real binned data. `--quality-bins novaseq`, or a user's table: a TSV of
// lines `LOW<TAB>HIGH<TAB>VALUE` (Phred, inclusive; `#` comments), qualities outside every line
// left as they are.
#ifndef READFORGE_ENGINE_QUALITY_BINS_H_
#define READFORGE_ENGINE_QUALITY_BINS_H_

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "formats/status.h"

namespace readforge {

class QualityBins {
 public:
  static QualityBins NovaSeq();
  // A table's text; errors name the line.
  static Status Parse(std::string_view text, QualityBins* bins);

  // Phred+33 characters (below 128: Phred at most kMaxPhred).
  char Map(char quality) const { return table_[static_cast<unsigned char>(quality)]; }
  // Map of each of `n` characters, many at a time where the processor has table lookups in
  // vectors (AVX-512 VBMI natively, wasm SIMD's swizzle in the module).
  void Apply(char* qualities, size_t n) const;

  std::string name;  // "novaseq", or the table file's base name

 private:
  QualityBins();
  void Bin(int low, int high, int value);

  std::array<char, 256> table_;
};

}  // namespace readforge

#endif  // READFORGE_ENGINE_QUALITY_BINS_H_
