// The Simulator ties the engine together: reference bytes go in (push, in chunks of any size),
// FASTQ and truth bytes come out (pull). It holds one block of one span at a time (plus the
// look-ahead a fragment needs), so memory does not grow with contig or genome size.
//
//   Simulator sim(options, layout);            // what is known of the reference: contigs, N runs
//   if (!sim.Start().ok()) ...
//   for each chunk: copy it into sim.InputBuffer(n), sim.CommitInput(n),
//                   then while (sim.Run() == kOutputReady) write sim.Output(...) for each
//                   stream and call sim.ConsumeOutputs()
//   sim.Finish(); drain the same way until Run() returns kDone (or kError: see error()).
#ifndef READFORGE_ENGINE_SIMULATOR_H_
#define READFORGE_ENGINE_SIMULATOR_H_

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "engine/options.h"
#include "engine/plan.h"
#include "engine/planted_variants.h"
#include "engine/reference_input.h"
#include "engine/span_notes.h"
#include "engine/span_simulator.h"
#include "formats/bam_header.h"
#include "formats/bgzf_writer.h"
#include "formats/gap_index.h"
#include "formats/reference_layout.h"
#include "formats/status.h"

namespace readforge {

// kAlignmentIndex: the entries of the BAM's index (bam_index_stream.h), for the host, not a file.
enum class OutputStream {
  kRead1 = 0,
  kRead2 = 1,
  kMutations = 2,
  kVcf = 3,
  kAlignments = 4,
  kAlignmentIndex = 5,
};
inline constexpr size_t kOutputStreams = 6;

// A whole -N run that could place none of its pairs has failed, though nothing was malformed.
Status CheckPairsPlaced(const Options& options, const SimulatorStats& stats);

class Simulator {
 public:
  // kNeedVariantInput: the VCF of --variants must be read further (VariantBuffer below).
  enum class State { kNeedInput, kOutputReady, kDone, kError, kNeedVariantInput };

  // Output is produced in pieces of about this size.
  static constexpr size_t kOutputChunk = size_t{1} << 18;

  // `layout`: the contigs (from a .fai, a sidecar or a first pass; or none) and their N runs,
  // which -N needs to place pairs where reads can be; without known runs, contigs are taken to
  // hold no N, and the run fails with a clear message if one does. Simulators of one run share
  // it.
  Simulator(Options options, SharedLayout layout);
  // The same with a layout of its own (tests, single runs).
  Simulator(Options options, ContigList contigs, GapIndex gaps = GapIndex());

  // Validates the options and plans the run. Call once, before anything else.
  Status Start();

  // Input: a buffer of `n` bytes to fill, then CommitInput(bytes actually written). Only valid
  // when Run() has returned kNeedInput (or before the first Run()).
  char* InputBuffer(size_t n) { return input_.Buffer(n); }
  void CommitInput(size_t n) { input_.Commit(n); }
  void Finish() { input_.Finish(); }

  // The VCF of --variants (options.plant_variants), pushed as the reference is, when Run() says
  // kNeedVariantInput; FinishVariants() at its end.
  char* VariantBuffer(size_t n) { return planted_->reader().Buffer(n); }
  void CommitVariants(size_t n) { planted_->reader().Commit(n); }
  void FinishVariants() { planted_->reader().Finish(); }

  // Variant blocks (variant_block.h), for hosts that draw variants on one thread and make reads
  // on another; both before the first Run(). ExportVariantBlocks(): this simulator draws every
  // block's variants (planted ones too) and writes their truth into the blocks, makes no pairs
  // and writes nothing; Run() says kOutputReady while blocks wait in TakeVariantBlocks(). The
  // host ends the stream it hands on with a kEnd block (stats().planted) or a kError one.
  // UseVariantBlocks(): this one draws nothing, and takes the next block (TakeVariantBlock)
  // whenever Run() says kNeedVariantInput. Same options, reference and VCF for both.
  void ExportVariantBlocks() {
    exporting_ = true;
    span_.ExportVariantBlocks(&exported_);
  }
  void TakeVariantBlocks(std::vector<std::shared_ptr<const VariantBlock>>* into) {
    into->swap(exported_);
    exported_.clear();
  }
  void UseVariantBlocks() {
    importing_ = true;
    span_.ImportVariantBlocks();
  }
  void TakeVariantBlock(std::shared_ptr<const VariantBlock> block);

  State Run();

  // Sparse input, for hosts that fetch only the bytes of the spans from an indexed file (a
  // remote FASTA): the bytes pushed next are contig `name`'s sequence from base `position` on
  // (a range from RegionBytes). Spans must be fed whole and in the order spans() gives. Only
  // between Run() calls that returned kNeedInput, and only with contig lengths.
  Status BeginContigAt(const std::string& name, int64_t position);
  // The spans this run simulates, in order: what a sparse host has to fetch.
  std::vector<Plan::Placed> spans() const { return plan_.Ordered(); }
  // --genome-truth: the community's table (community.h), from the plan; "" without a community.
  // The same in every part of a run (threads, Workers, shards), once Start() succeeded.
  std::string GenomeTruth() const;
  // --copy-number-truth: each contig's stretches of copies and ploidy (copy_number.h); "" when
  // the contigs' lengths are not known.
  std::string CopyNumberTruth() const;
  // The bytes produced since the last ConsumeOutputs(). Every stream must be drained: Run()
  // returns kOutputReady while any holds a full chunk.
  std::string_view Output(OutputStream stream) const { return outputs_[static_cast<int>(stream)]; }
  // Output(stream) handed over without a copy: `into` gets the bytes, and what it held (dropped)
  // lends its memory to the stream's next chunk. For hosts that pass chunks to other threads.
  void TakeOutput(OutputStream stream, std::string* into) {
    into->clear();
    outputs_[static_cast<int>(stream)].swap(*into);
  }
  // Empties every output stream (keeping their memory for the next chunk).
  void ConsumeOutputs() {
    for (std::string& s : outputs_)
      s.clear();
  }

