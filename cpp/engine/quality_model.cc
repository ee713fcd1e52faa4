#include "engine/quality_model.h"

#include <algorithm>
#include <cstring>
#include <functional>
#include <numeric>

#include <limits>
#include <type_traits>

#include "engine/bases.h"
#include "engine/exponential_draw.h"
#include "engine/variants.h"
#include "formats/find_n.h"

#if defined(__x86_64__)
#include <immintrin.h>
#endif
#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif

namespace readforge {
namespace {

// The inclusive 32-bit bound of cumulative / total, exactly (128-bit intermediate). Entries
// come by falling count, so the first is at least 1/64 and no bound is below zero.
uint32_t Bound32(uint64_t cumulative, uint64_t total) {
  using u128 = unsigned __int128;
  u128 scaled = (static_cast<u128>(cumulative) << 32) / total;
  return scaled == 0 ? 0 : scaled > 0xffffffffu ? 0xffffffffu : static_cast<uint32_t>(scaled - 1);
}

#if defined(__x86_64__)
// SplitWords<21> on AVX-512 (with the other AVX-512 code, below); returns how many values it split.
__attribute__((target("avx512f"))) size_t SplitStepDrawsAvx512(const uint64_t* words,
                                                               size_t count,
                                                               uint32_t* draws);
#endif

#if defined(__wasm_simd128__)
// SplitWords<21> on wasm SIMD, four values (12 draws) at a time: each value's three pieces in
// 64-bit lanes (as 32-bit lanes: 0 for the first value of a vector, 2 for the second), shuffled
// into draw order. Returns how many values it split.
size_t SplitStepDrawsSimd128(const uint64_t* words, size_t count, uint32_t* draws) {
  const v128_t mask = wasm_i64x2_splat((1 << 21) - 1);
  auto piece = [&](v128_t word, int shift) {
    return wasm_v128_and(wasm_u64x2_shr(word, shift), mask);
  };
  size_t k = 0;
  for (; k + 4 <= count; k += 4) {
    const v128_t a = wasm_v128_load(words + k);
    const v128_t b = wasm_v128_load(words + k + 2);
    const v128_t high_a = piece(a, 42);
    const v128_t high_b = piece(b, 42);
    // [low, middle] of each vector's two values
    const v128_t pieces_a = wasm_i32x4_shuffle(piece(a, 0), piece(a, 21), 0, 4, 2, 6);
    const v128_t pieces_b = wasm_i32x4_shuffle(piece(b, 0), piece(b, 21), 0, 4, 2, 6);
    uint32_t* out = draws + 3 * k;
    wasm_v128_store(out, wasm_i32x4_shuffle(pieces_a, high_a, 0, 1, 4, 2));
    wasm_v128_store(out + 4, wasm_i64x2_shuffle(wasm_i32x4_shuffle(pieces_a, high_a, 3, 6, 3, 6),
                                                pieces_b, 0, 2));
    wasm_v128_store(out + 8, wasm_i32x4_shuffle(pieces_b, high_b, 4, 2, 3, 6));
  }
  return k;
}
#endif

// Each of `count` 64-bit values into 64 / kBits draws of kBits bits, from the low end.
template <int kBits, typename Draw>
void SplitWords(const uint64_t* words, size_t count, Draw* draws) {
  constexpr size_t kPieces = 64 / kBits;
  constexpr uint64_t kMask = (uint64_t{1} << kBits) - 1;
  size_t k = 0;
#if defined(__x86_64__)
  if constexpr (kBits == 21 && std::is_same_v<Draw, uint32_t>) {
    static const bool avx512 = __builtin_cpu_supports("avx512f");
    if (avx512)
      k = SplitStepDrawsAvx512(words, count, draws);
  }
#elif defined(__wasm_simd128__)
  if constexpr (kBits == 21 && std::is_same_v<Draw, uint32_t>)
    k = SplitStepDrawsSimd128(words, count, draws);
#endif
  for (; k < count; ++k) {
    for (size_t p = 0; p < kPieces; ++p)
      draws[kPieces * k + p] = static_cast<Draw>((words[k] >> (kBits * p)) & kMask);
  }
}

// Fills draws[unit * reads + r] (a unit: a cycle, or a step of two) for each read r of a batch
// and each unit its mate has (units[r % 2]), unit by unit and read by read, with kBits-bit
// pieces of the stream's 64-bit draws from the low end: the units both mates have first, then
// the longer mate's others, one piece after another. The whole values of the first part are
// drawn into `words` before they are split, so that splitting them is vector work.
template <int kBits, typename Draw, typename Stream>
void FillDraws(Stream& stream, const int64_t units[2], size_t reads, uint64_t* words, Draw* draws) {
  constexpr size_t kPieces = 64 / kBits;
  constexpr uint64_t kMask = (uint64_t{1} << kBits) - 1;
  const size_t common = static_cast<size_t>(std::min(units[0], units[1])) * reads;
  const size_t whole = common / kPieces;
  for (size_t k = 0; k < whole; ++k)
    words[k] = stream();
  SplitWords<kBits>(words, whole, draws);
  size_t i = whole * kPieces;
  uint64_t word = 0;
  size_t left = 0;
  auto piece = [&] {
    if (left == 0) {
      word = stream();
      left = kPieces;
    }
    const Draw draw = static_cast<Draw>(word & kMask);
    word >>= kBits;
    --left;
    return draw;
  };
  for (; i < common; ++i)
    draws[i] = piece();
  for (int64_t u = std::min(units[0], units[1]); u < std::max(units[0], units[1]); ++u) {
    for (size_t r = 0; r < reads; ++r) {
      if (u < units[r % 2])
        draws[static_cast<size_t>(u) * reads + r] = piece();
    }
  }
}

}  // namespace

QualityModel::QualityModel(const QualityProfile& profile,
                           int64_t read1_length,
                           int64_t read2_length) {
  for (int q : profile.alphabet)
    phred_chars_.push_back(static_cast<char>(33 + q));
  // Every Phred+33 character: the profile's qualities and its N quality alike.
  for (int q = 0; 33 + q < static_cast<int>(hazard_of_.size()); ++q)
    hazard_of_[static_cast<size_t>(33 + q)] = Hazard(PhredErrorProbability(q));
  lengths_ = {read1_length, read2_length};
  cycle_sums_[0].assign(static_cast<size_t>(read1_length), 0);
  cycle_sums_[1].assign(static_cast<size_t>(read2_length), 0);
  const size_t longest = static_cast<size_t>(std::max(read1_length, read2_length));
  two_cycles_ = profile.states() <= kMaxTwoCycleStates;
  error_outcomes_ = two_cycles_ && IndependentCycles(profile.end(0)) &&
                    (read2_length == 0 || IndependentCycles(profile.end(1)));
  next_pair_ = two_cycles_ ? kStepBatch : kBatch;
  if (two_cycles_) {
    const size_t steps = (longest + 1) / 2;
    const size_t padded = (steps + kTransposeSteps - 1) / kTransposeSteps * kTransposeSteps;
    step_table_.assign(steps * kStepTable, 0);
    wide_draws_.resize(steps * kStepReads);
    words_.resize(wide_draws_.size() / (64 / kStepDrawBits));
    step_qualities_.resize(padded * kStepReads * 2);
    quality_row_ = 2 * padded;
    qualities_.resize(kStepReads * quality_row_);
    wrong_bases_.resize((quality_row_ + 63) / 64);
    error_positions_.resize(quality_row_ + 32);
    hazard_sums_.assign((steps + 1) * kStepReads, 0);  // row 0: before the first step
    // An outcome's two quality characters, the first cycle's in the low byte, and hazards.
    auto char_of = [&](size_t state) {
      return static_cast<unsigned char>(phred_chars_[std::min(state, phred_chars_.size() - 1)]);
    };
    for (size_t state = 0; state < state_hazards_.size(); ++state) {
      state_characters_[state] = char_of(state);
      state_hazards_[state] = hazard_of_[char_of(state)];
    }
    for (size_t state = 0; state < phred_chars_.size() && state < kMaxTwoCycleStates; ++state) {
      const double p = PhredErrorProbability(phred_chars_[state] - 33);
      error_chances_[state] = static_cast<uint64_t>(p * 0x1p32 + 0.5);
    }
    for (size_t o = 0; o < pair_qualities_.size(); ++o) {
      pair_qualities_[o] = static_cast<uint32_t>(char_of(o % 8) | char_of(o / 8) << 8);
      pair_hazards_[o] = state_hazards_[o % 8] + state_hazards_[o / 8];
    }
  } else {
    draws_.resize(longest * kReads);
    words_.resize(draws_.size() / (64 / 16));
    quality_row_ = longest;
    qualities_.resize(kReads * quality_row_);
  }
  Compile(profile, 0, read1_length, &ends_[0]);
  Compile(profile, 1, read2_length, &ends_[1]);
}

void QualityModel::AddRow(const uint64_t* counts, int states, End* end) {
  using u128 = unsigned __int128;
  const size_t n = static_cast<size_t>(states);
  uint64_t total = 0;
  for (size_t s = 0; s < n; ++s)
    total += counts[s];
  // Each occurring state's share (at least one unit), none for the others.
  std::vector<uint64_t> weight(n, 0);
  for (size_t i = 0; i < n; ++i) {
    if (counts[i] == 0)
      continue;
    u128 w = static_cast<u128>(counts[i]) * (static_cast<u128>(n) << kFractionBits) / total;
    weight[i] = w == 0 ? 1 : static_cast<uint64_t>(w);
  }
  AddWeights(std::move(weight), kFractionBits, end);
}

void QualityModel::AddWeights(std::vector<uint64_t> weight, int fraction_bits, End* end) {
  const uint64_t column_units = uint64_t{1} << fraction_bits;
  const size_t n = weight.size();
  // n columns in all: the rounding left over goes to the heaviest.
  uint64_t sum = 0;
  size_t heaviest = 0;
  for (size_t i = 0; i < n; ++i) {
    sum += weight[i];
    if (weight[i] > weight[heaviest])
      heaviest = i;
  }
  weight[heaviest] += n * column_units - sum;  // unsigned: also right when the bumps overshot
  // Vose: fill each light column with its state and top it up from a heavy one.
  const size_t first = end->columns.size();
  end->columns.resize(first + n);
  std::vector<size_t> light, heavy;
  for (size_t i = 0; i < n; ++i) {
    (weight[i] < column_units ? light : heavy).push_back(i);
    end->columns[first + i] =
        Column{0xffff, static_cast<uint8_t>(i), static_cast<uint8_t>(i), 0, 0};
  }
  while (!light.empty() && !heavy.empty()) {
    const size_t l = light.back();
    light.pop_back();
    const size_t h = heavy.back();
    Column& column = end->columns[first + l];
    column.alias = static_cast<uint8_t>(h);
    if (weight[l] == 0)
      column.state = static_cast<uint8_t>(h);  // a state that never occurs: all alias
    column.bound = weight[l] == 0 ? 0xffff : static_cast<uint16_t>(weight[l] - 1);
    weight[h] -= column_units - weight[l];
    if (weight[h] < column_units) {
      heavy.pop_back();
      light.push_back(h);
    }
  }
}

void QualityModel::Compile(const QualityProfile& profile, int mate, int64_t length, End* end) {
  const ReadEndProfile& in = profile.end(mate);
  const int k = profile.states();
  end->cycles = std::min(length, in.cycles);
  end->n_quality = static_cast<char>(33 + in.n_quality);
  end->deletion_rate = in.deletion_rate;
  if (in.insertion_rate > 0)
    end->insertion_gaps.emplace(in.insertion_rate);
  if (in.deletion_rate > 0)
    end->deletion_gaps.emplace(in.deletion_rate);
  has_indels_ = has_indels_ || in.insertion_rate > 0 || in.deletion_rate > 0;
  // Without a transition row, every cycle's quality is drawn from its counts alone: one row a
  // cycle, and no chain to wait on.
  const bool independent = IndependentCycles(in);
  const int rows = independent ? 1 : k;
  // Cycle 0 has no previous base: every row is its counts. Later cycles follow the transition
  // row, or the cycle's counts where the profile has none.
  auto counts_after = [&](int64_t c, int previous) {
    const uint64_t* marginal = &in.counts[static_cast<size_t>(c * k)];
    if (c == 0 || in.trans.empty())
      return marginal;
    const uint64_t* t = in.Row(c, previous, k);
    return std::any_of(t, t + k, [](uint64_t n) { return n > 0; }) ? t : marginal;
  };
  if (two_cycles_) {
    CompileSteps(counts_after, mate, k, rows, end->cycles);
  } else {
    end->previous_stride = independent ? 0 : static_cast<size_t>(k);
    end->cycle_stride = static_cast<size_t>(rows * k);
    for (int64_t c = 0; c < end->cycles; ++c) {
      for (int p = 0; p < rows; ++p)
        AddRow(counts_after(c, p), k, end);
    }
    auto pick = [&](uint8_t state) {
      const uint32_t quality = static_cast<unsigned char>(phred_chars_[state]);
      return static_cast<uint32_t>(state * end->previous_stride) | quality << 16;
    };
    for (Column& column : end->columns) {
      column.pick = pick(column.state);
      column.alias_pick = pick(column.alias);
    }
  }
  for (int b = 0; b < 4; ++b) {
    const auto& calls = in.substitutions[static_cast<size_t>(b)];
    uint64_t total = 0;
    for (int o = 0; o < 4; ++o)
      total += o == b ? 0 : calls[static_cast<size_t>(o)];
    if (total == 0)
      continue;
    end->learned_substitutions = true;
    // The wrong calls that occurred, in ACGT order; unused slots repeat the last.
    uint64_t cumulative = 0;
    int slot = 0;
    for (int o = 0; o < 4; ++o) {
      if (o == b || calls[static_cast<size_t>(o)] == 0)
        continue;
      cumulative += calls[static_cast<size_t>(o)];
      end->substitutions[b][slot++] = Entry{Bound32(cumulative, total), static_cast<uint8_t>(o)};
    }
    for (; slot < 3; ++slot)
      end->substitutions[b][slot] = end->substitutions[b][slot - 1];
    end->substitutions[b][2].bound = 0xffffffffu;
  }
}

bool QualityModel::IndependentCycles(const ReadEndProfile& end) {
  return std::none_of(end.trans.begin(), end.trans.end(), [](uint64_t n) { return n > 0; });
}

// A pair of states' weight W, split four ways by which of its bases are wrong: by the
// cumulative shares pa pb (both), pa (the first), 1 - (1 - pa)(1 - pb) (either), rounded, so that
// the four add up to W and each is within a unit of its exact share. A step of one cycle (a read's
// odd last) splits by the first alone.
std::vector<uint64_t> QualityModel::SplitByErrors(const std::vector<uint64_t>& pair_weight,
                                                  bool two_bases) const {
  using u128 = unsigned __int128;
  constexpr u128 kOne = static_cast<u128>(1) << 64;
  std::vector<uint64_t> weight(kErrorOutcomes, 0);
  for (size_t o = 0; o < kStepRow; ++o) {
    const uint64_t w = pair_weight[o];
    if (w == 0)
      continue;
    const size_t a = o % 8, b = o / 8;
    const u128 pa = error_chances_[a], pb = two_bases ? error_chances_[b] : 0;  // units of 2^-32
    constexpr u128 kUnit = static_cast<u128>(1) << 32;
    const u128 cumulative[3] = {pa * pb, pa << 32, kOne - (kUnit - pa) * (kUnit - pb)};
    uint64_t below[3];
    for (int k = 0; k < 3; ++k)
      below[k] = static_cast<uint64_t>((w * cumulative[k] + kOne / 2) >> 64);
    weight[o | kBothWrong] = below[0];
    weight[o | kFirstWrong] = below[1] - below[0];
    weight[o | kSecondWrong] = below[2] - below[1];
    weight[o] = w - below[2];
  }
  return weight;
}

// Two cycles a step: per step and previous state, one column per pair of states (second state
// * 8 + first, kStepRow in all: pairs of states the profile lacks weigh nothing), weighted by
// their joint probability (the first's share of its row, times the second's share of the row the
// first leads to, in 128-bit integers); a read's last cycle, when it has an odd number, is a
// step whose pairs are its states twice. Every end has kMaxTwoCycleStates rows a step
// (independent cycles: one row, repeated), so that a pair's row in the next step is its second
// state times kStepRow.
void QualityModel::CompileSteps(const std::function<const uint64_t*(int64_t, int)>& counts_after,
                                int mate,
                                int k,
                                int rows,
                                int64_t cycles) {
  using u128 = unsigned __int128;
  constexpr u128 kUnits = static_cast<u128>(kStepRow) << kStepFractionBits;  // a row's, in all
  const size_t states = static_cast<size_t>(k);
  End scratch;  // one row's alias table at a time
  for (int64_t t = 0; t < (cycles + 1) / 2; ++t) {
    const int64_t c = 2 * t;
    const bool pair = c + 1 < cycles;
    for (int p = 0; p < rows; ++p) {
      const uint64_t* first = counts_after(c, p);
      const uint64_t first_total = std::accumulate(first, first + k, uint64_t{0});
      std::vector<uint64_t> weight(kStepRow, 0);
      for (size_t a = 0; a < states; ++a) {
        if (first[a] == 0)
          continue;
        const u128 share = (static_cast<u128>(first[a]) << 32) / first_total;  // <= 2^32
        if (!pair) {
          weight[a * 8 + a] = static_cast<uint64_t>(std::max<u128>(1, share * kUnits >> 32));
          continue;
        }
        const uint64_t* second = counts_after(c + 1, static_cast<int>(a));
        const u128 second_total = std::accumulate(second, second + k, uint64_t{0});
        for (size_t b = 0; b < states; ++b) {
          if (second[b] == 0)
            continue;
          // Under 2^32 * 2^64 * 2^21: no overflow.
          const u128 w = share * second[b] * kUnits / (second_total << 32);
          weight[b * 8 + a] = w == 0 ? 1 : static_cast<uint64_t>(w);
        }
      }
      scratch.columns.clear();
      if (error_outcomes_) {
        AddWeights(SplitByErrors(weight, pair), kErrorStepFractionBits, &scratch);
        uint32_t* packed = &step_table_[(static_cast<size_t>(t) * 2 + static_cast<size_t>(mate)) *
                                        (kStepTable / 2)];
        for (size_t i = 0; i < kErrorOutcomes; ++i) {
          const Column& column = scratch.columns[i];
          packed[i] = column.bound | uint32_t{column.state} << 16 | uint32_t{column.alias} << 24;
        }
        continue;
      }
      AddWeights(std::move(weight), kStepFractionBits, &scratch);
      for (int copy = p; copy < (rows == 1 ? kMaxTwoCycleStates : p + 1); ++copy) {
        uint32_t* packed = &step_table_[((static_cast<size_t>(t) * 2 + static_cast<size_t>(mate)) *
                                             kMaxTwoCycleStates +
                                         static_cast<size_t>(copy)) *
                                        kStepRow];
        for (size_t i = 0; i < kStepRow; ++i) {
          const Column& column = scratch.columns[i];
          packed[i] = column.bound | uint32_t{column.state} << 16 | uint32_t{column.alias} << 24;
        }
      }
    }
  }
}

char QualityModel::Substitute(const End& end, char base, Rng& rng) const {
  const int b = BaseIndex(base);
  if (end.learned_substitutions && end.substitutions[b][2].bound == 0xffffffffu) {
    const uint32_t draw = static_cast<uint32_t>(rng() >> 32);
    const Entry* e = end.substitutions[b].data();
    while (draw > e->bound)
      ++e;
    return "ACGT"[e->state];
  }
  return SnpBase(base, 1 + UniformUpTo<2>(rng));
}

void QualityModel::StartBlock(uint64_t seed, uint64_t span_key, int64_t block) {
  stream_ = MakeRng(seed, span_key, block, StreamPurpose::kQualities);
  next_pair_ = two_cycles_ ? kStepBatch : kBatch;
  hazard_ = 0;
  ahead_ = stream_();
  ahead_exponential_ = ExponentialDraw(ahead_);
  until_ = NextExponential();
}

// The quality stream's values go, in order, to the draws of each batch and to the errors' Exp(1)
// draws. One value is always drawn ahead, with its Exp(1) draw worked out: an error's draw is
// then ready when the error is found (its logarithm no longer lies on the path from one error
// to the next), and whoever asks next gets the same value as without it.
uint64_t QualityModel::NextExponential() {
  const uint64_t draw = ahead_exponential_;
  ahead_ = stream_();
  ahead_exponential_ = ExponentialDraw(ahead_);
  return draw;
}

template <int kBits, typename Draw>
void QualityModel::FillDrawsAhead(const int64_t units[2], size_t reads, Draw* draws) {
  bool taken = false;
  auto next = [&] {
    if (__builtin_expect(taken, 1))
      return stream_();
    taken = true;
    return ahead_;
  };
  FillDraws<kBits>(next, units, reads, words_.data(), draws);
  if (!taken)
    return;  // no draws (no read has a cycle): the value ahead is still the next
  ahead_ = stream_();
  ahead_exponential_ = ExponentialDraw(ahead_);
}

// The draws: 16 bits a base (FillDraws, cycle by cycle, read r = 2 pair + mate). Then the
// chains advance together: all 2 kBatch over the cycles both mates have, then the longer mate's
// kBatch.
void QualityModel::DrawBatch() {
  if (two_cycles_) {
    DrawSteps();
    return;
  }
  const int64_t both = std::min(lengths_[0], lengths_[1]);
  FillDrawsAhead<16>(lengths_.data(), kReads, draws_.data());
  std::array<uint32_t, kReads> previous{};  // each chain's row for its next cycle
  Advance<kReads, 1, 0>(0, both, previous.data());
  if (lengths_[0] > both)
    Advance<kBatch, 2, 0>(both, lengths_[0], previous.data());
  else if (lengths_[1] > both)
    Advance<kBatch, 2, 1>(both, lengths_[1], previous.data());
  next_pair_ = 0;
}

template <int kChains, int kStride, int kFirst>
void QualityModel::Advance(int64_t from, int64_t to, uint32_t* rows) {
  const uint32_t k = static_cast<uint32_t>(phred_chars_.size());
  const uint16_t* draws = draws_.data();
  char* qualities = qualities_.data();
  const size_t quality_row = quality_row_;
  const Column* columns[2] = {ends_[0].columns.data(), ends_[1].columns.data()};
  const size_t cycle_stride[2] = {ends_[0].cycle_stride, ends_[1].cycle_stride};
  // The chains' states in locals, so that the quality stores (chars, which may alias any memory
  // whose address has escaped) leave them in registers.
  uint32_t previous[kChains];
  for (int j = 0; j < kChains; ++j)
    previous[j] = rows[kFirst + j * kStride];
  for (int64_t c = from; c < to; ++c) {
    const size_t at = static_cast<size_t>(c) * kReads;
    const Column* row[2] = {columns[0] + static_cast<size_t>(c) * cycle_stride[0],
                            columns[1] + static_cast<size_t>(c) * cycle_stride[1]};
#pragma GCC unroll 8
    for (int j = 0; j < kChains; ++j) {
      const int r = kFirst + j * kStride;
      const int mate = r % 2;
      // The top bits pick a column, the rest a fraction: no branch, so each chain's next
      // quality can start as soon as this one is known.
      const uint32_t scaled = uint32_t{draws[at + static_cast<size_t>(r)]} * k;
      const Column& column = row[mate][previous[j] + (scaled >> 16)];
      const uint32_t pick = column.pick;
      const uint32_t alias_pick = column.alias_pick;
      // Either outcome is likely: a conditional move, not a branch.
      const uint32_t picked =
          __builtin_expect_with_probability((scaled & 0xffff) <= column.bound, 1, 0.5) ? pick
                                                                                       : alias_pick;
      previous[j] = picked & 0xffff;
      qualities[static_cast<size_t>(r) * quality_row + static_cast<size_t>(c)] =
          static_cast<char>(picked >> 16);
    }
  }
  for (int j = 0; j < kChains; ++j)
    rows[kFirst + j * kStride] = previous[j];
}

// Two cycles a step: 21 random bits a step (FillDraws, step by step). Then the chains advance as
// one cycle at a time does: all 2 kStepBatch over the steps both mates have, then the longer
// mate's kStepBatch.
void QualityModel::DrawSteps() {
  const int64_t steps[2] = {(lengths_[0] + 1) / 2, (lengths_[1] + 1) / 2};
  const int64_t both = std::min(steps[0], steps[1]);
  FillDrawsAhead<kStepDrawBits>(steps, kStepReads, wide_draws_.data());
  if (error_outcomes_) {
    DrawErrorSteps(both, steps);
    return;
  }
  std::array<uint32_t, kStepReads> previous{};
#if defined(__x86_64__)
  static const bool avx512 = __builtin_cpu_supports("avx512f");
  if (avx512)
    AdvanceStepsAvx512(0, both, previous.data());
  else
    AdvanceSteps<kStepReads, 1, 0>(0, both, previous.data());
#elif defined(__wasm_simd128__)
  AdvanceStepsSimd128(0, both, previous.data());
#else
  AdvanceSteps<kStepReads, 1, 0>(0, both, previous.data());
#endif
  if (steps[0] > both)
    AdvanceSteps<kStepBatch, 2, 0>(both, steps[0], previous.data());
  else if (steps[1] > both)
    AdvanceSteps<kStepBatch, 2, 1>(both, steps[1], previous.data());
  TransposeSteps(static_cast<size_t>(std::max(steps[0], steps[1])));
  next_pair_ = 0;
}

template <int kChains, int kStride, int kFirst>
void QualityModel::AdvanceSteps(int64_t from, int64_t to, uint32_t* rows) {
  const uint32_t* draws = wide_draws_.data();
  char* qualities = step_qualities_.data();
  const uint32_t* pair_qualities = pair_qualities_.data();
  const uint64_t* pair_hazards = pair_hazards_.data();
  uint64_t* hazard_sums = hazard_sums_.data();
  const uint32_t* table = step_table_.data();
  uint32_t previous[kChains];
#pragma GCC unroll 32
  for (int j = 0; j < kChains; ++j)
    previous[j] = rows[kFirst + j * kStride];
  for (int64_t t = from; t < to; ++t) {
    const size_t at = static_cast<size_t>(t) * kStepReads;
    const uint32_t* step = table + static_cast<size_t>(t) * kStepTable;
#pragma GCC unroll 32
    for (int j = 0; j < kChains; ++j) {
      const int r = kFirst + j * kStride;
      const size_t mate = static_cast<size_t>(r % 2);
      // The top 6 of the 21 bits pick a column, the other 15 a fraction.
      const uint32_t draw = draws[at + static_cast<size_t>(r)];
      const uint32_t column =
          step[mate * (kStepTable / 2) + previous[j] + (draw >> kStepFractionBits)];
      const uint32_t fraction = draw & ((1u << kStepFractionBits) - 1);
      const uint32_t state = (column >> 16) & 0xff;
      const uint32_t alias = column >> 24;
      const uint32_t outcome =
          __builtin_expect_with_probability(fraction <= (column & 0xffff), 1, 0.5) ? state : alias;
      previous[j] = (outcome & 0x38) << 3;  // the second state's row: its index * kStepRow
      const uint16_t pair = static_cast<uint16_t>(pair_qualities[outcome]);
      std::memcpy(qualities + 2 * (at + static_cast<size_t>(r)), &pair, sizeof pair);
      // Row t + 1 of the sums: the read's row t (from memory, which keeps 32 sums out of the
      // registers the chains need) and this step's.
      hazard_sums[at + kStepReads + static_cast<size_t>(r)] =
          hazard_sums[at + static_cast<size_t>(r)] + pair_hazards[outcome];
    }
  }
#pragma GCC unroll 32
  for (int j = 0; j < kChains; ++j)
    rows[kFirst + j * kStride] = previous[j];
}

// Error outcomes: the steps of all kStepReads reads over the steps both mates have, then the
// longer mate's, then the rows a read.
void QualityModel::DrawErrorSteps(int64_t both, const int64_t steps[2]) {
#if defined(__x86_64__)
  static const bool avx512 = __builtin_cpu_supports("avx512f");
  if (avx512)
    AdvanceErrorStepsAvx512(0, both);
  else
    AdvanceErrorSteps<kStepReads, 1, 0>(0, both);
#elif defined(__wasm_simd128__)
  AdvanceErrorStepsSimd128(0, both);
#else
  AdvanceErrorSteps<kStepReads, 1, 0>(0, both);
#endif
  if (steps[0] > both)
    AdvanceErrorSteps<kStepBatch, 2, 0>(both, steps[0]);
  else if (steps[1] > both)
    AdvanceErrorSteps<kStepBatch, 2, 1>(both, steps[1]);
  TransposeSteps(static_cast<size_t>(std::max(steps[0], steps[1])));
  next_pair_ = 0;
}

// An outcome's error flags on its pair of quality characters (the first cycle's in the low byte):
// its wrong bits shifted to each character's top bit, as the vector steps shift them.
uint32_t QualityModel::ErrorFlags(uint32_t outcome) {
  static_assert(kFirstWrong << 1 == kErrorFlag && kSecondWrong << 8 == kErrorFlag << 8,
                "the wrong bits shift to the flags");
  return (outcome & kFirstWrong) << 1 | (outcome & kSecondWrong) << 8;
}

// Error outcomes: each read's step is its own draw from the step's one row (8 bits pick a column,
// 13 a fraction), with no state carried from step to step: no chain to wait on.
template <int kChains, int kStride, int kFirst>
void QualityModel::AdvanceErrorSteps(int64_t from, int64_t to) {
  const uint32_t* draws = wide_draws_.data();
  char* qualities = step_qualities_.data();
  const uint32_t* pair_qualities = pair_qualities_.data();
  const uint32_t* table = step_table_.data();
  for (int64_t t = from; t < to; ++t) {
    const size_t at = static_cast<size_t>(t) * kStepReads;
    const uint32_t* step = table + static_cast<size_t>(t) * kStepTable;
    for (int j = 0; j < kChains; ++j) {
      const int r = kFirst + j * kStride;
      const size_t mate = static_cast<size_t>(r % 2);
      const uint32_t draw = draws[at + static_cast<size_t>(r)];
      const uint32_t column = step[mate * (kStepTable / 2) + (draw >> kErrorStepFractionBits)];
      const uint32_t fraction = draw & ((1u << kErrorStepFractionBits) - 1);
      const uint32_t outcome = fraction <= (column & 0xffff) ? (column >> 16) & 0xff : column >> 24;
      const uint16_t pair =
          static_cast<uint16_t>(pair_qualities[outcome % kStepRow] | ErrorFlags(outcome));
      std::memcpy(qualities + 2 * (at + static_cast<size_t>(r)), &pair, sizeof pair);
    }
  }
}

#if defined(__x86_64__)
#if defined(__GNUC__) && !defined(__clang__)
// GCC 12's AVX-512 headers warn of their own _mm512_undefined values (GCC bug 105593).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
namespace {

// What both AVX-512 steps share, sixteen reads a vector: the mates' halves of a step's table,
// a column's outcome, and an outcome's two quality characters.
struct StepsAvx512 {
  __m512i mate_offset;    // read r's mate is r % 2: its end's half of the step's table
  __m512i characters[4];  // an outcome's two quality characters, four tables of sixteen lanes

