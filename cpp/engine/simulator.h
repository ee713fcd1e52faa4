// The Simulator ties the engine together: reference bytes go in (push, in chunks of any size),
// FASTQ and truth bytes come out (pull). It holds one block of one span at a time (plus the
// look-ahead a fragment needs), so memory does not grow with contig or genome size.
//
//   Simulator sim(options, contigs);           // contigs: from a .fai, or empty
//   if (!sim.Start().ok()) ...
//   for each chunk: copy it into sim.InputBuffer(n), sim.CommitInput(n),
//                   then while (sim.Run() == kOutputReady) write sim.Output(...) for each
//                   stream and call sim.ConsumeOutputs()
//   sim.Finish(); drain the same way until Run() returns kDone (or kError: see error()).
#ifndef READFORGE_ENGINE_SIMULATOR_H_
#define READFORGE_ENGINE_SIMULATOR_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/fasta_parser.h"
#include "engine/options.h"
#include "engine/pair_sampler.h"
#include "engine/plan.h"
#include "engine/span_notes.h"
#include "engine/span_window.h"
#include "engine/status.h"
#include "engine/truth_writer.h"
#include "engine/variants.h"

namespace readforge {

enum class OutputStream { kRead1 = 0, kRead2 = 1, kMutations = 2, kVcf = 3 };

struct SimulatorStats {
  int64_t reference_bases = 0;  // bases parsed so far
  int64_t contigs = 0;
  int64_t pairs = 0;
  int64_t read_bases = 0;
  int64_t errors = 0;
  int64_t dropped_pairs = 0;
  int64_t snps = 0;
  int64_t insertions = 0;
  int64_t deletions = 0;
  int64_t fragment_length_sum = 0;
  FragmentHistogram fragment_lengths;
};

// A whole -N run that could place none of its pairs has failed, though nothing was malformed.
Status CheckPairsPlaced(const Options& options, const SimulatorStats& stats);

class Simulator {
 public:
  enum class State { kNeedInput, kOutputReady, kDone, kError };

  // Output is produced in pieces of about this size.
  static constexpr size_t kOutputChunk = size_t{1} << 18;

  Simulator(Options options, std::vector<ContigInfo> contigs);

  // Validates the options and plans the run. Call once, before anything else.
  Status Start();

  // Input: a buffer of `n` bytes to fill, then CommitInput(bytes actually written). Only valid
  // when Run() has returned kNeedInput (or before the first Run()).
  char* InputBuffer(size_t n);
  void CommitInput(size_t n);
  void Finish() { input_finished_ = true; }

  State Run();

  // Sparse input, for hosts that fetch only the bytes of the spans from an indexed file (a
  // remote FASTA): the bytes pushed next are contig `name`'s sequence from base `position` on
  // (a range from RegionBytes). Spans must be fed whole and in the order spans() gives. Only
  // between Run() calls that returned kNeedInput, and only with contig lengths.
  Status BeginContigAt(const std::string& name, int64_t position);
  // The spans this run simulates, in order: what a sparse host has to fetch.
  std::vector<Plan::Placed> spans() const { return plan_.Ordered(contigs_); }
  // The bytes produced since the last ConsumeOutputs(). Every stream must be drained: Run()
  // returns kOutputReady while any holds a full chunk.
  std::string_view Output(OutputStream stream) const { return outputs_[static_cast<int>(stream)]; }
  // Empties every output stream (keeping their memory for the next chunk).
  void ConsumeOutputs() {
    for (std::string& s : outputs_)
      s.clear();
  }

  const std::string& error() const { return error_; }
  const SimulatorStats& stats() const { return stats_; }
  std::vector<std::string> warnings() const {
    return FormatWarnings(notes_, options_.longest_read());
  }
  // One per span, in reference order: every simulator over the same reference and options lists
  // the same spans (each with its own share of dropped pairs).
  const std::vector<SpanNote>& span_notes() const { return notes_; }

  // With options.block_stride > 1, Run() also returns kOutputReady when one of this simulator's
  // blocks has just been completed, so that the output held belongs to one block: the host can
  // then interleave several simulators block by block. block_complete() tells which return that
  // was, and completed_block() the block's global index.
  bool block_complete() const { return block_complete_; }
  int64_t completed_block() const { return completed_block_; }
  int64_t total_reference_bases() const { return total_bases_; }  // -1 without an index

 private:
  State Fail(std::string message);
  Status FeedParser();
  Status BeginContig(const std::string& name);
  Status EndContig();
  void StartSpan(const Span& span);
  void EndSpan();
  bool BlockReady() const;
  int64_t NeedEnd(int64_t block) const;
  bool ProcessBlock();  // true when the block was completed
  void GenerateVariantsUpTo(int64_t limit);
  bool InRange(int64_t block) const;
  size_t BufferedOutput() const;

  const Options options_;
  const std::vector<ContigInfo> contigs_;
  Plan plan_;
  FastaParser parser_;
  PairSampler sampler_;
  std::array<std::string, 4> outputs_;
  std::string input_;
  size_t cursor_ = 0;
  bool input_finished_ = false;
  bool parser_finished_ = false;
  bool started_ = false;
  bool failed_ = false;
  bool sparse_ = false;  // input comes as spans' byte ranges (BeginContigAt)
  std::string error_;
  std::vector<SpanNote> notes_;
  bool block_complete_ = false;
  int64_t completed_block_ = -1;
  SimulatorStats stats_;
  int64_t total_bases_ = -1;

  // The contig being parsed.
  bool in_contig_ = false;
  std::string contig_name_;
  int64_t contig_ordinal_ = -1;
  int64_t contig_pos_ = 0;
  std::vector<Span> contig_spans_;
  size_t next_span_ = 0;
  std::vector<std::string> seen_contigs_;

  // The span being simulated (it may outlive its contig's parsing by a few blocks).
  bool span_active_ = false;
  bool span_complete_ = false;  // all its bases have arrived
  std::string span_contig_;
  Span span_;
  int64_t span_length_ = -1;  // -1 while unknown
  uint64_t span_key_ = 0;
  int64_t global_block_base_ = 0;
  SpanWindow window_;
  std::vector<Variant> variants_;
  int64_t variant_block_ = 0;  // next block whose variants are to be drawn
  int64_t block_ = 0;          // block being simulated
  bool block_started_ = false;
  int64_t pair_index_ = 0;            // pairs planned in the span's earlier blocks
  std::vector<int64_t> block_pairs_;  // -N mode
  int64_t span_dropped_ = 0;
};

}  // namespace readforge

#endif  // READFORGE_ENGINE_SIMULATOR_H_
