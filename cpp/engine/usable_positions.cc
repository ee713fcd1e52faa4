#include "engine/usable_positions.h"

#include <algorithm>
#include <cstring>
#include <limits>

namespace readforge {
namespace {

constexpr int64_t kNever = std::numeric_limits<int64_t>::max() / 4;

// The first run in runs[from..] that ends after `pos`.
size_t FirstEndingAfter(const std::vector<NRun>& runs, size_t from, int64_t pos) {
  while (from < runs.size() && runs[from].end <= pos)
    ++from;
  return from;
}

}  // namespace

int64_t MaxNs(double max_n_fraction, int64_t length) {
  if (length <= 0)
    return 0;
  const double len = static_cast<double>(length);
  double guess = max_n_fraction * len;
  int64_t n = guess <= 0 ? 0 : guess >= len ? length : static_cast<int64_t>(guess);
  // The product may round either way; settle on the exact test the reads are held to.
  while (n < length && static_cast<double>(n + 1) / len <= max_n_fraction)
    ++n;
  while (n > 0 && static_cast<double>(n) / len > max_n_fraction)
    --n;
  return n;
}

UsableRule UsableRuleOf(const Options& options) {
  int64_t shortest = options.paired() ? std::min(options.read1_length, options.read2_length)
                                      : options.read1_length;
  return UsableRule{options.longest_read(), MaxNs(options.max_n_fraction, shortest)};
}

void UsableSet::Find(const std::vector<NRun>& runs,
                     int64_t length,
                     const UsableRule& rule,
                     int64_t lo,
                     int64_t hi) {
  intervals_.clear();
  before_.clear();
  total_ = 0;
  const int64_t w = rule.window;
  const int64_t k = rule.max_n;
  hi = std::min(hi, length - w + 1);
  if (hi <= lo)
    return;
  auto add = [&](int64_t from, int64_t to) {
    if (!intervals_.empty() && intervals_.back().end == from) {
      intervals_.back().end = to;
    } else {
      intervals_.push_back(NRun{from, to});
      before_.push_back(total_);
    }
    total_ += to - from;
  };
  // f(p), the Ns in [p, p + w), changes by isN(p + w) - isN(p) from p to p + 1. Between the
  // positions where either term changes it moves linearly, so each stretch is settled at once.
  size_t trail = FirstEndingAfter(runs, 0, lo);
  int64_t f = 0;
  for (size_t i = trail; i < runs.size() && runs[i].begin < lo + w; ++i)
    f += std::min(runs[i].end, lo + w) - std::max(runs[i].begin, lo);
  size_t lead = trail;
  for (int64_t p = lo; p < hi;) {
    trail = FirstEndingAfter(runs, trail, p);
    const bool trail_n = trail < runs.size() && runs[trail].begin <= p;
    const int64_t trail_next =
        trail < runs.size() ? (trail_n ? runs[trail].end : runs[trail].begin) : kNever;
    const int64_t x = p + w;
    lead = FirstEndingAfter(runs, lead, x);
    const bool lead_n = lead < runs.size() && runs[lead].begin <= x;
    const int64_t lead_next =
        lead < runs.size() ? (lead_n ? runs[lead].end : runs[lead].begin) - w : kNever;
    const int64_t stop = std::min(hi, std::min(trail_next, lead_next));
    const int64_t d = static_cast<int64_t>(lead_n) - static_cast<int64_t>(trail_n);
    // The q in [p, stop) with f + d * (q - p) <= k.
    int64_t from = p;
    int64_t to = stop;
    if (d == 0 && f > k)
      to = p;
    else if (d > 0)
      to = std::min(stop, p + (k - f) + 1);
    else if (d < 0)
      from = std::max(p, p + (f - k));
    if (from < to)
      add(from, to);
    f += d * (stop - p);
    p = stop;
  }
}

int64_t UsableSet::At(int64_t k) const {
  size_t i =
      static_cast<size_t>(std::upper_bound(before_.begin(), before_.end(), k) - before_.begin()) -
      1;
  return intervals_[i].begin + (k - before_[i]);
}

std::vector<int64_t> UsablePerBlock(const std::vector<NRun>& runs,
                                    int64_t length,
                                    const UsableRule& rule,
                                    int64_t block_size) {
  std::vector<int64_t> counts(static_cast<size_t>((length + block_size - 1) / block_size), 0);
  ForEachUsablePiece(runs, length, rule, block_size,
                     [&](int64_t block, int64_t begin, int64_t end) {
                       counts[static_cast<size_t>(block)] += end - begin;
                     });
  return counts;
}

}  // namespace readforge
