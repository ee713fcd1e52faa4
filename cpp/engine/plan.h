// What gets simulated where: the spans (whole contigs, or the requested regions on them), how
// many read pairs each gets, and how those are spread over the span's blocks.
//
// What the plan holds: with -N and whole contigs, one count of pairs per contig (8 bytes); with
// regions, their spans (grouped by contig name); nothing else per contig. Usable positions per
// block are worked out again from the N runs when a span starts, as the plan worked them out.
#ifndef READFORGE_ENGINE_PLAN_H_
#define READFORGE_ENGINE_PLAN_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "engine/community.h"
#include "engine/copy_number.h"
#include "engine/options.h"
#include "formats/contig_list.h"
#include "formats/gap_index.h"
#include "formats/status.h"

namespace readforge {

// --amplicons: one amplicon of a span (span coordinates) and the pairs it gets.
struct SpanAmplicon {
  int64_t begin = 0;
  int64_t length = 0;
  int64_t pairs = 0;
};

struct Span {
  int64_t begin = 0;   // contig coordinates, 0-based half-open
  int64_t end = -1;    // -1: the contig's end, not known yet (streaming without an index)
  int64_t pairs = -1;  // -N mode: the pairs apportioned to the span; -1 in -C mode
  bool whole = false;  // the whole contig (no regions asked for)
  // -N mode: usable fragment starts per block (usable_positions.h), from the N runs. The run
  // checks each block against the bases it holds.
  std::vector<int64_t> usable;
  bool runs_known = false;  // the N runs came from a scan or a sidecar (else: assumed none)
  // --amplicons: the span's amplicons by their start, with their pairs (which add up to
  // `pairs`); every fragment of the span is one of them.
  std::vector<SpanAmplicon> amplicons;
  // --copy-number: the span's segments (span coordinates) and, in -N mode, its usable positions
  // per block weighted by their copies, which share the span's pairs out over its blocks.
  std::vector<CopySpan> copies;
  // Its stretches whose ploidy is not the run's (--ploidy-override), in span coordinates.
  std::vector<PloidySpan> ploidy;
  std::vector<int64_t> weights;
};

class Plan {
 public:
  // With contig lengths (an index): validates regions and apportions -N pairs over the spans by
  // usable positions (largest remainder). `contigs` is empty when no index is known; without
  // known `gaps`, contigs are taken to hold no N (and checked as the run goes). The plan keeps
  // references to all three: they must outlive it.
  static Status Make(const Options& options,
                     const ContigList& contigs,
                     const GapIndex& gaps,
                     Plan* plan);

  // The spans of a contig, sorted and merged, with their usable positions in -N mode: whole
  // contig when no regions were asked for. `ordinal`: the contig's number in the index (-1
  // without one).
  void SpansOf(int64_t ordinal, std::string_view name, std::vector<Span>* spans) const;
  // Whether regions name the contig (without an index: to tell which were seen).
  bool HasRegionsOn(std::string_view name) const;

  // Every span in reference order (needs the index the plan was made with), without usable
  // positions: what a host reading only the spans' bytes has to fetch.
  struct Placed {
    std::string contig;
    size_t ordinal = 0;  // the contig's number in the index
    Span span;
  };
  std::vector<Placed> Ordered() const;

  // Called at the end of a contig streamed without an index; checks its regions fit.
  Status CheckContigLength(const std::string& contig, int64_t length) const;

  // Called at the end of input; names regions on contigs that never appeared (`seen`: those
  // of the regions' contigs that did; `seen_names`: the input's, for the message).
  Status CheckAllRegionsSeen(const std::unordered_set<std::string>& seen,
                             const std::string& seen_names) const;

  // With a community (--genome-map): what each genome was given, by the community's genome
  // numbers (empty without one, or with -C).
  const std::vector<GenomeTally>& genome_tallies() const { return tallies_; }

 private:
  Span WholeContig(size_t ordinal) const;
  // -N over a community: over its genomes by their abundance (or coverage, or usable length),
  // then over each genome's spans (`ordinals`: their contigs; `span_bases`: their lengths) by
  // `weights`, their usable positions, which become their pairs.
  // --amplicons: the spans are the merged amplicons, each with its amplicons' pairs.
  Status PlaceAmplicons();
  Status ApportionOverGenomes(const std::vector<size_t>& ordinals,
                              const std::vector<int64_t>& span_bases,
                              std::vector<int64_t>* weights);
  void AddUsable(size_t ordinal, Span* span) const;
  // -C with --copy-number: the span's segments alone (its pairs follow them block by block).
  void AddCopies(size_t ordinal, Span* span) const;
  // What shares -N out: the span's usable positions, weighted by copies with --copy-number.
  static int64_t Weight(const Span& span);

  const Options* options_ = nullptr;
  const ContigList* contigs_ = nullptr;
  const GapIndex* gaps_ = nullptr;
  bool has_regions_ = false;
  std::map<std::string, std::vector<Span>, std::less<>> regions_;  // by contig, with regions
  std::vector<int64_t> pairs_;  // per contig: whole contigs in -N mode
  std::vector<GenomeTally> tallies_;
};

// Pairs per block of a span in -N mode: a chain of binomial draws over the blocks' shares of the
// span's usable positions, each from the block's own stream.
std::vector<int64_t> SplitPairsOverBlocks(const Options& options,
                                          uint64_t span_key,
                                          const std::vector<int64_t>& usable,
                                          int64_t pairs);

// Pairs of one block in -C mode: coverage x usable positions / bases per pair, with the
// fraction rounded up with its own probability.
int64_t CoveragePairsInBlock(const Options& options,
                             uint64_t span_key,
                             int64_t block,
                             double usable_positions);

// A stable key for the random streams of a span.
uint64_t SpanKey(std::string_view contig, int64_t begin);

}  // namespace readforge

#endif  // READFORGE_ENGINE_PLAN_H_
