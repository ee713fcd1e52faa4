// A quality profile: how base qualities run along real reads, for read 1 and read 2 apart.
// Per read end, the first cycle's qualities and, for every later cycle, the counts of each
// quality given the previous cycle's (a first-order Markov chain, as InSilicoSeq and NEAT use),
// over an alphabet of the Phred values seen (binned data stays binned). Counts are kept exact
// (no rescaling, which is how ART loses probability mass); quality_model.h samples them to
// within 2^-16 of a column.
//
// Text format (readforge's own, versioned; tab-separated, one record per line):
//   #readforge-profile  1
//   meta     KEY  VALUE...          free: kind (learned or parametric), source, reads
//   alphabet 2  12  23  37          Phred values of the states, ascending (<= 64)
//   end      R1  150  2             read end, cycles, the N quality (Phred)
//   cycle    R1  0  c0 c1 c2 c3     every cycle: how often each state occurs there
//   trans    R1  5  3  c0 c1 c2 c3  optional: at cycle 5, after state 3
//   sub      R1  A  c0 c1 c2 c3     optional: calls of A as A, C, G, T (when wrong)
//   indel    R1  0.0001  0.0002     optional: insertion and deletion rates per base
// A transition row absent or all zero falls back to the cycle's counts (so a profile without
// rows has independent cycles). Also reads ART's Illumina profiles (art_illumina's
// Illumina_profiles/*.txt: one read end each, independent cycles).
#ifndef READFORGE_ENGINE_QUALITY_PROFILE_H_
#define READFORGE_ENGINE_QUALITY_PROFILE_H_

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "formats/status.h"

namespace readforge {

inline constexpr int kMaxQualityStates = 64;
inline constexpr int kMaxPhred = 93;  // '~' in Phred+33
// Illumina-style profiles: enough for any short-read run, and it bounds a profile's memory.
inline constexpr int64_t kMaxProfileCycles = 1000;

struct ReadEndProfile {
  int64_t cycles = 0;
  std::vector<uint64_t> counts;  // [cycle][state]
  std::vector<uint64_t> trans;   // [cycle][previous][state], or empty: independent cycles
  int n_quality = 2;             // the Phred value N calls carry
  // [true base][called base] in ACGT order; all zero: a wrong call is uniform over the others.
  std::array<std::array<uint64_t, 4>, 4> substitutions{};
  double insertion_rate = 0;
  double deletion_rate = 0;

  uint64_t& At(int64_t cycle, int previous, int state, int states) {
    return trans[static_cast<size_t>((cycle * states + previous) * states + state)];
  }
  uint64_t At(int64_t cycle, int previous, int state, int states) const {
    return trans[static_cast<size_t>((cycle * states + previous) * states + state)];
  }
  // The transition row of `cycle` after `previous` (trans must not be empty).
  const uint64_t* Row(int64_t cycle, int previous, int states) const {
    return &trans[static_cast<size_t>((cycle * states + previous) * states)];
  }
};

struct QualityProfile {
  std::string name;  // what --profile named (files' base names, joined by a comma)
  std::vector<std::pair<std::string, std::string>> meta;
  std::vector<int> alphabet;         // Phred per state, ascending
  std::vector<ReadEndProfile> ends;  // R1, and R2 when known (else R1 serves both)

  int states() const { return static_cast<int>(alphabet.size()); }
  const ReadEndProfile& end(int mate) const {
    return ends[static_cast<size_t>(mate < static_cast<int>(ends.size()) ? mate : 0)];
  }
  double MeanQuality(int mate, int64_t cycle) const;
  // The error rate the profile implies over a read of `length` (mean of 10^(-Q/10)).
  double ExpectedErrorRate(int mate, int64_t length) const;

  // readforge's text format, or one of ART's profiles (told by the first line).
  static Status Parse(std::string_view text, QualityProfile* profile);
  std::string Format() const;

  // A profile of read 1 from `first` and read 2 from `second` (each its first end), on the
  // union of their alphabets: --profile R1FILE,R2FILE.
  static QualityProfile Pair(const QualityProfile& first, const QualityProfile& second);

  // Reads no longer than the profile: the error names both lengths.
  Status CheckReadLengths(int64_t read1_length, int64_t read2_length) const;
};

// The profile of --profile FILE or FILE1,FILE2 (read 1 from the first, read 2 from the second),
// from the files' names and texts; errors name the file.
Status ProfileFromTexts(const std::vector<std::string>& names,
                        const std::vector<std::string>& texts,
                        std::shared_ptr<const QualityProfile>* profile);

// 10^(-q/10): the probability that a base of Phred quality q is wrong. Exact to the double and
// the same in every build (a table of constants and divisions, no pow()).
double PhredErrorProbability(int q);

}  // namespace readforge

#endif  // READFORGE_ENGINE_QUALITY_PROFILE_H_
