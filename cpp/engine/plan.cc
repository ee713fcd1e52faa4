#include "engine/plan.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <utility>

#include <boost/random/binomial_distribution.hpp>
#include <boost/random/uniform_01.hpp>

#include "engine/amplicons.h"
#include "engine/community.h"
#include "engine/random.h"
#include "engine/usable_positions.h"
#include "formats/text.h"

namespace readforge {
namespace {

Span NewSpan(int64_t begin, int64_t end, bool whole) {
  Span span;
  span.begin = begin;
  span.end = end;
  span.whole = whole;
  return span;
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

// Largest-remainder apportioning of `total` over the weights in `values`, in place (ties go to
// the earlier span). The remainders are not sorted: the k-th largest is found, and the spans
// above it and the first ones at it get the k pairs left over; a million contigs need no more
// than one more array of them.
void Apportion(int64_t total, std::vector<int64_t>* values) {
  using u128 = unsigned __int128;
  uint64_t sum = 0;
  for (int64_t w : *values)
    sum += static_cast<uint64_t>(w);
  if (sum == 0)
    return;  // every weight is 0, and so is every share
  const u128 t = static_cast<uint64_t>(total);
  int64_t given = 0;
  std::vector<uint64_t> remainders(values->size());
  for (size_t i = 0; i < values->size(); ++i) {
    const u128 product = t * static_cast<uint64_t>((*values)[i]);
    given += static_cast<int64_t>(product / sum);
    remainders[i] = static_cast<uint64_t>(product % sum);
  }
  // The remainders add up to (total - given) * sum, each below sum: more of them are positive
  // than pairs are left, so the threshold is positive whenever any is.
  const size_t left = static_cast<size_t>(total - given);
  uint64_t threshold = 0;
  size_t at_threshold = 0;
  if (left > 0) {
    std::nth_element(remainders.begin(), remainders.begin() + (left - 1), remainders.end(),
                     std::greater<uint64_t>());
    threshold = remainders[left - 1];
    size_t above = 0;
    for (uint64_t r : remainders)
      above += r > threshold;
    at_threshold = left - above;
  }
  remainders = std::vector<uint64_t>();
  for (int64_t& v : *values) {
    const u128 product = t * static_cast<uint64_t>(v);
    const uint64_t remainder = static_cast<uint64_t>(product % sum);
    v = static_cast<int64_t>(product / sum);
    if (left > 0 && remainder > threshold) {
      ++v;
    } else if (left > 0 && remainder == threshold && at_threshold > 0) {
      ++v;
      --at_threshold;
    }
  }
}

int64_t Sum(const std::vector<int64_t>& values) {
  int64_t total = 0;
  for (int64_t v : values)
    total += v;
  return total;
}

}  // namespace

uint64_t SpanKey(std::string_view contig, int64_t begin) {
  return HashName(contig) ^ Mix64(static_cast<uint64_t>(begin));
}

Status Plan::Make(const Options& options,
                  const ContigList& contigs,
                  const GapIndex& gaps,
                  Plan* plan) {
  *plan = Plan();
  plan->options_ = &options;
  plan->contigs_ = &contigs;
  plan->gaps_ = &gaps;
  plan->has_regions_ = !options.regions.empty() || options.amplicons;
  if (options.copy_number) {
    if (contigs.empty())
      return Status::Error("--copy-number needs the contig lengths: give an index (.fai)");
    RF_RETURN_IF_ERROR(options.copy_number->Check(contigs, options));
  }
  if (options.somatic_copy_number) {
    if (contigs.empty())
      return Status::Error("--somatic-copy-number needs the contig lengths: give an index (.fai)");
    RF_RETURN_IF_ERROR(options.somatic_copy_number->Check(contigs, options));
  }
  if (!options.ploidy_overrides.empty()) {
    if (contigs.empty())
      return Status::Error("--ploidy-override needs the contig lengths: give an index (.fai)");
    RF_RETURN_IF_ERROR(CheckPloidyOverrides(options.ploidy_overrides, contigs));
  }
  if (options.amplicons) {
    if (contigs.empty())
      return Status::Error("--amplicons needs the contig lengths: give an index (.fai)");
    return plan->PlaceAmplicons();
  }
  for (Region r : options.regions) {
    // "HLA-A*01:01" reads as contig "HLA-A*01", position 1, unless the whole text is a name.
    if (!r.text.empty() && contigs.Contains(r.text) && !contigs.Contains(r.contig))
      r = Region{r.text, 0, -1, r.text};
    if (!contigs.empty()) {
      const int64_t i = contigs.IndexOf(r.contig);
      if (i < 0) {
        return Status::Error("region " + FormatRegion(r) + ": unknown contig '" + r.contig +
                             "' (known: " + contigs.FirstNames() + ")");
      }
      const int64_t length = contigs.length(static_cast<size_t>(i));
      if (r.begin >= length || r.end > length) {
        return Status::Error("region " + FormatRegion(r) + " lies past the end of " + r.contig +
                             " (length " + std::to_string(length) + ")");
      }
    }
    plan->regions_[r.contig].push_back(NewSpan(r.begin, r.end, false));
  }
  for (auto& [name, spans] : plan->regions_)
    SortAndMerge(&spans);
  if (contigs.empty())
    return Status::Ok();

  // With lengths: resolve open ends, then apportion -N over the spans that can hold a fragment.
  // Regions' spans in reference order:
  std::vector<std::pair<size_t, Span*>> ordered;
  for (auto& [name, spans] : plan->regions_) {
    const size_t i = static_cast<size_t>(contigs.IndexOf(name));
    for (Span& s : spans) {
      if (s.end < 0)
        s.end = contigs.length(i);
      ordered.emplace_back(i, &s);
    }
  }
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  if (options.coverage > 0)
    return Status::Ok();
  std::vector<int64_t> weights;
  std::vector<int64_t> span_bases;  // with a community, for its truth
  if (plan->has_regions_) {
    for (auto& [i, s] : ordered) {
      Span with_usable = *s;
      plan->AddUsable(i, &with_usable);
      weights.push_back(Weight(with_usable));
      span_bases.push_back(s->end - s->begin);
    }
  } else {
    weights.resize(contigs.size());
    for (size_t i = 0; i < contigs.size(); ++i) {
      Span whole = NewSpan(0, contigs.length(i), true);
      plan->AddUsable(i, &whole);
      weights[i] = Weight(whole);
    }
    if (options.community) {
      span_bases.resize(contigs.size());
      for (size_t i = 0; i < contigs.size(); ++i)
        span_bases[i] = contigs.length(i);
    }
  }
  if (options.num_pairs > 0 &&
      std::all_of(weights.begin(), weights.end(), [](int64_t w) { return w == 0; })) {
    return Status::Error(
        "no contig or region has room for a read: each is shorter than the longest read (" +
        std::to_string(options.longest_read()) + " bases) or (nearly) all N");
  }
  if (options.community) {
    std::vector<size_t> ordinals(weights.size());
    for (size_t k = 0; k < weights.size(); ++k)
      ordinals[k] = plan->has_regions_ ? ordered[k].first : k;
    RF_RETURN_IF_ERROR(plan->ApportionOverGenomes(ordinals, span_bases, &weights));
  } else {
    Apportion(options.num_pairs, &weights);
  }
  if (plan->has_regions_) {
    for (size_t k = 0; k < ordered.size(); ++k)
      ordered[k].second->pairs = weights[k];
  } else {
    plan->pairs_ = std::move(weights);
  }
  return Status::Ok();
}

Status Plan::PlaceAmplicons() {
  const Options& options = *options_;
  const AmpliconPanel& panel = *options.amplicons;
  RF_RETURN_IF_ERROR(
      panel.Check(*contigs_, options.longest_read(), static_cast<bool>(options.adapters)));
  // Primers do not bind across a gap (a run of kGapLength N or more): such an amplicon is from
  // a panel for another assembly. Single ambiguous bases are read as N, as wgsim does.
  constexpr int64_t kGapLength = 10;
  if (gaps_->known()) {
    for (const AmpliconRecord& a : panel.amplicons()) {
      const size_t ordinal = static_cast<size_t>(contigs_->IndexOf(a.contig));
      for (const NRun& run : gaps_->RunsIn(ordinal, a.begin, a.end)) {
        if (run.end - run.begin < kGapLength)
          continue;
        return Status::Error(
            panel.path() + " line " + std::to_string(a.line) + " (" + a.name + "): a gap of " +
            std::to_string(run.end - run.begin) + " N bases at " +
            FormatRegion(Region{a.contig, a.begin + run.begin, a.begin + run.end, {}}) +
            ": an amplicon's sequence must be known");
      }
    }
  }
  std::vector<int64_t> counts;
  RF_RETURN_IF_ERROR(DrawAmpliconPairs(panel, options.seed, options.amplicon_dropout,
                                       options.amplicon_spread, options.num_pairs, &counts));
  // Amplicons by contig and start, merged into spans that overlap or touch.
  const std::vector<AmpliconRecord>& amplicons = panel.amplicons();
  std::vector<size_t> order(amplicons.size());
  for (size_t i = 0; i < order.size(); ++i)
    order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (amplicons[a].contig != amplicons[b].contig)
      return amplicons[a].contig < amplicons[b].contig;
    return amplicons[a].begin < amplicons[b].begin;
  });
  for (size_t i : order) {
    const AmpliconRecord& a = amplicons[i];
    std::vector<Span>& spans = regions_[a.contig];
    if (spans.empty() || a.begin > spans.back().end) {
      spans.push_back(NewSpan(a.begin, a.end, false));
      spans.back().pairs = 0;
    }
    Span& span = spans.back();
    span.end = std::max(span.end, a.end);
    span.pairs += counts[i];
    span.amplicons.push_back(SpanAmplicon{a.begin, a.end - a.begin, counts[i]});
  }
  // Span coordinates, once each span's begin is final.
  for (auto& [contig, spans] : regions_) {
    for (Span& span : spans) {
      for (SpanAmplicon& a : span.amplicons)
        a.begin -= span.begin;
    }
  }
  return Status::Ok();
}

