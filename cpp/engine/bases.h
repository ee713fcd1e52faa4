// A, C, G and T as 0 to 3: the order of SNP shifts (variants.h), of the quality model's
// substitution tables and of IUPAC codes.
#ifndef READFORGE_ENGINE_BASES_H_
#define READFORGE_ENGINE_BASES_H_

namespace readforge {

// 0 to 3 for A, C, G, T (upper case); -1 for anything else (N).
inline int BaseIndex(char base) {
  switch (base) {
    case 'A':
      return 0;
    case 'C':
      return 1;
    case 'G':
      return 2;
    case 'T':
      return 3;
    default:
      return -1;
  }
}

}  // namespace readforge

#endif  // READFORGE_ENGINE_BASES_H_
