#include "engine/simulator.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <utility>

#include "engine/arguments.h"
#include "engine/copy_number.h"
#include "engine/truth_alignments.h"
#include "engine/version.h"
#include "formats/bam_index_stream.h"

namespace readforge {
namespace {

constexpr size_t kMaxParseStep = size_t{1} << 20;

}  // namespace

Status CheckPairsPlaced(const Options& options, const SimulatorStats& stats) {
  if (options.coverage > 0 || options.num_pairs == 0 || stats.pairs > 0)
    return Status::Ok();
  return Status::Error("none of the " + std::to_string(options.num_pairs) +
                       " read pairs could be placed: every contig or region long enough for a "
                       "fragment is (nearly) all N");
}

namespace {

SharedLayout MakeLayout(ContigList contigs, GapIndex gaps) {
  auto layout = std::make_shared<ReferenceLayout>();
  layout->contigs = std::move(contigs);
  layout->gaps = std::move(gaps);
  return layout;
}

}  // namespace

Simulator::Simulator(Options options, ContigList contigs, GapIndex gaps)
    : Simulator(std::move(options), MakeLayout(std::move(contigs), std::move(gaps))) {}

Simulator::Simulator(Options options, SharedLayout layout)
    : options_(std::move(options)),
      layout_(std::move(layout)),
      planted_(options_.plant_variants
                   ? std::make_unique<PlantedVariants>(options_, layout_->contigs)
                   : nullptr),
      input_(layout_->contigs),
      span_(options_, layout_->gaps.source, planted_.get()) {
  input_.set_index_name(layout_->contigs_from);
  // The summary's histogram of fragment lengths spans what the model draws.
  FragmentLengths& lengths = stats_.fragment_lengths;
  if (const auto& h = options_.fragment_histogram) {
    lengths.start = h->shortest();
    lengths.width = std::max<int64_t>(
        1, (h->longest() - h->shortest() + FragmentLengths::kBins) / FragmentLengths::kBins);
  } else {
    const double sd = options_.std_dev;
    const double low = static_cast<double>(options_.outer_distance) - 4 * sd;
    lengths.start = std::max<int64_t>(0, static_cast<int64_t>(low));
    lengths.width =
        std::max<int64_t>(1, static_cast<int64_t>(std::ceil(8 * sd / FragmentLengths::kBins)));
  }
}

Status Simulator::Start() {
  RF_RETURN_IF_ERROR(ValidateOptions(options_));
  const ContigList& contigs = layout_->contigs;
  if (options_.coverage <= 0 && contigs.empty()) {
    return Status::Error(
        "-N needs the contig lengths: give an index (.fai), or ask for a fold coverage with -C");
  }
  if (options_.write_vcf && contigs.empty())
    return Status::Error("--vcf needs the contig lengths for its header: give an index (.fai)");
  const bool alignments = options_.alignments != Options::Alignments::kNone;
  if (alignments && contigs.empty()) {
    return Status::Error(
        "--bam and --sam need the contig lengths for their header: give an index (.fai)");
  }
  if (alignments) {
    for (size_t i = 0; i < contigs.size(); ++i) {
      if (contigs.length(i) > INT32_MAX) {
        return Status::Error("--bam and --sam hold contigs of up to 2^31 - 1 bases; " +
                             std::string(contigs.name(i)) + " has " +
                             std::to_string(contigs.length(i)));
      }
    }
  }
  if (options_.plant_variants && contigs.empty()) {
    return Status::Error(
        "--variants needs the contig names and lengths (to follow the VCF in step with the "
        "reference): give an index (.fai), a sidecar (--gaps), or a reference file");
  }
  RF_RETURN_IF_ERROR(Plan::Make(options_, contigs, layout_->gaps, &plan_));
  if (options_.quality_profile) {
    stats_.cycle_quality_sums[0].assign(static_cast<size_t>(options_.read1_length), 0);
    stats_.cycle_quality_sums[1].assign(static_cast<size_t>(options_.read2_length), 0);
  }
  if (!contigs.empty())
    total_bases_ = contigs.total_length();
  for (size_t i = 0; i < bgzf_.size(); ++i) {
    if (options_.compressed(i))
      bgzf_[i] = std::make_unique<BgzfWriter>();
  }
  // The reads' buffers fill to a chunk plus one pair before they are drained: reserved at that
  // size once, they never double past it (a large share of a run's memory, which counts where
  // many runs share a heap, as at the edge).
  const size_t pair_text = 4 * static_cast<size_t>(options_.longest_read()) + 1024;
  Target(OutputStream::kRead1)->reserve(kOutputChunk + 2 * pair_text);
  if (options_.paired() && !options_.interleaved)
    Target(OutputStream::kRead2)->reserve(kOutputChunk + pair_text);
  // The header goes with block 0: to the shard holding it (not to empty shards [0, 0), which
  // a run split into more shards than it has blocks asks for) and to the thread of phase 0.
  const bool holds_first_block = options_.first_block == 0 && options_.end_block != 0;
  vcf_header_pending_ = options_.write_vcf && holds_first_block && options_.block_phase == 0;
  if (alignments && holds_first_block && options_.block_phase == 0) {
    const std::string group = ReadGroupOf(options_);
    alignment_header_lines_ = "@RG\tID:" + group + "\tSM:" + group +
                              "\n@PG\tID:readforge\tPN:" + "readforge\tVN:" + kVersion +
                              "\tCL:" + CanonicalSettings(options_) + "\n";
    alignment_header_ = std::make_unique<BamHeaderWriter>(
        layout_->contigs, layout_->contig_md5, alignment_header_lines_,
        options_.alignments == Options::Alignments::kBam);
  }
  started_ = true;
  return Status::Ok();
}

std::string Simulator::GenomeTruth() const {
  if (!options_.community || plan_.genome_tallies().empty())
    return "";
  return GenomeTruthText(*options_.community, options_.abundance_distribution,
                         plan_.genome_tallies(), options_.read1_length + options_.read2_length);
}

std::string Simulator::CopyNumberTruth() const {
  return layout_->contigs.empty() ? "" : CopyNumberTruthText(options_, layout_->contigs);
}

std::string* Simulator::Target(OutputStream stream) {
  const size_t i = static_cast<size_t>(stream);
  return bgzf_[i] ? &plain_[i] : &outputs_[i];
}

void Simulator::CompressOutputs(bool block_end) {
  for (size_t i = 0; i < bgzf_.size(); ++i) {
    if (!bgzf_[i] || plain_[i].empty())
      continue;
    const size_t whole = block_end
                             ? plain_[i].size()
                             : plain_[i].size() / BgzfWriter::kBlockData * BgzfWriter::kBlockData;
    if (i == static_cast<size_t>(OutputStream::kAlignments) && options_.alignment_index) {
      CompressAlignments(whole);
      continue;
    }
    bgzf_[i]->Compress(std::string_view(plain_[i]).substr(0, whole), &outputs_[i]);
    plain_[i].erase(0, whole);
  }
}

void Simulator::CompressAlignments(size_t whole) {
  const size_t stream = static_cast<size_t>(OutputStream::kAlignments);
  std::string& entries = outputs_[static_cast<size_t>(OutputStream::kAlignmentIndex)];
  block_sizes_.clear();
  bgzf_[stream]->Compress(std::string_view(plain_[stream]).substr(0, whole), &outputs_[stream],
                          &block_sizes_);
  plain_[stream].erase(0, whole);
  // Each block, then the records that end in it.
  size_t r = 0;
  uint64_t begin = 0;
  for (uint32_t size : block_sizes_) {
    const uint64_t data = std::min<uint64_t>(BgzfWriter::kBlockData, whole - begin);
    AppendIndexBlock(size, static_cast<uint32_t>(data), &entries);
    for (; r < record_ends_.size() && record_ends_[r].offset <= begin + data; ++r) {
      const RecordEnd& e = record_ends_[r];
      AppendIndexRecord(e.tid, e.pos, e.end, e.mapped, static_cast<uint32_t>(e.offset - begin),
                        &entries);
    }
    begin += data;
  }
  record_ends_.erase(record_ends_.begin(), record_ends_.begin() + static_cast<ptrdiff_t>(r));
  for (RecordEnd& e : record_ends_)
    e.offset -= whole;
}

void Simulator::FinishOutputs() {
  CompressOutputs(true);
  if (end_of_file_written_)
    return;
  end_of_file_written_ = true;
  // global_block_base_ now counts the run's blocks. The end-of-file block goes with the last
  // one: from the shard that holds it, never from threads (their host adds it after merging).
  const int64_t total = global_block_base_;
  holds_last_block_ = (options_.first_block < total || options_.first_block == 0) &&
                      (options_.end_block < 0 || options_.end_block >= total);
  if (!holds_last_block_ || options_.block_stride > 1)
    return;
  for (size_t i = 0; i < bgzf_.size(); ++i) {
    if (bgzf_[i])
      outputs_[i].append(BgzfWriter::EndOfFile());
  }
}

size_t Simulator::BufferedOutput() const {
  size_t n = 0;
  for (const std::string& s : outputs_)
    n = std::max(n, s.size());
  return n;
}

Simulator::State Simulator::Fail(std::string message) {
  failed_ = true;
  error_ = std::move(message);
  return State::kError;
}

void Simulator::TakeVariantBlock(std::shared_ptr<const VariantBlock> block) {
  switch (block->kind) {
    case VariantBlock::Kind::kBlock:
      span_.TakeVariantBlock(std::move(block));
      break;
    case VariantBlock::Kind::kEnd:
      imported_end_ = true;
      imported_planted_ = block->planted;
      break;
    case VariantBlock::Kind::kError:
      imported_failure_ = true;
      imported_error_ = block->error;
      break;
  }
}

Simulator::State Simulator::Run() {
  if (imported_failure_ && !failed_)
    return Fail(imported_error_);
  if (failed_)
    return State::kError;
  if (!started_)
    return Fail("Start() was not called");
  block_complete_ = false;
  while (true) {
    if (BufferedOutput() >= kOutputChunk || !exported_.empty())
      return State::kOutputReady;
    if (vcf_header_pending_) {
      WriteVcfHeader();
      continue;
    }
    if (alignment_header_) {
      WriteAlignmentHeader();
      continue;
    }
    if (span_.alignments_pending()) {
      WriteAlignments();
      if (!span_.alignments_pending() && block_complete_pending_) {
        block_complete_pending_ = false;
        block_complete_ = true;
        return State::kOutputReady;
      }
      continue;
    }
    Status s = Status::Ok();
    if (span_.active() && span_.BlockReady()) {
      bool completed_in_range = false;
      bool need_variants = false;
      s = StepBlock(&completed_in_range, &need_variants);
      if (s.ok() && need_variants)
        return State::kNeedVariantInput;
      if (s.ok() && completed_in_range && options_.block_stride > 1) {
        if (span_.alignments_pending()) {  // complete once its records are written
          block_complete_pending_ = true;
          continue;
        }
        block_complete_ = true;  // see block_complete(); reset by the next Run()
        return State::kOutputReady;
      }
    } else if (input_.has_bytes()) {
      s = FeedInput();
    } else if (!input_.finished()) {
      return State::kNeedInput;
    } else if (!input_.done()) {
      s = FinishInput();
    } else {
      if (importing_ && planted_) {  // the planting's counts come after the last block
        if (!imported_end_)
          return State::kNeedVariantInput;
        stats_.planted = imported_planted_;
      } else if (planted_) {  // the rest of the VCF: its order and contigs are checked all the same
        bool need_variants = false;
        s = planted_->ReadRest(&need_variants);
        if (s.ok() && need_variants)
          return State::kNeedVariantInput;
        if (s.ok())
          stats_.planted = planted_->counts();
      }
      if (s.ok())
        s = plan_.CheckAllRegionsSeen(region_contigs_seen_, input_.SeenNames());
      const bool whole_run =
          options_.first_block == 0 && options_.end_block < 0 && options_.block_stride == 1;
      if (s.ok() && whole_run && !exporting_)  // an exporting simulator makes no pairs
        s = CheckPairsPlaced(options_, stats_);
      if (s.ok()) {
        FinishOutputs();
        return BufferedOutput() > 0 ? State::kOutputReady : State::kDone;
      }
    }
    if (!s.ok())
      return Fail(s.message());
  }
}

void Simulator::WriteVcfHeader() {
  vcf_header_pending_ =
      !AppendVcfHeader(layout_->contigs, options_.plant_variants, options_.tumour(), kOutputChunk,
                       &vcf_header_contig_, Target(OutputStream::kVcf));
  // The header in blocks of its own, as bgzip and tabix expect.
  CompressOutputs(!vcf_header_pending_);
}

void Simulator::WriteAlignmentHeader() {
  if (alignment_header_->AppendNext(kOutputChunk, Target(OutputStream::kAlignments)))
    alignment_header_.reset();
  // The header in blocks of its own, as htslib writes it.
  CompressOutputs(!alignment_header_);
  if (!alignment_header_ && options_.alignment_index)
    AppendIndexHeaderEnd(&outputs_[static_cast<size_t>(OutputStream::kAlignmentIndex)]);
}

void Simulator::WriteAlignments() {
  const ContigList* sam =
      options_.alignments == Options::Alignments::kSam ? &layout_->contigs : nullptr;
  span_.WriteAlignments(kOutputChunk, sam, Target(OutputStream::kAlignments),
                        options_.alignment_index ? &record_ends_ : nullptr);
  // Whole BGZF blocks as the records come, the rest at the block's end.
  CompressOutputs(!span_.alignments_pending());
}

Status Simulator::StepBlock(bool* completed_in_range, bool* need_variants) {
  const bool in_range = span_.InRange(span_.global_block());
  SpanOutputs out;
  out.read1 = Target(OutputStream::kRead1);
  if (options_.paired())
    out.read2 = options_.interleaved ? out.read1 : Target(OutputStream::kRead2);
  if (options_.write_mutations)
    out.mutations = Target(OutputStream::kMutations);
  if (options_.write_vcf)
    out.vcf = Target(OutputStream::kVcf);
  bool done = false;
  RF_RETURN_IF_ERROR(
      span_.ProcessBlock(out, kOutputChunk, &pair_counter_, &stats_, &done, need_variants));
  CompressOutputs(done);
  if (!span_.active()) {
    // Notes by span number, so that hosts merging several simulators can add them up.
    SpanNote note = span_.note();
    note.index = spans_ended_++;
    notes_.Add(note);
    if (stats_.coverage.size() < kMaxTrackedSpans)
      stats_.coverage.push_back(span_.coverage());
    global_block_base_ += span_.blocks();
  }
  *completed_in_range = done && in_range;
  return Status::Ok();
}

Status Simulator::FeedInput() {
  if (input_.in_contig() && !span_.active() && next_span_ < contig_spans_.size() &&
      contig_spans_[next_span_].begin == input_.position()) {
    span_.Start(input_.contig(), input_.ordinal(), contig_spans_[next_span_++], global_block_base_);
  }
  char* dst = nullptr;
  size_t capacity = kMaxParseStep;
  if (span_.active() && input_.in_contig() && span_.contig() == input_.contig() &&
      !span_.complete()) {
    // Never more room than the input could fill: Reserve() zero-fills what it adds.
    int64_t room = std::min<int64_t>(span_.BasesWanted(), input_.bytes_left());
    capacity = static_cast<size_t>(std::min<int64_t>(room, kMaxParseStep));
    dst = span_.Reserve(capacity);
  } else if (input_.in_contig() && next_span_ < contig_spans_.size()) {
    capacity = static_cast<size_t>(
        std::min<int64_t>(contig_spans_[next_span_].begin - input_.position(), kMaxParseStep));
  }
  InputStep step;
  Status s = input_.Next(dst, capacity, &step);
  if (dst)
    span_.Commit(step.bases);
  RF_RETURN_IF_ERROR(s);
  stats_.reference_bases += static_cast<int64_t>(step.bases);
  return Step(step);
}

Status Simulator::FinishInput() {
  InputStep step;
  RF_RETURN_IF_ERROR(input_.End(&step));
  return Step(step);
}

Status Simulator::BeginContigAt(const std::string& name, int64_t position) {
  InputStep step;
  RF_RETURN_IF_ERROR(input_.BeginContigAt(name, position, &step));
  return Step(step);
}

Status Simulator::Step(const InputStep& step) {
  // A span still waiting for bases lies on the contig that ended.
  const bool open_span = span_.active() && !span_.complete();
  if (step.contig_ended && input_.sparse() && open_span) {
    return Status::Error("the input of " + step.ended + " stopped at base " +
                         std::to_string(step.ended_length) + ", inside a span that ends at " +
                         std::to_string(span_.span().end) + " (a short read of a remote file?)");
  }
  if (step.contig_ended && !input_.sparse()) {
    if (layout_->contigs.empty())
      RF_RETURN_IF_ERROR(plan_.CheckContigLength(step.ended, step.ended_length));
    if (open_span)
      span_.Complete(step.ended_length - span_.span().begin);
  }
  if (step.contig_began) {
    stats_.contigs = input_.contigs_seen();
    plan_.SpansOf(input_.ordinal(), input_.contig(), &contig_spans_);
    if (!contig_spans_.empty() && plan_.HasRegionsOn(input_.contig()))
      region_contigs_seen_.insert(input_.contig());
    next_span_ = 0;
    while (next_span_ < contig_spans_.size() && contig_spans_[next_span_].begin < input_.position())
      ++next_span_;
  }
  return Status::Ok();
}

}  // namespace readforge
