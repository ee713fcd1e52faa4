// Qualities and the errors they imply, from a quality profile: for each base, in sequencing
// order, a quality drawn from the profile's chain (given the previous base's), then an error with
// probability 10^(-Q/10), the wrong base drawn from the profile's substitution counts (uniform
// over the other three without them). Bases that are N stay N, with the profile's N quality.
//
// The profile's counts are compiled once into alias tables (Walker, Vose), built in integer
// arithmetic so that every build samples alike: per cycle and previous state, one column per
// state, each column its state or an alias (a state that never occurs is always aliased); a
// read end whose cycles are independent (ART's profiles) has one row a cycle. 16 random bits
// serve a base: they pick a column and a fraction of 2^16 (so a state's probability is kept to
// 1 / (2^16 states)), the same for every row, so a quality costs one load and a conditional
// move after the previous one.
//
// A profile of at most kMaxTwoCycleStates states (binned instruments': readforge's built-in
// profile, ART's HiSeq 2500 ones) advances two cycles a draw: per step of two cycles and previous
// state, 64 columns, one per pair of states, weighted by their joint probability, and 21 random
// bits serve two bases, three steps a 64-bit draw (a pair's probability kept to 2^-21); a read's
// last cycle, when it has an odd number, is a step whose pairs are its state twice. That halves the
// steps a chain waits on, and a step needs no multiplication, for tables of 4 KB a step (both
// ends): with more states (most profiles learned from older instruments) a cycle is a step.
//
// A chain waits on its own previous state, so one read's qualities are latency-bound: the
// qualities of kBatch pairs (2 kBatch chains, side by side in memory; kStepBatch two cycles a
// step, whose tables are read from the L2 cache) are drawn together, ahead of their reads, from
// a random stream of the block's own (StreamPurpose::kQualities). Errors are placed when a
// pair's reads are made, by hazards (exponential_draw.h): one Exp(1) draw from that stream per
// error and none per base, the wrong base from the pair's stream. Two cycles a step, the chains
// also sum each read's hazards step by step, so that a read without N finds its errors (or that
// it has none) from those sums.
//
// Two cycles a step, when both ends' cycles are independent (ART's profiles), a step draws its
// errors with its qualities instead: each pair of states' weight is split four ways by which of
// its bases are wrong (SplitByErrors), 256 outcomes in one row a step and end, so that the same
// 21 bits serve two qualities and their errors (each outcome's probability kept to 2^-21), no
// chain links one step to the next, and no hazard is summed. The steps flag the wrong bases'
// qualities (kErrorFlag), and MakeFlaggedErrors gives those bases their wrong calls.
#ifndef READFORGE_ENGINE_QUALITY_MODEL_H_
#define READFORGE_ENGINE_QUALITY_MODEL_H_

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "engine/geometric_gaps.h"
#include "engine/quality_profile.h"
#include "engine/random.h"

namespace readforge {

class QualityModel {
 public:
  // Tables for reads of `read1_length` and `read2_length` bases (0: single-end), checked against
  // the profile's cycles beforehand.
  QualityModel(const QualityProfile& profile, int64_t read1_length, int64_t read2_length);

  // One read: its bases (in sequencing order), room for its qualities, where each cycle's
  // quality is summed (or null), and, on return, how many errors it got.
  struct Read {
    char* bases;
    char* qualities;
    int64_t length;
    int64_t* cycle_sums;  // added to by FlushCycleSums
    int errors = 0;
    bool may_have_n = true;  // false: the caller found no N in `bases`
  };

  // A block's pairs draw their qualities from the block's stream, in order.
  void StartBlock(uint64_t seed, uint64_t span_key, int64_t block);

  // The next pair of the block: gives read 1 and read 2 (of the lengths the model was built
  // for) their qualities as Phred+33 and makes the errors they imply, drawn from `rng`.
  void Apply(Read& read1, Read& read2, Rng& rng);