  __attribute__((target("avx512f"))) StepsAvx512(const uint32_t* pair_qualities, int half_table) {
    mate_offset = _mm512_set_epi32(half_table, 0, half_table, 0, half_table, 0, half_table, 0,
                                   half_table, 0, half_table, 0, half_table, 0, half_table, 0);
    for (int k = 0; k < 4; ++k)
      characters[k] = _mm512_loadu_si512(pair_qualities + 16 * k);
  }
  // A column's state where the fraction is up to its bound (low 16 bits), its alias otherwise.
  __attribute__((target("avx512f"))) static __m512i Outcome(__m512i column, __m512i fraction) {
    const __mmask16 state_picked =
        _mm512_cmple_epu32_mask(fraction, _mm512_and_si512(column, _mm512_set1_epi32(0xffff)));
    return _mm512_mask_blend_epi32(
        state_picked, _mm512_srli_epi32(column, 24),
        _mm512_and_si512(_mm512_srli_epi32(column, 16), _mm512_set1_epi32(0xff)));
  }
  // The outcome's low six bits pick one of 64 pairs of characters (a permute reads five).
  __attribute__((target("avx512f"))) __m512i Characters(__m512i outcome) const {
    const __m512i low = _mm512_permutex2var_epi32(characters[0], outcome, characters[1]);
    const __m512i high = _mm512_permutex2var_epi32(characters[2], outcome, characters[3]);
    return _mm512_mask_blend_epi32(_mm512_test_epi32_mask(outcome, _mm512_set1_epi32(32)), low,
                                   high);
  }
};

// SplitWords<21> on AVX-512, eight values (24 draws) a vector: each value's three pieces as
// 32-bit lanes, interleaved into draw order by two permutes.
__attribute__((target("avx512f"))) size_t SplitStepDrawsAvx512(const uint64_t* words,
                                                               size_t count,
                                                               uint32_t* draws) {
  const __m512i mask = _mm512_set1_epi64((1 << 21) - 1);
  // Lanes 0-7 of `pieces` are the low pieces of the eight values, 8-15 the middle ones, and lanes
  // 16-23 (the second source) the high ones.
  const __m512i first = _mm512_set_epi32(5, 20, 12, 4, 19, 11, 3, 18, 10, 2, 17, 9, 1, 16, 8, 0);
  const __m512i second = _mm512_set_epi32(0, 0, 0, 0, 0, 0, 0, 0, 23, 15, 7, 22, 14, 6, 21, 13);
  size_t k = 0;
  for (; k + 8 <= count; k += 8) {
    const __m512i word = _mm512_loadu_si512(words + k);
    const __m256i low = _mm512_cvtepi64_epi32(_mm512_and_si512(word, mask));
    const __m256i middle =
        _mm512_cvtepi64_epi32(_mm512_and_si512(_mm512_srli_epi64(word, 21), mask));
    const __m512i high = _mm512_castsi256_si512(
        _mm512_cvtepi64_epi32(_mm512_and_si512(_mm512_srli_epi64(word, 42), mask)));
    const __m512i pieces = _mm512_inserti64x4(_mm512_castsi256_si512(low), middle, 1);
    uint32_t* out = draws + 3 * k;
    _mm512_storeu_si512(out, _mm512_permutex2var_epi32(pieces, first, high));
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(out + 16),
                        _mm512_castsi512_si256(_mm512_permutex2var_epi32(pieces, second, high)));
  }
  return k;
}
// The positions of the set bits of the first `length` bits of `bits` (64-bit words, nothing set
// past `length`), in order, into `positions` (room for 32 more); returns how many. AVX-512's
// compress packs thirty-two positions' worth a step.
__attribute__((target("avx512f,avx512bw,avx512vbmi2"))) int
FlaggedPositionsAvx512(const uint64_t* bits, int64_t length, uint16_t* positions) {
  const __m512i lanes = _mm512_set_epi16(31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17,
                                         16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
  int count = 0;
  for (int64_t i = 0; i < length; i += 32) {
    const __mmask32 set = static_cast<__mmask32>(bits[i / 64] >> (i % 64));
    const __m512i at = _mm512_add_epi16(lanes, _mm512_set1_epi16(static_cast<int16_t>(i)));
    _mm512_storeu_si512(positions + count, _mm512_maskz_compress_epi16(set, at));
    count += __builtin_popcount(set);
  }
  return count;
}

}  // namespace

// AdvanceSteps<kStepReads, 1, 0> on AVX-512, sixteen chains a vector: the same arithmetic (the
// column gathered, the fraction compared, the outcome blended), so the same qualities and sums.
// Scalar, a step costs some twenty instructions a chain; here a gather and about as many
// instructions serve sixteen.
__attribute__((target("avx512f"))) void QualityModel::AdvanceStepsAvx512(int64_t from,
                                                                         int64_t to,
                                                                         uint32_t* rows) {
  static_assert(kStepReads == 32, "two vectors of sixteen chains");
  const uint32_t* draws = wide_draws_.data();
  char* qualities = step_qualities_.data();
  uint64_t* hazard_sums = hazard_sums_.data();
  const uint32_t* table = step_table_.data();
  const StepsAvx512 steps(pair_qualities_.data(), kStepTable / 2);
  const __m512i fraction_mask = _mm512_set1_epi32((1 << kStepFractionBits) - 1);
  const __m512i second_state = _mm512_set1_epi32(0x38);
  const __m512i state_hazards = _mm512_loadu_si512(state_hazards_.data());
  __m512i previous[2], sum_low[2], sum_high[2];
  for (int v = 0; v < 2; ++v) {
    previous[v] = _mm512_loadu_si512(rows + 16 * v);
    const uint64_t* sums = hazard_sums + static_cast<size_t>(from) * kStepReads + 16 * v;
    sum_low[v] = _mm512_loadu_si512(sums);
    sum_high[v] = _mm512_loadu_si512(sums + 8);
  }
  for (int64_t t = from; t < to; ++t) {
    const size_t at = static_cast<size_t>(t) * kStepReads;
    const uint32_t* step = table + static_cast<size_t>(t) * kStepTable;
    for (int v = 0; v < 2; ++v) {
      const size_t first = at + 16 * static_cast<size_t>(v);
      const __m512i draw = _mm512_loadu_si512(draws + first);
      const __m512i index = _mm512_add_epi32(_mm512_add_epi32(previous[v], steps.mate_offset),
                                             _mm512_srli_epi32(draw, kStepFractionBits));
      const __m512i column = _mm512_i32gather_epi32(index, step, 4);
      const __m512i outcome = StepsAvx512::Outcome(column, _mm512_and_si512(draw, fraction_mask));
      previous[v] = _mm512_slli_epi32(_mm512_and_si512(outcome, second_state), 3);
      _mm256_storeu_si256(reinterpret_cast<__m256i*>(qualities + 2 * first),
                          _mm512_cvtepi32_epi16(steps.Characters(outcome)));
      // The pair's hazard: each state's from the eight in a register (a permute reads an index's
      // low three bits), not from pair_hazards_ (gathers of 64-bit lanes cost more than all else).
      const __m512i outcome_low = _mm512_cvtepu32_epi64(_mm512_castsi512_si256(outcome));
      const __m512i outcome_high = _mm512_cvtepu32_epi64(_mm512_extracti64x4_epi64(outcome, 1));
      sum_low[v] = _mm512_add_epi64(
          sum_low[v], _mm512_add_epi64(_mm512_permutexvar_epi64(outcome_low, state_hazards),
                                       _mm512_permutexvar_epi64(_mm512_srli_epi64(outcome_low, 3),
                                                                state_hazards)));
      sum_high[v] = _mm512_add_epi64(
          sum_high[v], _mm512_add_epi64(_mm512_permutexvar_epi64(outcome_high, state_hazards),
                                        _mm512_permutexvar_epi64(_mm512_srli_epi64(outcome_high, 3),
                                                                 state_hazards)));
      _mm512_storeu_si512(hazard_sums + kStepReads + first, sum_low[v]);
      _mm512_storeu_si512(hazard_sums + kStepReads + first + 8, sum_high[v]);
    }
  }
  for (int v = 0; v < 2; ++v)
    _mm512_storeu_si512(rows + 16 * v, previous[v]);
}

// AdvanceErrorSteps<kStepReads, 1, 0> on AVX-512, sixteen reads a vector.
__attribute__((target("avx512f"))) void QualityModel::AdvanceErrorStepsAvx512(int64_t from,
                                                                              int64_t to) {
  static_assert(kStepReads == 32, "two vectors of sixteen reads");
  const uint32_t* draws = wide_draws_.data();
  char* qualities = step_qualities_.data();
  const uint32_t* table = step_table_.data();
  const StepsAvx512 steps(pair_qualities_.data(), kStepTable / 2);
  const __m512i fraction_mask = _mm512_set1_epi32((1 << kErrorStepFractionBits) - 1);
  const __m512i first_wrong = _mm512_set1_epi32(kFirstWrong);
  const __m512i second_wrong = _mm512_set1_epi32(kSecondWrong);
  for (int64_t t = from; t < to; ++t) {
    const size_t at = static_cast<size_t>(t) * kStepReads;
    const uint32_t* step = table + static_cast<size_t>(t) * kStepTable;
    for (int v = 0; v < 2; ++v) {
      const size_t first = at + 16 * static_cast<size_t>(v);
      const __m512i draw = _mm512_loadu_si512(draws + first);
      const __m512i index =
          _mm512_add_epi32(steps.mate_offset, _mm512_srli_epi32(draw, kErrorStepFractionBits));
      const __m512i column = _mm512_i32gather_epi32(index, step, 4);
      const __m512i outcome = StepsAvx512::Outcome(column, _mm512_and_si512(draw, fraction_mask));
      const __m512i flags =
          _mm512_or_si512(_mm512_slli_epi32(_mm512_and_si512(outcome, first_wrong), 1),
                          _mm512_slli_epi32(_mm512_and_si512(outcome, second_wrong), 8));
      const __m512i pair = _mm512_or_si512(steps.Characters(outcome), flags);
      _mm256_storeu_si256(reinterpret_cast<__m256i*>(qualities + 2 * first),
                          _mm512_cvtepi32_epi16(pair));
    }
  }
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
#endif

#if defined(__wasm_simd128__)
// AdvanceSteps<kStepReads, 1, 0> on wasm SIMD, four chains a vector: WebAssembly has no gather,
// so a vector's four columns are loaded lane by lane; the rest (the draw's pieces, the fraction
// compared, the outcome, the next row, the quality characters by swizzle) is four chains an
// instruction. The same arithmetic as the scalar step: the same qualities and sums.
void QualityModel::AdvanceStepsSimd128(int64_t from, int64_t to, uint32_t* rows) {
  constexpr int kVectors = kStepReads / 4;
  const uint32_t* draws = wide_draws_.data();
  char* qualities = step_qualities_.data();
  uint64_t* hazard_sums = hazard_sums_.data();
  const uint64_t* pair_hazards = pair_hazards_.data();
  const uint32_t* table = step_table_.data();
  // Each state's quality character in bytes 0 to 7 (a swizzle index past 15 gives 0).
  const v128_t state_characters = wasm_v128_load(state_characters_.data());
  // Read r's mate is r % 2: its end's half of the step's table.
  const v128_t mate_offset = wasm_i32x4_make(0, kStepTable / 2, 0, kStepTable / 2);
  const v128_t fraction_mask = wasm_i32x4_splat((1 << kStepFractionBits) - 1);
  const v128_t low16 = wasm_i32x4_splat(0xffff);
  const v128_t low8 = wasm_i32x4_splat(0xff);
  const v128_t first_state = wasm_i32x4_splat(7);
  const v128_t second_state = wasm_i32x4_splat(0x38);
  const v128_t first_byte_only = wasm_i32x4_splat(static_cast<int32_t>(0xffffff00u));
  const v128_t second_byte_only = wasm_i32x4_splat(static_cast<int32_t>(0xffff00ffu));
  v128_t previous[kVectors];
  for (int v = 0; v < kVectors; ++v)
    previous[v] = wasm_v128_load(rows + 4 * v);
  for (int64_t t = from; t < to; ++t) {
    const size_t at = static_cast<size_t>(t) * kStepReads;
    const uint32_t* step = table + static_cast<size_t>(t) * kStepTable;
#pragma clang loop unroll(full)
    for (int v = 0; v < kVectors; ++v) {
      const size_t first = at + 4 * static_cast<size_t>(v);
      const v128_t draw = wasm_v128_load(draws + first);
      const v128_t index = wasm_i32x4_add(wasm_i32x4_add(previous[v], mate_offset),
                                          wasm_u32x4_shr(draw, kStepFractionBits));
      v128_t column = wasm_v128_load32_zero(step + wasm_u32x4_extract_lane(index, 0));
      column = wasm_v128_load32_lane(step + wasm_u32x4_extract_lane(index, 1), column, 1);
      column = wasm_v128_load32_lane(step + wasm_u32x4_extract_lane(index, 2), column, 2);
      column = wasm_v128_load32_lane(step + wasm_u32x4_extract_lane(index, 3), column, 3);
      const v128_t state_picked =
          wasm_u32x4_le(wasm_v128_and(draw, fraction_mask), wasm_v128_and(column, low16));
      const v128_t outcome = wasm_v128_bitselect(wasm_v128_and(wasm_u32x4_shr(column, 16), low8),
                                                 wasm_u32x4_shr(column, 24), state_picked);
      previous[v] = wasm_i32x4_shl(wasm_v128_and(outcome, second_state), 3);
      // The pair's characters in each lane's low two bytes, then four lanes' in 8 bytes.
      const v128_t first_index = wasm_v128_or(wasm_v128_and(outcome, first_state), first_byte_only);
      const v128_t second_index =
          wasm_v128_or(wasm_i32x4_shl(wasm_u32x4_shr(outcome, 3), 8), second_byte_only);
      const v128_t pair = wasm_v128_or(wasm_i8x16_swizzle(state_characters, first_index),
                                       wasm_i8x16_swizzle(state_characters, second_index));
      wasm_v128_store64_lane(qualities + 2 * first, wasm_u16x8_narrow_i32x4(pair, pair), 0);
      // Row t + 1 of the sums: row t and the step's pair hazards.
      uint64_t* sums = hazard_sums + first;
      sums[kStepReads + 0] = sums[0] + pair_hazards[wasm_u32x4_extract_lane(outcome, 0)];
      sums[kStepReads + 1] = sums[1] + pair_hazards[wasm_u32x4_extract_lane(outcome, 1)];
      sums[kStepReads + 2] = sums[2] + pair_hazards[wasm_u32x4_extract_lane(outcome, 2)];
      sums[kStepReads + 3] = sums[3] + pair_hazards[wasm_u32x4_extract_lane(outcome, 3)];
    }
  }
  for (int v = 0; v < kVectors; ++v)
    wasm_v128_store(rows + 4 * v, previous[v]);
}

// AdvanceErrorSteps<kStepReads, 1, 0> on wasm SIMD, four reads a vector.
void QualityModel::AdvanceErrorStepsSimd128(int64_t from, int64_t to) {
  constexpr int kVectors = kStepReads / 4;
  const uint32_t* draws = wide_draws_.data();
  char* qualities = step_qualities_.data();
  const uint32_t* table = step_table_.data();
  const v128_t state_characters = wasm_v128_load(state_characters_.data());
  const v128_t mate_offset = wasm_i32x4_make(0, kStepTable / 2, 0, kStepTable / 2);
  const v128_t fraction_mask = wasm_i32x4_splat((1 << kErrorStepFractionBits) - 1);
  const v128_t low16 = wasm_i32x4_splat(0xffff);
  const v128_t low8 = wasm_i32x4_splat(0xff);
  const v128_t first_state = wasm_i32x4_splat(7);
  const v128_t first_byte_only = wasm_i32x4_splat(static_cast<int32_t>(0xffffff00u));
  const v128_t second_byte_only = wasm_i32x4_splat(static_cast<int32_t>(0xffff00ffu));
  const v128_t first_wrong = wasm_i32x4_splat(kFirstWrong);
  const v128_t second_wrong = wasm_i32x4_splat(kSecondWrong);
  for (int64_t t = from; t < to; ++t) {
    const size_t at = static_cast<size_t>(t) * kStepReads;
    const uint32_t* step = table + static_cast<size_t>(t) * kStepTable;
#pragma clang loop unroll(full)
    for (int v = 0; v < kVectors; ++v) {
      const size_t first = at + 4 * static_cast<size_t>(v);
      const v128_t draw = wasm_v128_load(draws + first);
      const v128_t index =
          wasm_i32x4_add(mate_offset, wasm_u32x4_shr(draw, kErrorStepFractionBits));
      v128_t column = wasm_v128_load32_zero(step + wasm_u32x4_extract_lane(index, 0));
      column = wasm_v128_load32_lane(step + wasm_u32x4_extract_lane(index, 1), column, 1);
      column = wasm_v128_load32_lane(step + wasm_u32x4_extract_lane(index, 2), column, 2);
      column = wasm_v128_load32_lane(step + wasm_u32x4_extract_lane(index, 3), column, 3);
      const v128_t state_picked =
          wasm_u32x4_le(wasm_v128_and(draw, fraction_mask), wasm_v128_and(column, low16));
      const v128_t outcome = wasm_v128_bitselect(wasm_v128_and(wasm_u32x4_shr(column, 16), low8),
                                                 wasm_u32x4_shr(column, 24), state_picked);
      const v128_t first_index = wasm_v128_or(wasm_v128_and(outcome, first_state), first_byte_only);
      const v128_t second_index =
          wasm_v128_or(wasm_i32x4_shl(wasm_v128_and(wasm_u32x4_shr(outcome, 3), first_state), 8),
                       second_byte_only);
      const v128_t flags = wasm_v128_or(wasm_i32x4_shl(wasm_v128_and(outcome, first_wrong), 1),
                                        wasm_i32x4_shl(wasm_v128_and(outcome, second_wrong), 8));
      const v128_t pair =
          wasm_v128_or(wasm_v128_or(wasm_i8x16_swizzle(state_characters, first_index),
                                    wasm_i8x16_swizzle(state_characters, second_index)),
                       flags);
      wasm_v128_store64_lane(qualities + 2 * first, wasm_u16x8_narrow_i32x4(pair, pair), 0);
    }
  }
}
#endif

namespace {

// An 8 x 8 transpose of 2-byte items: row k of `in` (at k * in_stride) holds item k of eight
// columns, and column j goes to `out` + j * out_stride, in three rounds of interleaving (items,
// then pairs of them, then fours). SSE2 natively, wasm SIMD in the module: both have the three
// interleaves.
void Transpose8x8(const char* in, size_t in_stride, char* out, size_t out_stride) {
#if defined(__SSE2__) || defined(__wasm_simd128__)
#if defined(__SSE2__)
  using Vector = __m128i;
  auto load = [](const char* p) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p)); };
  auto store = [](char* p, Vector v) { _mm_storeu_si128(reinterpret_cast<__m128i*>(p), v); };
  auto low16 = [](Vector a, Vector b) { return _mm_unpacklo_epi16(a, b); };
  auto high16 = [](Vector a, Vector b) { return _mm_unpackhi_epi16(a, b); };
  auto low32 = [](Vector a, Vector b) { return _mm_unpacklo_epi32(a, b); };
  auto high32 = [](Vector a, Vector b) { return _mm_unpackhi_epi32(a, b); };
  auto low64 = [](Vector a, Vector b) { return _mm_unpacklo_epi64(a, b); };
  auto high64 = [](Vector a, Vector b) { return _mm_unpackhi_epi64(a, b); };
#else
  using Vector = v128_t;
  auto load = [](const char* p) { return wasm_v128_load(p); };
  auto store = [](char* p, Vector v) { wasm_v128_store(p, v); };
  auto low16 = [](Vector a, Vector b) {
    return wasm_i16x8_shuffle(a, b, 0, 8, 1, 9, 2, 10, 3, 11);
  };
  auto high16 = [](Vector a, Vector b) {
    return wasm_i16x8_shuffle(a, b, 4, 12, 5, 13, 6, 14, 7, 15);
  };
  auto low32 = [](Vector a, Vector b) { return wasm_i32x4_shuffle(a, b, 0, 4, 1, 5); };
  auto high32 = [](Vector a, Vector b) { return wasm_i32x4_shuffle(a, b, 2, 6, 3, 7); };
  auto low64 = [](Vector a, Vector b) { return wasm_i64x2_shuffle(a, b, 0, 2); };
  auto high64 = [](Vector a, Vector b) { return wasm_i64x2_shuffle(a, b, 1, 3); };
#endif
  Vector a[8], b[8], c[8];
  for (size_t k = 0; k < 8; ++k)
    a[k] = load(in + k * in_stride);
  for (size_t k = 0; k < 8; k += 2) {  // b[k]: columns 0-3 of items k, k + 1; b[k + 1]: 4-7
    b[k] = low16(a[k], a[k + 1]);
    b[k + 1] = high16(a[k], a[k + 1]);
  }
  for (size_t k = 0; k < 8; k += 4) {  // c[k + m]: columns 2m, 2m + 1 of items k to k + 3
    c[k] = low32(b[k], b[k + 2]);
    c[k + 1] = high32(b[k], b[k + 2]);
    c[k + 2] = low32(b[k + 1], b[k + 3]);
    c[k + 3] = high32(b[k + 1], b[k + 3]);
  }
  for (size_t m = 0; m < 4; ++m) {
    store(out + 2 * m * out_stride, low64(c[m], c[m + 4]));
    store(out + (2 * m + 1) * out_stride, high64(c[m], c[m + 4]));
  }
#else
  for (size_t j = 0; j < 8; ++j)
    for (size_t k = 0; k < 8; ++k)
      std::memcpy(out + j * out_stride + 2 * k, in + k * in_stride + 2 * j, 2);
#endif
}

}  // namespace