Status Plan::ApportionOverGenomes(const std::vector<size_t>& ordinals,
                                  const std::vector<int64_t>& span_bases,
                                  std::vector<int64_t>* weights) {
  const Options& options = *options_;
  const Community& community = *options.community;
  const ContigList& contigs = *contigs_;
  const size_t genomes = community.genomes().size();
  // Every contig of the reference has a genome, and every contig of the map is in the reference.
  std::vector<uint32_t> genome_of(contigs.size());
  for (size_t i = 0; i < contigs.size(); ++i) {
    const int64_t g = community.GenomeOf(contigs.name(i));
    if (g < 0) {
      return Status::Error(community.map_name() + ": the reference's contig '" +
                           std::string(contigs.name(i)) +
                           "' has no genome; every contig needs a 'contig genome' line");
    }
    genome_of[i] = static_cast<uint32_t>(g);
  }
  if (community.map_size() > contigs.size()) {
    for (const std::string& contig : community.map_contigs()) {
      if (!contigs.Contains(contig)) {
        return Status::Error(community.map_name() + ": contig '" + contig +
                             "' is not in the reference (known: " + contigs.FirstNames() + ")");
      }
    }
  }
  tallies_.assign(genomes, GenomeTally());
  for (size_t i = 0; i < contigs.size(); ++i)
    ++tallies_[genome_of[i]].contigs;
  for (size_t k = 0; k < weights->size(); ++k) {
    GenomeTally& t = tallies_[genome_of[ordinals[k]]];
    t.bases += span_bases[k];
    t.usable += (*weights)[k];
  }
  // Each genome's pairs.
  std::vector<double> shares;
  if (options.abundance_distribution != AbundanceDistribution::kNone) {
    RF_RETURN_IF_ERROR(DrawAbundances(options.abundance_distribution, options.abundance_sigma,
                                      options.abundance_zeros, options.seed, genomes, &shares));
  } else if (community.measure() != Community::Measure::kLength) {
    shares = community.amounts();
  }
  std::vector<int64_t> genome_pairs(genomes, 0);
  const int64_t bases_per_pair = options.read1_length + options.read2_length;
  if (shares.empty()) {  // by usable length, as contigs without a community
    for (size_t g = 0; g < genomes; ++g) {
      genome_pairs[g] = tallies_[g].usable;
      tallies_[g].asked = static_cast<double>(tallies_[g].usable);
    }
    const double sum = static_cast<double>(Sum(genome_pairs));
    for (GenomeTally& t : tallies_)
      t.asked = sum > 0 ? t.asked / sum : 0;
    Apportion(options.num_pairs, &genome_pairs);
  } else if (community.measure() == Community::Measure::kCoverage &&
             options.abundance_distribution == AbundanceDistribution::kNone) {
    for (size_t g = 0; g < genomes; ++g) {
      tallies_[g].asked = shares[g];
      // (With --copy-number or ploidy, usable positions count once per copy.)
      const double per_position = options.copies_vary() ? options.baseline_copies() : 1;
      const double pairs = std::round(shares[g] * static_cast<double>(tallies_[g].usable) /
                                      per_position / static_cast<double>(bases_per_pair));
      if (pairs > static_cast<double>(kMaxPairs)) {
        return Status::Error("genome '" + community.genomes()[g] + "' at coverage " +
                             FormatNumber(shares[g]) + " would need more than " +
                             std::to_string(kMaxPairs) + " pairs");
      }
      genome_pairs[g] = static_cast<int64_t>(pairs);
    }
  } else {
    // Shares in fixed point (2^32 for the largest), so apportioning is integer arithmetic.
    double top = 0;
    for (double share : shares)
      top = std::max(top, share);
    for (size_t g = 0; g < genomes; ++g) {
      tallies_[g].asked = shares[g];
      genome_pairs[g] = static_cast<int64_t>(std::llround(shares[g] / top * 4294967296.0));
    }
    Apportion(options.num_pairs, &genome_pairs);
  }
  for (size_t g = 0; g < genomes; ++g) {
    if (genome_pairs[g] > 0 && tallies_[g].usable == 0) {
      return Status::Error("genome '" + community.genomes()[g] +
                           "' has no room for a read: each of its contigs is shorter than the "
                           "longest read (" +
                           std::to_string(options.longest_read()) + " bases) or (nearly) all N");
    }
    tallies_[g].pairs = genome_pairs[g];
  }
  if (Sum(genome_pairs) > kMaxPairs)
    return Status::Error("the coverage table asks for more than " + std::to_string(kMaxPairs) +
                         " pairs in all");
  // Then each genome's pairs over its spans, by usable positions.
  std::vector<size_t> order(weights->size());
  for (size_t k = 0; k < order.size(); ++k)
    order[k] = k;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return genome_of[ordinals[a]] < genome_of[ordinals[b]];
  });
  std::vector<int64_t> part;
  for (size_t at = 0; at < order.size();) {
    const uint32_t g = genome_of[ordinals[order[at]]];
    size_t end = at;
    part.clear();
    while (end < order.size() && genome_of[ordinals[order[end]]] == g)
      part.push_back((*weights)[order[end++]]);
    Apportion(genome_pairs[g], &part);
    for (size_t j = at; j < end; ++j)
      (*weights)[order[j]] = part[j - at];
    at = end;
  }
  return Status::Ok();
}

