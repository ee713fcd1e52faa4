#include "engine/plan.h"

#include <algorithm>
#include <cmath>

#include <boost/random/binomial_distribution.hpp>
#include <boost/random/uniform_01.hpp>

#include "engine/random.h"
#include "engine/text.h"

namespace readforge {
namespace {

Span NewSpan(int64_t begin, int64_t end, bool whole) {
  Span span;
  span.begin = begin;
  span.end = end;
  span.whole = whole;
  return span;
}

std::string KnownNames(const std::vector<ContigInfo>& contigs) {
  std::string names;
  size_t shown = std::min<size_t>(contigs.size(), 10);
  for (size_t i = 0; i < shown; ++i)
    names += (i ? ", " : "") + contigs[i].name;
  if (contigs.size() > shown)
    names += ", ... (" + std::to_string(contigs.size()) + " in all)";
  return names;
}

// Sorts a contig's spans and merges overlapping or touching ones.
void SortAndMerge(std::vector<Span>* spans) {
  std::sort(spans->begin(), spans->end(),
            [](const Span& a, const Span& b) { return a.begin < b.begin; });
  std::vector<Span> merged;
  for (const Span& s : *spans) {
    if (!merged.empty() && (merged.back().end < 0 || s.begin <= merged.back().end)) {
      if (merged.back().end >= 0)
        merged.back().end = s.end < 0 ? -1 : std::max(merged.back().end, s.end);
      continue;
    }
    merged.push_back(s);
  }
  *spans = std::move(merged);
}

// Largest-remainder apportioning of `total` over `weights`; ties go to the earlier span.
std::vector<int64_t> Apportion(int64_t total, const std::vector<int64_t>& weights) {
  using u128 = unsigned __int128;
  u128 sum = 0;
  for (int64_t w : weights)
    sum += static_cast<uint64_t>(w);
  std::vector<int64_t> shares(weights.size(), 0);
  if (sum == 0)
    return shares;
  std::vector<std::pair<u128, size_t>> remainders;
  int64_t given = 0;
  for (size_t i = 0; i < weights.size(); ++i) {
    u128 product =
        static_cast<u128>(static_cast<uint64_t>(total)) * static_cast<uint64_t>(weights[i]);
    shares[i] = static_cast<int64_t>(product / sum);
    given += shares[i];
    remainders.emplace_back(product % sum, i);
  }
  std::stable_sort(remainders.begin(), remainders.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (size_t i = 0; given < total; ++i, ++given)
    ++shares[remainders[i].second];
  return shares;
}

}  // namespace

uint64_t SpanKey(const std::string& contig, int64_t begin) {
  return HashName(contig) ^ Mix64(static_cast<uint64_t>(begin));
}

Status Plan::Make(const Options& options,
                  const std::vector<ContigInfo>& contigs,
                  const GapIndex& gaps,
                  Plan* plan) {
  *plan = Plan();
  plan->has_regions_ = !options.regions.empty();
  std::map<std::string, int64_t> lengths;
  for (const ContigInfo& c : contigs)
    lengths[c.name] = c.length;
  for (Region r : options.regions) {
    // "HLA-A*01:01" reads as contig "HLA-A*01", position 1, unless the whole text is a name.
    if (!r.text.empty() && lengths.count(r.text) && !lengths.count(r.contig))
      r = Region{r.text, 0, -1, r.text};
    if (!contigs.empty()) {
      auto it = lengths.find(r.contig);
      if (it == lengths.end()) {
        return Status::Error("region " + FormatRegion(r) + ": unknown contig '" + r.contig +
                             "' (known: " + KnownNames(contigs) + ")");
      }
      if (r.begin >= it->second || r.end > it->second) {
        return Status::Error("region " + FormatRegion(r) + " lies past the end of " + r.contig +
                             " (length " + std::to_string(it->second) + ")");
      }
    }
    plan->spans_by_contig_[r.contig].push_back(NewSpan(r.begin, r.end, false));
  }
  for (auto& [name, spans] : plan->spans_by_contig_)
    SortAndMerge(&spans);
  if (contigs.empty())
    return Status::Ok();

  // With lengths: resolve open ends, then apportion -N over the spans that can hold a fragment.
  if (!plan->has_regions_) {
    for (const ContigInfo& c : contigs)
      plan->spans_by_contig_[c.name].push_back(NewSpan(0, c.length, true));
  }
  std::vector<std::pair<const std::string*, Span*>> ordered;
  for (const ContigInfo& c : contigs) {
    auto it = plan->spans_by_contig_.find(c.name);
    if (it == plan->spans_by_contig_.end())
      continue;
    for (Span& s : it->second) {
      if (s.end < 0)
        s.end = c.length;
      ordered.emplace_back(&c.name, &s);
    }
  }
  if (options.coverage > 0)
    return Status::Ok();
  const UsableRule rule = UsableRuleOf(options);
  std::vector<int64_t> weights;
  for (auto& [name, s] : ordered) {
    const ContigGaps* contig_gaps = gaps.Find(*name);
    std::vector<NRun> runs;
    if (contig_gaps)
      runs = gaps.RunsIn(*contig_gaps, s->begin, s->end);
    s->runs_known = contig_gaps != nullptr;
    s->usable = UsablePerBlock(runs, s->end - s->begin, rule, options.block_size);
    int64_t total = 0;
    for (int64_t u : s->usable)
      total += u;
    weights.push_back(total);
  }
  if (options.num_pairs > 0 &&
      std::all_of(weights.begin(), weights.end(), [](int64_t w) { return w == 0; })) {
    return Status::Error(
        "no contig or region has room for a read: each is shorter than the longest read (" +
        std::to_string(options.longest_read()) + " bases) or (nearly) all N");
  }
  std::vector<int64_t> shares = Apportion(options.num_pairs, weights);
  for (size_t i = 0; i < ordered.size(); ++i)
    ordered[i].second->pairs = shares[i];
  return Status::Ok();
}

std::vector<Plan::Placed> Plan::Ordered(const std::vector<ContigInfo>& contigs) const {
  std::vector<Placed> out;
  for (const ContigInfo& c : contigs) {
    for (const Span& s : SpansOf(c.name))
      out.push_back(Placed{c.name, s});
  }
  return out;
}

std::vector<Span> Plan::SpansOf(const std::string& contig) const {
  auto it = spans_by_contig_.find(contig);
  if (it != spans_by_contig_.end())
    return it->second;
  if (has_regions_)
    return {};
  return {NewSpan(0, -1, true)};
}

Status Plan::CheckContigLength(const std::string& contig, int64_t length) const {
  auto it = spans_by_contig_.find(contig);
  if (it == spans_by_contig_.end())
    return Status::Ok();
  for (const Span& s : it->second) {
    if (s.begin >= length || s.end > length) {
      Region r{contig, s.begin, s.end, {}};
      return Status::Error("region " + FormatRegion(r) + " lies past the end of " + contig +
                           " (length " + std::to_string(length) + ")");
    }
  }
  return Status::Ok();
}

Status Plan::CheckAllRegionsSeen(const std::vector<std::string>& seen) const {
  for (const auto& [name, spans] : spans_by_contig_) {
    if (std::find(seen.begin(), seen.end(), name) == seen.end()) {
      std::vector<ContigInfo> known;
      for (const std::string& s : seen)
        known.push_back(ContigInfo{s, 0});
      return Status::Error("region " +
                           FormatRegion(Region{name, spans[0].begin, spans[0].end, {}}) +
                           ": unknown contig '" + name + "' (known: " + KnownNames(known) + ")");
    }
  }
  return Status::Ok();
}

std::vector<int64_t> SplitPairsOverBlocks(const Options& options,
                                          uint64_t span_key,
                                          const std::vector<int64_t>& usable,
                                          int64_t pairs) {
  std::vector<int64_t> counts(usable.size(), 0);
  int64_t remaining_pairs = pairs;
  int64_t remaining_positions = 0;
  for (int64_t u : usable)
    remaining_positions += u;
  for (size_t b = 0; b < usable.size() && remaining_pairs > 0; ++b) {
    const int64_t positions = usable[b];
    if (positions == 0)
      continue;
    int64_t n = remaining_pairs;
    if (positions < remaining_positions) {
      Rng rng = MakeRng(options.seed, span_key, static_cast<int64_t>(b), StreamPurpose::kPairCount);
      double p = static_cast<double>(positions) / static_cast<double>(remaining_positions);
      n = boost::random::binomial_distribution<int64_t, double>(remaining_pairs, p)(rng);
    }
    counts[b] = n;
    remaining_pairs -= n;
    remaining_positions -= positions;
  }
  return counts;
}

int64_t CoveragePairsInBlock(const Options& options,
                             uint64_t span_key,
                             int64_t block,
                             int64_t usable_positions) {
  double bases_per_pair = static_cast<double>(options.read1_length + options.read2_length);
  double expected = options.coverage * static_cast<double>(usable_positions) / bases_per_pair;
  double whole = std::floor(expected);
  Rng rng = MakeRng(options.seed, span_key, block, StreamPurpose::kPairCount);
  bool extra = boost::random::uniform_01<double>()(rng) < expected - whole;
  return static_cast<int64_t>(whole) + (extra ? 1 : 0);
}

}  // namespace readforge