// Blocks of kTransposeSteps steps by 8 reads. Reads whose steps end before the block's (the
// shorter mate, or past the longest) get what the steps left there, beyond their length.
void QualityModel::TransposeSteps(size_t steps) {
  static_assert(kTransposeSteps == 8 && kStepReads % 8 == 0, "8 x 8 blocks");
  constexpr size_t kStepBytes = 2 * kStepReads;
  for (size_t t = 0; t < steps; t += kTransposeSteps)
    for (size_t r = 0; r < kStepReads; r += 8)
      Transpose8x8(step_qualities_.data() + t * kStepBytes + 2 * r, kStepBytes,
                   qualities_.data() + r * quality_row_ + 2 * t, quality_row_);
}

// One read of the batch's next pair: its drawn qualities (the N quality where the base is N),
// and its errors. A base is wrong when the hazard accumulated since the last error (through the
// block's reads in order) reaches an Exp(1) draw: a Bernoulli trial of its quality's
// probability, independent of every other base's (an N's trial decides nothing). The draws come
// from the block's quality stream, the wrong base from the pair's.
//
// A read without N (most) goes in chunks: the running sum of a chunk's hazards is compared with
// what the next draw still needs at every base, without a branch, and the count of bases below
// it is where the error falls (the sum only grows), or the whole chunk when none reaches it.
// Two cycles a step, PlaceErrors finds them from the chains' hazard sums instead.
template <bool kHasN>
int QualityModel::Finish(const End& end, Read& read, size_t r, uint16_t* sums, Rng& rng) {
  if (error_outcomes_)
    return MakeFlaggedErrors<kHasN>(end, read, r, sums, rng);
  constexpr int64_t kChunk = 16;
  char* out = read.qualities;
  char* bases = read.bases;
  const int64_t length = read.length;
  std::memcpy(out, qualities_.data() + r * quality_row_, static_cast<size_t>(length));
  const uint64_t* hazard_of = hazard_of_.data();
  uint64_t hazard = hazard_;
  uint64_t until = until_;
  int errors = 0;
  if (kHasN) {
    for (int64_t i = 0; i < length; ++i) {
      const bool n = bases[i] == 'N';
      const char quality = n ? end.n_quality : out[i];
      out[i] = quality;
      hazard += hazard_of[static_cast<unsigned char>(quality)];
      if (hazard < until)
        continue;
      hazard = 0;
      until = NextExponential();
      if (!n) {
        bases[i] = Substitute(end, bases[i], rng);
        ++errors;
      }
    }
  } else if (two_cycles_) {
    errors = PlaceErrors(end, read, r, rng, &hazard, &until);
  } else {
    for (int64_t i = 0; i < length;) {
      const int64_t chunk_end = std::min(length, i + kChunk);
      const uint64_t need = until - hazard;
      uint64_t sum = 0;  // at most 2^40 a base: no overflow
      int64_t below = 0;
      for (int64_t j = i; j < chunk_end; ++j) {
        sum += hazard_of[static_cast<unsigned char>(out[j])];
        below += sum < need;
      }
      if (i + below == chunk_end) {
        hazard += sum;
        i = chunk_end;
        continue;
      }
      const int64_t wrong = i + below;
      hazard = 0;
      until = NextExponential();
      bases[wrong] = Substitute(end, bases[wrong], rng);
      ++errors;
      i = wrong + 1;
    }
  }
  hazard_ = hazard;
  until_ = until;
  AddQualities(read, sums);
  return errors;
}