  // Adds the cycles' quality sums of the reads since the last call to where those reads said
  // (Read::cycle_sums): call it when a run of pairs ends, before the sums are read.
  void FlushCycleSums();

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
    uint16_t bound;  // fractions up to it pick `state`, the rest `alias`
    uint8_t state;
    uint8_t alias;
    // What a pick of `state` (of `alias`) gives the chain: where the next cycle's row for it
    // starts within its cycle (low 16 bits) and its quality character (high 16), so that one
    // selection serves both and the step needs no multiplication.
    uint32_t pick;
    uint32_t alias_pick;
  };
  struct Entry {  // a wrong call: draws up to `bound` (and above the one before's) pick `state`
    uint32_t bound;
    uint8_t state;
  };
  struct End {
    int64_t cycles = 0;
    std::vector<Column> columns;  // [cycle][previous][column]
    size_t previous_stride = 0;   // columns from one previous state's row to the next (0: one row)
    size_t cycle_stride = 0;      // columns a cycle
    char n_quality = '#';
    // Per true base: the three wrong calls with thresholds (empty row: uniform).
    std::array<std::array<Entry, 3>, 4> substitutions{};
    bool learned_substitutions = false;
    double deletion_rate = 0;  // for the template's slack
    // Gaps between insertion and deletion errors, when their rate is above 0 (built once).
    std::optional<GeometricGaps> insertion_gaps;
    std::optional<GeometricGaps> deletion_gaps;
  };

  static constexpr int kFractionBits = 16;  // a column's fraction of the draw
  // Two cycles a step: 21 bits a step (three a 64-bit draw), 6 for a column, 15 a fraction.
  static constexpr int kStepDrawBits = 21;
  static constexpr int kStepFractionBits = 15;
  static constexpr int kMaxTwoCycleStates = 8;
  // Error outcomes (two cycles a step, both ends' cycles independent): a step's outcome is its
  // pair of states (6 bits, a column of kStepRow below) and which of its bases are wrong (two
  // more), 256 columns a step and end in one row, so 8 bits of the 21 pick a column and 13 a
  // fraction.
  static constexpr size_t kErrorOutcomes = 256;
  static constexpr uint32_t kFirstWrong = 64, kSecondWrong = 128, kBothWrong = 192;
  static constexpr int kErrorStepFractionBits = 13;
  static constexpr size_t kStepRow = 64;  // columns from one previous state's row to the next
  static constexpr size_t kStepTable = 2 * kMaxTwoCycleStates * kStepRow;  // a step's, both ends'
  static constexpr int kBatch = 4;           // pairs whose chains are drawn together
  static constexpr int kReads = 2 * kBatch;  // read r of a batch: pair r / 2, mate r % 2
  static constexpr int kStepBatch = 16;      // two cycles a step: more chains, to wait on memory
  static constexpr int kStepReads = 2 * kStepBatch;

  void Compile(const QualityProfile& profile, int mate, int64_t length, End* end);
  static bool IndependentCycles(const ReadEndProfile& end);
  // Error outcomes: a step's pair weights (kStepRow, units as AddWeights takes) split by errors.
  std::vector<uint64_t> SplitByErrors(const std::vector<uint64_t>& pair_weight,
                                      bool two_bases) const;
  void CompileSteps(const std::function<const uint64_t*(int64_t, int)>& counts_after,
                    int mate,
                    int k,
                    int rows,
                    int64_t cycles);
  // A row of the alias table: from a cycle's counts (16-bit fractions), or from weights in units
  // of 2^-fraction_bits of a column (one column each, a weight of 0 for what never occurs).
  static void AddRow(const uint64_t* counts, int states, End* end);
  static void AddWeights(std::vector<uint64_t> weight, int fraction_bits, End* end);
  char Substitute(const End& end, char base, Rng& rng) const;
  // The quality stream, one value drawn ahead: the next error's Exp(1) draw, and FillDraws.
  uint64_t NextExponential();
  template <int kBits, typename Draw>
  void FillDrawsAhead(const int64_t units[2], size_t reads, Draw* draws);
  // The qualities of the block's next kBatch pairs.
  void DrawBatch();
  // Advances the chains of kChains reads (kFirst, kFirst + kStride, ...) from cycle `from` to
  // `to`; `rows` holds each read's row for its next cycle, in and out.
  template <int kChains, int kStride, int kFirst>
  void Advance(int64_t from, int64_t to, uint32_t* rows);
  // The same two cycles a step, over steps `from` to `to`.
  void DrawSteps();
  // Error outcomes: DrawSteps' work with errors drawn in the steps (no chains: one row a step).
  void DrawErrorSteps(int64_t both, const int64_t steps[2]);
  template <int kChains, int kStride, int kFirst>
  void AdvanceErrorSteps(int64_t from, int64_t to);
  void AdvanceErrorStepsAvx512(int64_t from, int64_t to);
  void AdvanceErrorStepsSimd128(int64_t from, int64_t to);
  template <int kChains, int kStride, int kFirst>
  void AdvanceSteps(int64_t from, int64_t to, uint32_t* rows);
  // The same for all kStepReads chains, on AVX-512 (x86-64 processors that have it).
  void AdvanceStepsAvx512(int64_t from, int64_t to, uint32_t* rows);
  // The same on wasm SIMD (the WebAssembly build), four chains a vector.
  void AdvanceStepsSimd128(int64_t from, int64_t to, uint32_t* rows);
  // step_qualities_ into qualities_' rows, kTransposeSteps steps at a time.
  static constexpr size_t kTransposeSteps = 8;
  void TransposeSteps(size_t steps);
  // Gives read r of the batch (of end `end`) its qualities and errors; returns how many errors.
  // Its qualities are added to `sums` (null: not summed).
  template <bool kHasN>
  int Finish(const End& end, Read& read, size_t r, uint16_t* sums, Rng& rng);
  // The 16-bit sums a read of end `mate` adds its qualities to (flushed first when full or
  // bound elsewhere), counting the read.
  uint16_t* CycleSums(size_t mate, const Read& read);
  static void AddQualities(const Read& read, uint16_t* sums);
  static uint32_t ErrorFlags(uint32_t outcome);
  // Error outcomes: read r's qualities, and its flagged bases get a wrong call; returns how many.
  template <bool kHasN>
  int MakeFlaggedErrors(const End& end, Read& read, size_t r, uint16_t* sums, Rng& rng);
  static void CopyUnflagged(const char* row,
                            char* out,
                            int64_t length,
                            uint16_t* sums,
                            uint64_t* bits);
  // Two cycles a step, a read without N: its errors from its hazard sums; returns how many.
  int PlaceErrors(const End& end,
                  Read& read,
                  size_t r,
                  Rng& rng,
                  uint64_t* hazard,
                  uint64_t* until);

