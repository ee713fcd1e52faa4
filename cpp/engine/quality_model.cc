#include "engine/quality_model.h"

#include <algorithm>
#include <numeric>

#include <limits>

#include "engine/bases.h"
#include "engine/variants.h"

namespace readforge {
namespace {

constexpr double kTwoTo32 = 4294967296.0;

// The inclusive 32-bit bound of cumulative / total, exactly (128-bit intermediate). Entries
// come by falling count, so the first is at least 1/64 and no bound is below zero.
uint32_t Bound32(uint64_t cumulative, uint64_t total) {
  using u128 = unsigned __int128;
  u128 scaled = (static_cast<u128>(cumulative) << 32) / total;
  return scaled == 0 ? 0 : scaled > 0xffffffffu ? 0xffffffffu : static_cast<uint32_t>(scaled - 1);
}

}  // namespace

QualityModel::QualityModel(const QualityProfile& profile,
                           int64_t read1_length,
                           int64_t read2_length) {
  for (int q : profile.alphabet) {
    phred_chars_.push_back(static_cast<char>(33 + q));
    // The wrong-call probability as a 32-bit threshold: the same in every build (the
    // probability comes from a table, and scaling by 2^32 is exact).
    double scaled = PhredErrorProbability(q) * kTwoTo32;
    error_below_.push_back(scaled >= kTwoTo32 ? 0xffffffffu : static_cast<uint32_t>(scaled));
  }
  Compile(profile, 0, read1_length, &ends_[0]);
  Compile(profile, 1, read2_length, &ends_[1]);
}

void QualityModel::AddRow(const uint64_t* counts, int states, End* end) {
  using u128 = unsigned __int128;
  constexpr uint64_t kColumn = uint64_t{1} << 32;
  const size_t n = static_cast<size_t>(states);
  uint64_t total = 0;
  for (size_t s = 0; s < n; ++s)
    total += counts[s];
  // Weights in units of 2^-32 of a column, n columns in all: each occurring state's share (at
  // least one unit), none for the others, the rounding left over given to the heaviest.
  std::vector<uint64_t> weight(n, 0);
  uint64_t sum = 0;
  size_t heaviest = 0;
  for (size_t i = 0; i < n; ++i) {
    if (counts[i] == 0)
      continue;
    u128 w = static_cast<u128>(counts[i]) * (static_cast<u128>(n) << 32) / total;
    weight[i] = w == 0 ? 1 : static_cast<uint64_t>(w);
    sum += weight[i];
    if (weight[i] > weight[heaviest])
      heaviest = i;
  }
  weight[heaviest] += n * kColumn - sum;  // unsigned: also right when the bumps overshot
  // Vose: fill each light column with its state and top it up from a heavy one.
  const size_t first = end->columns.size();
  end->columns.resize(first + n);
  std::vector<size_t> light, heavy;
  for (size_t i = 0; i < n; ++i) {
    (weight[i] < kColumn ? light : heavy).push_back(i);
    end->columns[first + i] = Column{0xffffffffu, static_cast<uint8_t>(i), static_cast<uint8_t>(i)};
  }
  while (!light.empty() && !heavy.empty()) {
    const size_t l = light.back();
    light.pop_back();
    const size_t h = heavy.back();
    Column& column = end->columns[first + l];
    column.alias = static_cast<uint8_t>(h);
    if (weight[l] == 0)
      column.state = static_cast<uint8_t>(h);  // a state that never occurs: all alias
    column.bound = weight[l] == 0 ? 0xffffffffu : static_cast<uint32_t>(weight[l] - 1);
    weight[h] -= kColumn - weight[l];
    if (weight[h] < kColumn) {
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
  for (int64_t c = 0; c < end->cycles; ++c) {
    const uint64_t* marginal = &in.counts[static_cast<size_t>(c * k)];
    for (int p = 0; p < k; ++p) {
      // Cycle 0 has no previous base: every row is its counts. Later cycles follow the
      // transition row, or the cycle's counts where the profile has none.
      const uint64_t* row = marginal;
      if (c > 0 && !in.trans.empty()) {
        const uint64_t* t = in.Row(c, p, k);
        if (std::any_of(t, t + k, [](uint64_t n) { return n > 0; }))
          row = t;
      }
      AddRow(row, k, end);
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

// Inlined into Apply's loop, so the two reads' steps can overlap.
[[gnu::always_inline]] inline int QualityModel::Step(const End& end,
                                                     Read& read,
                                                     int64_t i,
                                                     int previous,
                                                     uint64_t draw,
                                                     Rng& rng) const {
  const size_t k = phred_chars_.size();
  // The high half picks a column (its top bits) and a fraction (its low bits); no branch, so
  // the next base's quality can start as soon as this one is known.
  const uint64_t scaled = (draw >> 32) * k;
  const Column& column =
      end.columns[(static_cast<size_t>(i) * k + static_cast<size_t>(previous)) * k +
                  static_cast<size_t>(scaled >> 32)];
  const uint32_t self = 0u - static_cast<uint32_t>(static_cast<uint32_t>(scaled) <= column.bound);
  const int state = column.alias ^ ((column.state ^ column.alias) & self);
  char& base = read.bases[i];
  if (base == 'N') {
    read.qualities[i] = end.n_quality;
  } else {
    read.qualities[i] = phred_chars_[static_cast<size_t>(state)];
    if (static_cast<uint32_t>(draw) < error_below_[static_cast<size_t>(state)]) {
      base = Substitute(end, base, rng);
      ++read.errors;
    }
  }
  if (read.cycle_sums)
    read.cycle_sums[i] += read.qualities[i] - 33;
  return state;
}

void QualityModel::Apply(Read& read1, Read& read2, Rng& rng) const {
  read1.errors = read2.errors = 0;
  const End& end1 = ends_[0];
  const End& end2 = ends_[1];
  int previous1 = 0;
  int previous2 = 0;
  const int64_t both = std::min(read1.length, read2.length);
  int64_t i = 0;
  for (; i < both; ++i) {
    const uint64_t draw1 = rng();
    const uint64_t draw2 = rng();
    previous1 = Step(end1, read1, i, previous1, draw1, rng);
    previous2 = Step(end2, read2, i, previous2, draw2, rng);
  }
  for (int64_t j = i; j < read1.length; ++j)
    previous1 = Step(end1, read1, j, previous1, rng(), rng);
  for (int64_t j = i; j < read2.length; ++j)
    previous2 = Step(end2, read2, j, previous2, rng(), rng);
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
    if (k == next_insertion) {
      if (source)
        source[k] = -1;
      out[k++] = "ACGT"[UniformUpTo<3>(rng)];
      ++errors;
      next_insertion = k + gap(end.insertion_gaps);
      continue;
    }
    if (k == next_deletion) {
      if (templ_length - t > length - k) {  // a base to skip, and enough left to finish
        ++t;
        ++errors;
      }
      next_deletion = k + 1 + gap(end.deletion_gaps);
    }
    if (source)
      source[k] = static_cast<int32_t>(t);
    out[k++] = templ[t++];
  }
  return errors;
}

}  // namespace readforge