// Two cycles a step, a read without N: the read's hazard sums after each step (AdvanceSteps) say
// where its errors fall. With H(b) the read's hazard through base b, the next error is at the
// first base whose H reaches `threshold` (what the draw needs beyond the hazard the read started
// with, then beyond the last error's H): the steps below it are passed over by their sums alone,
// and most reads (all of their sums below it) need one comparison. The same trials as base by
// base, in integers: the same errors.
int QualityModel::PlaceErrors(const End& end,
                              Read& read,
                              size_t r,
                              Rng& rng,
                              uint64_t* hazard,
                              uint64_t* until) {
  const uint64_t* read_sums = hazard_sums_.data() + r;  // row t + 1: through step t
  auto sum_through = [&](int64_t t) { return read_sums[static_cast<size_t>(t + 1) * kStepReads]; };
  const uint64_t* hazard_of = hazard_of_.data();
  const char* qualities = read.qualities;
  const int64_t length = read.length;
  const int64_t pairs = length / 2;  // whole steps (an odd read's last base is its own)
  auto h = [&](int64_t b) { return hazard_of[static_cast<unsigned char>(qualities[b])]; };
  const uint64_t through_pairs = sum_through(pairs - 1);
  const uint64_t total = length % 2 ? through_pairs + h(length - 1) : through_pairs;
  uint64_t threshold = *until - *hazard;
  uint64_t last_error = 0 - *hazard;  // H where the hazard was last zero (wraps: differences)
  int errors = 0;
  int64_t from = 0;  // the first base that can be the next error
  while (total >= threshold) {
    int64_t wrong;
    uint64_t at;  // H(wrong)
    int64_t t = from / 2;
    if (from % 2 && t < pairs && sum_through(t) >= threshold) {
      wrong = from;  // the second base of the step whose first was the last error
      at = sum_through(t);
    } else {
      t = (from + 1) / 2;
      while (t < pairs && sum_through(t) < threshold)
        ++t;
      if (t == pairs) {
        wrong = length - 1;  // an odd read's last base: total reaches the threshold
        at = total;
      } else {
        const uint64_t first = sum_through(t - 1) + h(2 * t);
        wrong = first >= threshold ? 2 * t : 2 * t + 1;
        at = first >= threshold ? first : sum_through(t);
      }
    }
    *until = NextExponential();
    last_error = at;
    threshold = at + *until;
    read.bases[wrong] = Substitute(end, read.bases[wrong], rng);
    ++errors;
    from = wrong + 1;
    if (from == length)
      break;
  }
  *hazard = total - last_error;
  return errors;
}

