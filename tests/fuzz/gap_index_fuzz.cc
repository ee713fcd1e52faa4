// The gap sidecar (<ref>.gaps.bed) as a user might hand it over: truncated, edited, from another
// reference, or junk. The parser refuses with a message or returns sorted, disjoint runs inside
// their contigs that format back to the same text; a run planned with whatever it accepted
// either completes with exactly -N pairs (less those deletions left no room for, counted) or
// stops with a message, never a crash or a hang.
#include <string>
#include <vector>

#include "engine/simulator.h"
#include "formats/gap_index.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace readforge;
  fuzz::Bytes bytes(data, size);
  const int64_t pairs = bytes.Int(0, 300);
  const std::string text(bytes.Rest());
  GapIndex gaps;
  ContigList contigs;
  Status s = GapIndex::Parse(text, &contigs, &gaps);
  if (!s.ok()) {
    FUZZ_CHECK(!s.message().empty(), "a silent failure");
    return 0;
  }
  for (size_t i = 0; i < contigs.size(); ++i) {
    const std::vector<NRun> runs = gaps.RunsIn(i, 0, contigs.length(i));
    for (size_t k = 0; k < runs.size(); ++k) {
      FUZZ_CHECK(
          runs[k].begin >= 0 && runs[k].end > runs[k].begin && runs[k].end <= contigs.length(i),
          "a run outside its contig");
      FUZZ_CHECK(k == 0 || runs[k].begin > runs[k - 1].end, "runs out of order");
    }
  }
  GapIndex again;
  ContigList again_contigs;
  FUZZ_CHECK(GapIndex::Parse(gaps.Format(contigs), &again_contigs, &again).ok(),
             "its own text does not parse");
  FUZZ_CHECK(again_contigs == contigs && again.Format(again_contigs) == gaps.Format(contigs),
             "formatting does not round-trip");

  // A reference of the sidecar's contigs (when small), all A: runs that claim N where there is
  // none must be caught as the run reaches them.
  const int64_t total = contigs.total_length();
  if (total > 200000 || total == 0)
    return 0;
  std::string fasta;
  for (size_t i = 0; i < contigs.size(); ++i) {
    if (contigs.length(i) == 0)
      return 0;
    fasta += ">" + std::string(contigs.name(i)) + "\n" +
             std::string(static_cast<size_t>(contigs.length(i)), 'A') + "\n";
  }
  Options o;
  o.seed = 1;
  o.num_pairs = pairs;
  o.read1_length = o.read2_length = 30;
  o.outer_distance = 80;
  o.std_dev = 10;
  o.block_size = 1024;
  o.write_mutations = false;
  Simulator sim(o, contigs, gaps);
  if (!sim.Start().ok())
    return 0;  // contig names the FASTA parser would refuse, or nothing long enough
  bool fed = false;
  while (true) {
    Simulator::State state = sim.Run();
    if (state == Simulator::State::kError) {
      FUZZ_CHECK(!sim.error().empty(), "a silent failure");
      return 0;
    }
    if (state == Simulator::State::kDone)
      break;
    if (state == Simulator::State::kOutputReady)
      sim.ConsumeOutputs();
    if (state == Simulator::State::kNeedInput) {
      if (fed) {
        sim.CommitInput(0);
        sim.Finish();
      } else {
        std::copy(fasta.begin(), fasta.end(), sim.InputBuffer(fasta.size()));
        sim.CommitInput(fasta.size());
        fed = true;
      }
    }
  }
  // Random deletions can leave a contig barely longer than the reads with no room for them:
  // those pairs (and only those: there is no N) are counted apart, and the rest are made.
  // (The notes name the first SpanNotes::kShown spans that had something to say.)
  if (contigs.size() > SpanNotes::kShown)
    return 0;
  int64_t short_drops = 0;
  for (const SpanNote& n : sim.span_notes().shown())
    short_drops += n.dropped_short;
  FUZZ_CHECK(sim.stats().dropped_pairs == short_drops,
             "pairs dropped for Ns on an all-A reference");
  FUZZ_CHECK(sim.stats().pairs + short_drops == pairs,
             "-N not exact with runs that matched the bases");
  return 0;
}