void Plan::AddUsable(size_t ordinal, Span* span) const {
  std::vector<NRun> runs;
  if (gaps_->known())
    runs = gaps_->RunsIn(ordinal, span->begin, span->end);
  span->runs_known = gaps_->known();
  const UsableRule rule = UsableRuleOf(*options_);
  span->usable = UsablePerBlock(runs, span->end - span->begin, rule, options_->block_size);
  span->ploidy = PloidyIn(options_->ploidy_overrides, options_->run_ploidy(),
                          contigs_->name(ordinal), span->begin, span->end);
  if (options_->copies_vary()) {
    span->copies = CopiesIn(*options_, contigs_->name(ordinal), span->begin, span->end);
    span->weights = WeightedPerBlock(runs, span->end - span->begin, rule, options_->block_size,
                                     span->copies, options_->baseline_copies());
  }
}

int64_t Plan::Weight(const Span& span) {
  return Sum(span.weights.empty() ? span.usable : span.weights);
}

Span Plan::WholeContig(size_t ordinal) const {
  Span span = NewSpan(0, contigs_->length(ordinal), true);
  if (!pairs_.empty())
    span.pairs = pairs_[ordinal];
  return span;
}

void Plan::SpansOf(int64_t ordinal, std::string_view name, std::vector<Span>* spans) const {
  spans->clear();
  const bool pairs_mode = options_->coverage <= 0;
  if (has_regions_) {
    auto it = regions_.find(name);
    if (it == regions_.end())
      return;
    for (const Span& s : it->second) {
      spans->push_back(s);
      if (ordinal >= 0 && pairs_mode)
        AddUsable(static_cast<size_t>(ordinal), &spans->back());
      else if (ordinal >= 0)
        AddCopies(static_cast<size_t>(ordinal), &spans->back());
    }
    return;
  }
  if (ordinal < 0) {
    spans->push_back(NewSpan(0, -1, true));
    return;
  }
  spans->push_back(WholeContig(static_cast<size_t>(ordinal)));
  if (pairs_mode)
    AddUsable(static_cast<size_t>(ordinal), &spans->back());
  else
    AddCopies(static_cast<size_t>(ordinal), &spans->back());
}