namespace {

constexpr char kQualityBits = 0x7f;  // a quality character without its error flag

// `n` bytes of a row of flagged qualities into `out` without their flags, each added to `sums`
// (null: not summed); returns their flags, a bit a byte.
uint32_t UnflagBytes(const char* row, char* out, uint16_t* sums, int n) {
  uint32_t flags = 0;
  for (int k = 0; k < n; ++k) {
    out[k] = static_cast<char>(row[k] & kQualityBits);
    if (sums)
      sums[k] = static_cast<uint16_t>(sums[k] + static_cast<unsigned char>(out[k]));
    flags |= (uint32_t{static_cast<unsigned char>(row[k])} >> 7) << k;
  }
  return flags;
}

// The same for sixteen bytes, as one vector (SSE2 natively, wasm SIMD in the module), except
// that the first `skip` bytes are not added to `sums`.
uint32_t UnflagSixteen(const char* row, char* out, uint16_t* sums, int skip) {
#if defined(__SSE2__) || defined(__wasm_simd128__)
  alignas(16) static constexpr char kKept[32] = {0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
                                                 0,  0,  0,  0,  0,  -1, -1, -1, -1, -1, -1,
                                                 -1, -1, -1, -1, -1, -1, -1, -1, -1, -1};
#endif
#if defined(__SSE2__)
  const __m128i flagged = _mm_loadu_si128(reinterpret_cast<const __m128i*>(row));
  const __m128i quality = _mm_and_si128(flagged, _mm_set1_epi8(kQualityBits));
  _mm_storeu_si128(reinterpret_cast<__m128i*>(out), quality);
  if (sums) {
    const __m128i kept = _mm_and_si128(
        quality, _mm_loadu_si128(reinterpret_cast<const __m128i*>(kKept + 16 - skip)));
    __m128i* to = reinterpret_cast<__m128i*>(sums);
    const __m128i zero = _mm_setzero_si128();
    _mm_storeu_si128(to, _mm_add_epi16(_mm_loadu_si128(to), _mm_unpacklo_epi8(kept, zero)));
    _mm_storeu_si128(to + 1, _mm_add_epi16(_mm_loadu_si128(to + 1), _mm_unpackhi_epi8(kept, zero)));
  }
  return static_cast<uint32_t>(_mm_movemask_epi8(flagged));
#elif defined(__wasm_simd128__)
  const v128_t flagged = wasm_v128_load(row);
  const v128_t quality = wasm_v128_and(flagged, wasm_i8x16_splat(kQualityBits));
  wasm_v128_store(out, quality);
  if (sums) {
    const v128_t kept = wasm_v128_and(quality, wasm_v128_load(kKept + 16 - skip));
    wasm_v128_store(sums, wasm_i16x8_add(wasm_v128_load(sums), wasm_u16x8_extend_low_u8x16(kept)));
    wasm_v128_store(sums + 8,
                    wasm_i16x8_add(wasm_v128_load(sums + 8), wasm_u16x8_extend_high_u8x16(kept)));
  }
  return wasm_i8x16_bitmask(flagged);
#else
  const uint32_t flags = UnflagBytes(row, out, nullptr, 16);
  if (sums)
    UnflagBytes(row + skip, out + skip, sums + skip, 16 - skip);
  return flags;
#endif
}

}  // namespace