  const std::string& error() const { return error_; }
  // The error is about the VCF of --variants (and names it), not about the reference; or came
  // with an imported variant block (and names its file, whichever it is).
  bool error_in_variants() const { return (planted_ && planted_->failed()) || imported_failure_; }
  const SimulatorStats& stats() const { return stats_; }
  std::vector<std::string> warnings() const { return FormatWarnings(notes_, stats_, options_); }
  // What the spans had to say: every simulator over the same reference and options notes the
  // same spans (each with its own share of dropped pairs and cut fragments).
  const SpanNotes& span_notes() const { return notes_; }

  // With options.block_stride > 1, Run() also returns kOutputReady when one of this simulator's
  // blocks has just been completed, so that the output held belongs to one block: the host can
  // then interleave several simulators block by block. block_complete() tells which return that
  // was.
  bool block_complete() const { return block_complete_; }
  int64_t total_reference_bases() const { return total_bases_; }  // -1 without an index
  // After kDone: whether this run's blocks reach the run's end. Hosts of several simulators
  // (block_stride > 1) then append BgzfWriter::EndOfFile() to each compressed stream.
  bool holds_last_block() const { return holds_last_block_; }

 private:
  State Fail(std::string message);
  Status FeedInput();
  Status Step(const InputStep& step);
  Status StepBlock(bool* completed_in_range, bool* need_variants);
  Status FinishInput();
  size_t BufferedOutput() const;
  // Where the span writes a stream's text: outputs_, or plain_ when it is compressed.
  std::string* Target(OutputStream stream);
  // Compresses the whole BGZF blocks of plain text held (all of it at a block's end).
  void CompressOutputs(bool block_end);
  // The same for the BAM's `whole` bytes held, with their index's entries.
  void CompressAlignments(size_t whole);
  // The next piece of the truth VCF's header.
  void WriteVcfHeader();
  // The next piece of the truth alignments' header.
  void WriteAlignmentHeader();
  // The next piece of the records of the block just completed.
  void WriteAlignments();
  // The end of the run: the rest compressed, and the BGZF end-of-file block when this
  // simulator writes the run's last block.
  void FinishOutputs();

  const Options options_;
  const SharedLayout layout_;
  std::unique_ptr<PlantedVariants> planted_;  // with --variants
  Plan plan_;
  ReferenceInput input_;
  SpanSimulator span_;
  std::array<std::string, kOutputStreams> outputs_;
  // Compressed streams (options.compress): the span writes plain text to plain_, compressed
  // into outputs_ a BGZF block at a time and at the end of each simulation block.
  std::array<std::string, kOutputStreams> plain_;
  std::array<std::unique_ptr<BgzfWriter>, kOutputStreams> bgzf_;
  bool vcf_header_pending_ = false;
  size_t vcf_header_contig_ = 0;  // the next ##contig line's
  // --bam, --sam: the header's lines after @SQ (@RG, @PG), and its writer while it is written.
  std::string alignment_header_lines_;
  std::unique_ptr<BamHeaderWriter> alignment_header_;
  // A block of this run was completed whose records are still being written: block_complete()
  // once they are.
  bool block_complete_pending_ = false;
  // With options.alignment_index: where the records held in plain text end, and the sizes of
  // the blocks just made of them.
  std::vector<RecordEnd> record_ends_;
  std::vector<uint32_t> block_sizes_;
  bool end_of_file_written_ = false;
  bool holds_last_block_ = false;
  bool started_ = false;
  bool failed_ = false;
  std::string error_;
  SpanNotes notes_;
  int64_t spans_ended_ = 0;
  // The contigs of regions that the input held (regions on others are an error at its end).
  std::unordered_set<std::string> region_contigs_seen_;
  bool block_complete_ = false;
  bool exporting_ = false;
  std::vector<std::shared_ptr<const VariantBlock>> exported_;
  bool importing_ = false;
  bool imported_end_ = false;  // the kEnd block came: its counts are stats_.planted's
  SimulatorStats::Planted imported_planted_;
  bool imported_failure_ = false;
  std::string imported_error_;
  SimulatorStats stats_;
  int64_t total_bases_ = -1;
  int64_t global_block_base_ = 0;  // blocks in the spans before the current one
  int64_t pair_counter_ = 0;       // pairs planned in the blocks before the current one

  // The spans of the contig being read, and the next one to start.
  std::vector<Span> contig_spans_;
  size_t next_span_ = 0;
};

}  // namespace readforge

#endif  // READFORGE_ENGINE_SIMULATOR_H_