  std::array<End, 2> ends_;
  static constexpr int64_t kSumReads = 512;          // a flush at least this often
  std::array<std::vector<uint16_t>, 2> cycle_sums_;  // per end: characters summed
  std::array<int64_t*, 2> cycle_sums_to_{};
  std::array<int64_t, 2> sum_reads_{};
  bool has_indels_ = false;
  std::vector<char> phred_chars_;          // state -> quality character
  std::array<uint64_t, 128> hazard_of_{};  // quality character -> its error hazard
  std::array<int64_t, 2> lengths_{};
  Rng stream_;
  uint64_t ahead_ = 0;              // the stream's next value, drawn
  uint64_t ahead_exponential_ = 0;  // and its Exp(1) draw
  bool two_cycles_ = false;
  bool error_outcomes_ = false;  // the steps draw errors with qualities (flagged, kErrorFlag)
  static constexpr uint32_t kErrorFlag = 0x80;  // a wrong base's quality character's top bit
  std::array<uint64_t, kMaxTwoCycleStates> error_chances_{};  // state -> p, units of 2^-32
  std::vector<uint64_t> wrong_bases_;      // MakeFlaggedErrors: a read's flags, a bit a base
  std::vector<uint16_t> error_positions_;  // and where they are (on AVX-512)
  // Outcome -> its two quality characters (first cycle's in the low byte), 32 bits for AVX-512.
  std::array<uint32_t, 64> pair_qualities_{};
  // State -> its quality character, zero beyond the eighth (a wasm swizzle table).
  std::array<uint8_t, 16> state_characters_{};
  std::array<uint64_t, 64> pair_hazards_{};  // outcome -> its two qualities' hazards, summed
  std::array<uint64_t, kMaxTwoCycleStates> state_hazards_{};  // state -> its quality's hazard
  // [step + 1][read]: a read's hazard through each step (row 0: none yet).
  std::vector<uint64_t> hazard_sums_;
  // Two cycles a step: [step][end][previous state][kStepRow], each column a fraction's bound (low
  // 16 bits), its outcome and its alias's (second state * 8 + first).
  std::vector<uint32_t> step_table_;
  std::vector<uint16_t> draws_;       // [cycle][read]: 16 bits a base
  std::vector<uint32_t> wide_draws_;  // [step][read]: 21 bits two bases
  std::vector<uint64_t> words_;       // FillDraws: the stream's values before they are split
  // Two cycles a step, the chains' qualities as drawn: [step][read][2] (steps padded to
  // kTransposeSteps).
  std::vector<char> step_qualities_;
  // The drawn qualities, a row a read: [read][quality_row_].
  std::vector<char> qualities_;
  size_t quality_row_ = 0;
  uint64_t hazard_ = 0;  // the error process, across the block's reads: hazard since the last
  uint64_t until_ = 0;   // error, and the Exp(1) draw the next one is at
  int next_pair_ = kBatch;
};

}  // namespace readforge

#endif  // READFORGE_ENGINE_QUALITY_MODEL_H_