// A read's row of flagged qualities into `out` without their flags, in one pass: the flags
// gathered into a bit a base (64-bit words, `bits`), and each cycle's character added to `sums`
// (null: not summed). Sixteen bytes at a time; a read's last bytes, when its length is not a
// multiple of 16, are the sixteen that end it (unflagging a byte twice changes nothing, and
// those already summed are skipped).
void QualityModel::CopyUnflagged(const char* row,
                                 char* out,
                                 int64_t length,
                                 uint16_t* sums,
                                 uint64_t* bits) {
  auto sums_at = [&](int64_t i) { return sums ? sums + i : nullptr; };
  uint64_t word = 0;
  int64_t i = 0;
  for (; i + 16 <= length; i += 16) {
    word |= uint64_t{UnflagSixteen(row + i, out + i, sums_at(i), 0)} << (i % 64);
    if (i % 64 == 48) {
      bits[i / 64] = word;
      word = 0;
    }
  }
  if (i < length) {
    const int rest = static_cast<int>(length - i);
    const uint32_t flags = length >= 16 ? UnflagSixteen(row + length - 16, out + length - 16,
                                                        sums_at(length - 16), 16 - rest) >>
                                              (16 - rest)
                                        : UnflagBytes(row, out, sums, rest);
    word |= uint64_t{flags} << (i % 64);
  }
  if (length % 64 != 0)
    bits[length / 64] = word;
}