void Plan::AddCopies(size_t ordinal, Span* span) const {
  span->ploidy = PloidyIn(options_->ploidy_overrides, options_->run_ploidy(),
                          contigs_->name(ordinal), span->begin, span->end);
  if (options_->copies_vary())
    span->copies = CopiesIn(*options_, contigs_->name(ordinal), span->begin, span->end);
}

bool Plan::HasRegionsOn(std::string_view name) const {
  return regions_.find(name) != regions_.end();
}

std::vector<Plan::Placed> Plan::Ordered() const {
  std::vector<Placed> out;
  for (size_t i = 0; i < contigs_->size(); ++i) {
    const std::string_view name = contigs_->name(i);
    if (!has_regions_) {
      out.push_back(Placed{std::string(name), i, WholeContig(i)});
      continue;
    }
    auto it = regions_.find(name);
    if (it == regions_.end())
      continue;
    for (const Span& s : it->second)
      out.push_back(Placed{std::string(name), i, s});
  }
  return out;
}

Status Plan::CheckContigLength(const std::string& contig, int64_t length) const {
  auto it = regions_.find(contig);
  if (it == regions_.end())
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

Status Plan::CheckAllRegionsSeen(const std::unordered_set<std::string>& seen,
                                 const std::string& seen_names) const {
  for (const auto& [name, spans] : regions_) {
    if (seen.count(name) == 0) {
      return Status::Error("region " +
                           FormatRegion(Region{name, spans[0].begin, spans[0].end, {}}) +
                           ": unknown contig '" + name + "' (known: " + seen_names + ")");
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
                             double usable_positions) {
  double bases_per_pair = static_cast<double>(options.read1_length + options.read2_length);
  double expected = options.coverage * usable_positions / bases_per_pair;
  double whole = std::floor(expected);
  Rng rng = MakeRng(options.seed, span_key, block, StreamPurpose::kPairCount);
  bool extra = boost::random::uniform_01<double>()(rng) < expected - whole;
  return static_cast<int64_t>(whole) + (extra ? 1 : 0);
}

}  // namespace readforge
