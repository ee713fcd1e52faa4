// A, C, G and T as 0 to 3: the order of SNP shifts (variants.h), of the quality model's
// substitution tables and of IUPAC codes.
#ifndef READFORGE_ENGINE_BASES_H_
#define READFORGE_ENGINE_BASES_H_

#include <array>

namespace readforge {

// 0 to 3 for A, C, G, T (upper case); -1 for anything else (N). A table, not a switch: bases
// come in no predictable order, so a switch's compare chain would be mispredicted about once a
// base where SNPs are spelled and listed.
inline int BaseIndex(char base) {
  static constexpr auto kIndex = [] {
    std::array<signed char, 256> index{};
    for (signed char& i : index)
      i = -1;
    index['A'] = 0;
    index['C'] = 1;
    index['G'] = 2;
    index['T'] = 3;
    return index;
  }();
  return kIndex[static_cast<unsigned char>(base)];
}

}  // namespace readforge

#endif  // READFORGE_ENGINE_BASES_H_