// Error outcomes: the steps flagged each wrong base's quality. A read's row goes to its
// qualities without the flags, which are gathered into a bit a base (CopyUnflagged), and each
// flagged base gets a wrong call (an N stays N, with the N quality, as every N does).
template <bool kHasN>
int QualityModel::MakeFlaggedErrors(const End& end,
                                    Read& read,
                                    size_t r,
                                    uint16_t* sums,
                                    Rng& rng) {
  char* out = read.qualities;
  char* bases = read.bases;
  const int64_t length = read.length;
  uint64_t* wrong = wrong_bases_.data();
  CopyUnflagged(qualities_.data() + r * quality_row_, out, length, kHasN ? nullptr : sums, wrong);
  // A uniform wrong call takes eight bits of one of the pair's draws: a value below 255 picks
  // one of the other three bases by its remainder by 3 (255, one time in 256, is drawn again: a
  // branch the predictor gets right), a draw serving a read's calls until its bits run out.
  uint64_t bits = 0;
  int pieces = 0;
  auto uniform_call = [&](char base) {
    for (;;) {
      if (pieces == 0) {
        bits = rng();
        pieces = 8;
      }
      const uint32_t piece = static_cast<uint32_t>(bits & 0xff);
      bits >>= 8;
      --pieces;
      if (__builtin_expect(piece != 0xff, 1))
        return SnpBase(base, 1 + static_cast<int>(piece % 3));
    }
  };
  int errors = 0;
  auto make_error = [&](int64_t b) {
    if (kHasN && bases[b] == 'N')
      return;
    bases[b] = end.learned_substitutions ? Substitute(end, bases[b], rng) : uniform_call(bases[b]);
    ++errors;
  };
  bool listed = false;
#if defined(__x86_64__)
  // A list of the flagged bases first, natively: then one loop whose length is known, instead of
  // a loop a word whose exits the branch predictor misses.
  static const bool compress = __builtin_cpu_supports("avx512vbmi2");
  if (compress && length <= 0xffff) {
    uint16_t* positions = error_positions_.data();
    const int flagged = FlaggedPositionsAvx512(wrong, length, positions);
    for (int k = 0; k < flagged; ++k)
      make_error(positions[k]);
    listed = true;
  }
#endif
  for (int64_t w = 0; !listed && 64 * w < length; ++w) {
    for (uint64_t m = wrong[w]; m != 0; m &= m - 1)
      make_error(64 * w + __builtin_ctzll(m));
  }
  if (kHasN) {
    for (int64_t i = 0; i < length; ++i)
      out[i] = bases[i] == 'N' ? end.n_quality : out[i];
    AddQualities(read, sums);
  }
  return errors;
}

