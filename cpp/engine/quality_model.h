// Qualities and the errors they imply, from a quality profile: for each base, in sequencing
// order, a quality drawn from the profile's chain (given the previous base's), then an error with
// probability 10^(-Q/10), the wrong base drawn from the profile's substitution counts (uniform
// over the other three without them). Bases that are N stay N, with the profile's N quality.
//
// The profile's counts are compiled once into alias tables (Walker, Vose), built in integer
// arithmetic so that every build samples alike: per cycle and previous state, one column per
// state, each column its state or an alias (a state that never occurs is always aliased). One
// 64-bit draw serves a base: the high half picks a column and a fraction, the same for every
// row, so a quality costs one load and a conditional move after the previous one; the low half
// decides whether the base is wrong.
#ifndef READFORGE_ENGINE_QUALITY_MODEL_H_
#define READFORGE_ENGINE_QUALITY_MODEL_H_

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "engine/geometric_gaps.h"
#include "engine/quality_profile.h"
#include "engine/random.h"

namespace readforge {

class QualityModel {
 public:
  // Tables for reads of up to `read1_length` and `read2_length` bases (checked against the
  // profile's cycles beforehand).
  QualityModel(const QualityProfile& profile, int64_t read1_length, int64_t read2_length);

  // One read: its bases (in sequencing order), room for its qualities, where each cycle's
  // quality is summed (or null), and, on return, how many errors it got.
  struct Read {
    char* bases;
    char* qualities;
    int64_t length;
    int64_t* cycle_sums;
    int errors = 0;
  };

  // Draws the qualities of read 1 and read 2 (length 0 when single-end) as Phred+33 and makes
  // the errors they imply. The two reads' chains advance together, one base of each in turn:
  // each quality depends on the one before, and two chains in flight hide each other's wait.
  void Apply(Read& read1, Read& read2, Rng& rng) const;

  // Insertion and deletion errors (the profile's `indel` rates; none by default).
  bool has_indels() const { return has_indels_; }
  // How many template bases beyond its length a read of end `mate` should be built from, so
  // that deletions rarely run out of bases.
  int64_t TemplateSlack(int mate, int64_t length) const;
  // Writes `length` bases of a read of end `mate` (sequencing order) from `templ` (at least
  // `length` bases): each base is, with the end's rates, preceded by an inserted random base or
  // a skipped template base. Returns how many such errors it made. `source`, when not null,
  // gets each base's template index (-1 for an inserted base): what truth alignments follow.
  int MakeIndels(int mate,
                 const char* templ,
                 int64_t templ_length,
                 char* out,
                 int64_t length,
                 Rng& rng,
                 int32_t* source = nullptr) const;

 private:
  struct Column {
    uint32_t bound;  // fractions up to it pick `state`, the rest `alias`
    uint8_t state;
    uint8_t alias;
  };
  struct Entry {  // a wrong call: draws up to `bound` (and above the one before's) pick `state`
    uint32_t bound;
    uint8_t state;
  };
  struct End {
    int64_t cycles = 0;
    std::vector<Column> columns;  // [cycle][previous][column]
    char n_quality = '#';
    // Per true base: the three wrong calls with thresholds (empty row: uniform).
    std::array<std::array<Entry, 3>, 4> substitutions{};
    bool learned_substitutions = false;
    double deletion_rate = 0;  // for the template's slack
    // Gaps between insertion and deletion errors, when their rate is above 0 (built once).
    std::optional<GeometricGaps> insertion_gaps;
    std::optional<GeometricGaps> deletion_gaps;
  };

  void Compile(const QualityProfile& profile, int mate, int64_t length, End* end);
  static void AddRow(const uint64_t* counts, int states, End* end);
  char Substitute(const End& end, char base, Rng& rng) const;
  // One base of one read: its quality (after `previous`) and whether it is wrong.
  int Step(const End& end, Read& read, int64_t i, int previous, uint64_t draw, Rng& rng) const;

  std::array<End, 2> ends_;
  bool has_indels_ = false;
  std::vector<char> phred_chars_;      // state -> quality character
  std::vector<uint32_t> error_below_;  // state -> a base is wrong when the draw is below this
};

}  // namespace readforge

#endif  // READFORGE_ENGINE_QUALITY_MODEL_H_