void QualityModel::Apply(Read& read1, Read& read2, Rng& rng) {
  if (next_pair_ == (two_cycles_ ? kStepBatch : kBatch))
    DrawBatch();
  Read* reads[2] = {&read1, &read2};
  for (size_t mate = 0; mate < 2; ++mate) {
    Read& read = *reads[mate];
    const size_t r = static_cast<size_t>(2 * next_pair_) + mate;
    const bool has_n =
        read.may_have_n && FindN(read.bases, read.bases + read.length) != read.bases + read.length;
    uint16_t* sums = read.cycle_sums ? CycleSums(mate, read) : nullptr;
    read.errors = has_n ? Finish<true>(ends_[mate], read, r, sums, rng)
                        : Finish<false>(ends_[mate], read, r, sums, rng);
  }
  ++next_pair_;
}

// The cycles' quality sums gather in 16 bits (the characters, 33 more each than the quality),
// which vectorise eight times as wide as the 64-bit totals: 512 reads of characters below 128
// stay below 2^16.
uint16_t* QualityModel::CycleSums(size_t mate, const Read& read) {
  if (cycle_sums_to_[mate] != read.cycle_sums || sum_reads_[mate] == kSumReads) {
    FlushCycleSums();
    cycle_sums_to_[mate] = read.cycle_sums;
  }
  ++sum_reads_[mate];
  return cycle_sums_[mate].data();
}

void QualityModel::AddQualities(const Read& read, uint16_t* sums) {
  if (!sums)
    return;
  const unsigned char* qualities = reinterpret_cast<const unsigned char*>(read.qualities);
  for (int64_t i = 0; i < read.length; ++i)
    sums[i] = static_cast<uint16_t>(sums[i] + qualities[i]);
}

void QualityModel::FlushCycleSums() {
  for (size_t mate = 0; mate < 2; ++mate) {
    if (sum_reads_[mate] == 0)
      continue;
    const int64_t offset = 33 * sum_reads_[mate];
    for (size_t i = 0; i < cycle_sums_[mate].size(); ++i) {
      cycle_sums_to_[mate][i] += int64_t{cycle_sums_[mate][i]} - offset;
      cycle_sums_[mate][i] = 0;
    }
    sum_reads_[mate] = 0;
  }
}

int64_t QualityModel::TemplateSlack(int mate, int64_t length) const {
  const double rate = ends_[static_cast<size_t>(mate)].deletion_rate;
  if (rate <= 0)
    return 0;
  // The expected deletions and eight more: a read needs more only with vanishing probability
  // (and then simply gets fewer deletions).
  return std::min<int64_t>(length,
                           8 + static_cast<int64_t>(3 * rate * static_cast<double>(length)));
}

int QualityModel::MakeIndels(int mate,
                             const char* templ,
                             int64_t templ_length,
                             char* out,
                             int64_t length,
                             Rng& rng,
                             int32_t* source) const {
  const End& end = ends_[static_cast<size_t>(mate)];
  constexpr int64_t kNever = std::numeric_limits<int64_t>::max();
  // Geometric gaps between events: one draw per error, not one per base.
  auto gap = [&](const std::optional<GeometricGaps>& gaps) -> int64_t {
    return gaps ? (*gaps)(rng) : kNever;
  };
  int64_t next_insertion = gap(end.insertion_gaps);
  int64_t next_deletion = gap(end.deletion_gaps);
  int errors = 0;
  int64_t t = 0;
  for (int64_t k = 0; k < length;) {
    // The bases up to the next error are the template's, in one copy. (An insertion where a
    // deletion was due leaves that deletion behind: it is never reached, as base by base.)
    const int64_t due = next_deletion >= k ? next_deletion : kNever;
    const int64_t run = std::min({next_insertion, due, length}) - k;
    std::memcpy(out + k, templ + t, static_cast<size_t>(run));
    if (source)
      std::iota(source + k, source + k + run, static_cast<int32_t>(t));
    k += run;
    t += run;
    if (k == length)
      break;
    if (k == next_insertion) {
      if (source)
        source[k] = -1;
      out[k++] = "ACGT"[UniformUpTo<3>(rng)];
      ++errors;
      next_insertion = k + gap(end.insertion_gaps);
      continue;
    }
    if (templ_length - t > length - k) {  // a base to skip, and enough left to finish
      ++t;
      ++errors;
    }
    next_deletion = k + 1 + gap(end.deletion_gaps);
    if (source)
      source[k] = static_cast<int32_t>(t);
    out[k++] = templ[t++];
  }
  return errors;
}

}  // namespace readforge
