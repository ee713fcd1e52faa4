#include "engine/simulator.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "engine/random.h"
#include "engine/text.h"

namespace readforge {
namespace {

constexpr int64_t kUnbounded = std::numeric_limits<int64_t>::max() / 4;
constexpr size_t kMaxParseStep = size_t{1} << 20;

std::string SpanName(const std::string& contig, const Span& span, int64_t length) {
  if (span.whole)
    return contig;
  return FormatRegion(Region{contig, span.begin, span.begin + length, {}});
}

}  // namespace

Status CheckPairsPlaced(const Options& options, const SimulatorStats& stats) {
  if (options.coverage > 0 || options.num_pairs == 0 || stats.pairs > 0)
    return Status::Ok();
  return Status::Error("none of the " + std::to_string(options.num_pairs) +
                       " read pairs could be placed: every contig or region long enough for a "
                       "fragment is (nearly) all N");
}

Simulator::Simulator(Options options, std::vector<ContigInfo> contigs)
    : options_(std::move(options)), contigs_(std::move(contigs)), sampler_(options_) {
  const double sd = options_.std_dev;
  const double low = static_cast<double>(options_.outer_distance) - 4 * sd;
  stats_.fragment_lengths.start = std::max<int64_t>(0, static_cast<int64_t>(low));
  stats_.fragment_lengths.width =
      std::max<int64_t>(1, static_cast<int64_t>(std::ceil(8 * sd / FragmentHistogram::kBins)));
}

Status Simulator::Start() {
  RF_RETURN_IF_ERROR(ValidateOptions(options_));
  if (options_.coverage <= 0 && contigs_.empty()) {
    return Status::Error(
        "-N needs the contig lengths: give an index (.fai), or ask for a fold coverage with -C");
  }
  if (options_.write_vcf && contigs_.empty())
    return Status::Error("--vcf needs the contig lengths for its header: give an index (.fai)");
  RF_RETURN_IF_ERROR(Plan::Make(options_, contigs_, &plan_));
  if (!contigs_.empty()) {
    total_bases_ = 0;
    for (const ContigInfo& c : contigs_)
      total_bases_ += c.length;
  }
  if (options_.write_vcf && options_.first_block == 0 && options_.block_phase == 0)
    AppendVcfHeader(contigs_, &outputs_[static_cast<int>(OutputStream::kVcf)]);
  started_ = true;
  return Status::Ok();
}

char* Simulator::InputBuffer(size_t n) {
  input_.resize(n);
  cursor_ = 0;
  return input_.data();
}

void Simulator::CommitInput(size_t n) {
  input_.resize(n);
  cursor_ = 0;
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

Simulator::State Simulator::Run() {
  if (failed_)
    return State::kError;
  if (!started_)
    return Fail("Start() was not called");
  block_complete_ = false;
  while (true) {
    if (BufferedOutput() >= kOutputChunk)
      return State::kOutputReady;
    if (span_active_ && BlockReady()) {
      const int64_t global = global_block_base_ + block_;
      const bool in_range = InRange(block_);
      if (ProcessBlock() && in_range && options_.block_stride > 1) {
        block_complete_ = true;  // see block_complete(); reset by the next Run()
        completed_block_ = global;
        return State::kOutputReady;
      }
      continue;
    }
    if (cursor_ < input_.size()) {
      Status s = FeedParser();
      if (!s.ok())
        return Fail(s.message());
      continue;
    }
    if (!input_finished_)
      return State::kNeedInput;
    if (!parser_finished_) {
      parser_finished_ = true;
      if (parser_.Finish() == FastaParser::Event::kError)
        return Fail(parser_.error());
      Status s = in_contig_ ? EndContig() : Status::Ok();
      if (!s.ok())
        return Fail(s.message());
      continue;
    }
    if (!sparse_ && !contigs_.empty() &&
        contig_ordinal_ + 1 < static_cast<int64_t>(contigs_.size())) {
      return Fail("the index (.fai) does not match the reference: it lists " +
                  std::to_string(contigs_.size()) + " contigs, the FASTA has " +
                  std::to_string(contig_ordinal_ + 1));
    }
    Status s = plan_.CheckAllRegionsSeen(seen_contigs_);
    const bool whole_run =
        options_.first_block == 0 && options_.end_block < 0 && options_.block_stride == 1;
    if (s.ok() && whole_run)
      s = CheckPairsPlaced(options_, stats_);
    if (!s.ok())
      return Fail(s.message());
    return BufferedOutput() > 0 ? State::kOutputReady : State::kDone;
  }
}

Status Simulator::FeedParser() {
  if (in_contig_ && !span_active_ && next_span_ < contig_spans_.size() &&
      contig_spans_[next_span_].begin == contig_pos_) {
    StartSpan(contig_spans_[next_span_++]);
  }
  char* dst = nullptr;
  size_t capacity = kMaxParseStep;
  if (span_active_ && in_contig_ && span_contig_ == contig_name_ && !span_complete_) {
    // Never more room than the input could fill: Reserve() zero-fills what it adds.
    int64_t room = std::min<int64_t>(NeedEnd(block_) - window_.end(),
                                     static_cast<int64_t>(input_.size() - cursor_));
    capacity = static_cast<size_t>(std::min<int64_t>(room, kMaxParseStep));
    dst = window_.Reserve(capacity);
  } else if (in_contig_ && next_span_ < contig_spans_.size()) {
    capacity = static_cast<size_t>(
        std::min<int64_t>(contig_spans_[next_span_].begin - contig_pos_, kMaxParseStep));
  }
  const char* p = input_.data() + cursor_;
  size_t written = 0;
  FastaParser::Event event =
      parser_.Next(&p, input_.data() + input_.size(), dst, capacity, &written);
  cursor_ = static_cast<size_t>(p - input_.data());
  if (dst)
    window_.Commit(written);
  switch (event) {
    case FastaParser::Event::kError:
      return Status::Error(parser_.error());
    case FastaParser::Event::kHeader:
      if (sparse_) {  // a span's bytes hold no header unless the index is for another file
        return Status::Error("the index (.fai) does not match the FASTA: the bytes of " +
                             contig_name_ + " from base " + std::to_string(contig_pos_ + 1) +
                             " hold a header ('>" + parser_.name() + "')");
      }
      if (in_contig_)
        RF_RETURN_IF_ERROR(EndContig());
      return BeginContig(parser_.name());
    case FastaParser::Event::kBases:
      contig_pos_ += static_cast<int64_t>(written);
      stats_.reference_bases += static_cast<int64_t>(written);
      if (dst && span_.end >= 0 && contig_pos_ >= span_.end)
        span_complete_ = true;
      return Status::Ok();
    case FastaParser::Event::kNeedInput:
      return Status::Ok();
  }
  return Status::Ok();
}

Status Simulator::BeginContig(const std::string& name) {
  ++contig_ordinal_;
  ++stats_.contigs;
  if (!contigs_.empty()) {
    if (contig_ordinal_ >= static_cast<int64_t>(contigs_.size())) {
      return Status::Error(
          "the index (.fai) does not match the reference: the FASTA has more than "
          "its " +
          std::to_string(contigs_.size()) + " contigs ('" + name + "')");
    }
    const std::string& expected = contigs_[static_cast<size_t>(contig_ordinal_)].name;
    if (expected != name) {
      return Status::Error("the index (.fai) does not match the reference: contig " +
                           std::to_string(contig_ordinal_ + 1) + " is '" + name +
                           "' in the FASTA but '" + expected + "' in the index");
    }
  }
  in_contig_ = true;
  contig_name_ = name;
  contig_pos_ = 0;
  contig_spans_ = plan_.SpansOf(name);
  next_span_ = 0;
  seen_contigs_.push_back(name);
  return Status::Ok();
}

Status Simulator::EndContig() {
  in_contig_ = false;
  if (sparse_) {
    if (span_active_ && span_contig_ == contig_name_ && !span_complete_) {
      return Status::Error("the input of " + contig_name_ + " stopped at base " +
                           std::to_string(contig_pos_) + ", inside a span that ends at " +
                           std::to_string(span_.end) + " (a short read of a remote file?)");
    }
    return Status::Ok();
  }
  if (!contigs_.empty()) {
    int64_t expected = contigs_[static_cast<size_t>(contig_ordinal_)].length;
    if (expected != contig_pos_) {
      return Status::Error("the index (.fai) does not match the reference: contig '" +
                           contig_name_ + "' has " + std::to_string(contig_pos_) +
                           " bases, the index says " + std::to_string(expected));
    }
  } else {
    RF_RETURN_IF_ERROR(plan_.CheckContigLength(contig_name_, contig_pos_));
  }
  if (span_active_ && span_contig_ == contig_name_ && !span_complete_) {
    span_complete_ = true;
    span_length_ = contig_pos_ - span_.begin;
  }
  return Status::Ok();
}

Status Simulator::BeginContigAt(const std::string& name, int64_t position) {
  if (contigs_.empty())
    return Status::Error("sparse input needs the contig lengths (an index)");
  if (cursor_ < input_.size())
    return Status::Error("BeginContigAt() called with input left to process");
  auto known = std::find_if(contigs_.begin(), contigs_.end(),
                            [&](const ContigInfo& c) { return c.name == name; });
  if (known == contigs_.end())
    return Status::Error("unknown contig '" + name + "'");
  sparse_ = true;
  if (in_contig_)
    RF_RETURN_IF_ERROR(EndContig());
  parser_.ResumeSequence(name);
  contig_ordinal_ = known - contigs_.begin();
  in_contig_ = true;
  contig_name_ = name;
  contig_pos_ = position;
  contig_spans_ = plan_.SpansOf(name);
  next_span_ = 0;
  while (next_span_ < contig_spans_.size() && contig_spans_[next_span_].begin < position)
    ++next_span_;
  if (std::find(seen_contigs_.begin(), seen_contigs_.end(), name) == seen_contigs_.end()) {
    seen_contigs_.push_back(name);
    ++stats_.contigs;
  }
  return Status::Ok();
}

void Simulator::StartSpan(const Span& span) {
  span_active_ = true;
  span_complete_ = false;
  span_contig_ = contig_name_;
  span_ = span;
  span_length_ = span.end >= 0 ? span.end - span.begin : -1;
  span_key_ = SpanKey(span_contig_, span.begin);
  window_.Reset();
  variants_.clear();
  variant_block_ = 0;
  block_ = 0;
  block_started_ = false;
  pair_index_ = 0;
  span_dropped_ = 0;
  block_pairs_.clear();
  if (span.pairs > 0 && span_length_ >= options_.longest_read()) {
    block_pairs_ = SplitPairsOverBlocks(options_, span_key_,
                                        span_length_ - options_.longest_read() + 1, span.pairs);
  }
}

void Simulator::EndSpan() {
  span_active_ = false;
  const int64_t block = options_.block_size;
  global_block_base_ += (span_length_ + block - 1) / block;
  // A note for every span, so that hosts merging several simulators can add them up by index.
  notes_.push_back(SpanNote{SpanName(span_contig_, span_, span_length_), span_length_,
                            span_length_ < options_.longest_read(), span_dropped_});
  window_.Reset();
  variants_.clear();
}

int64_t Simulator::NeedEnd(int64_t block) const {
  // The block itself, the longest fragment starting in it, rounded up to whole blocks so that
  // every variant a read may meet has been drawn.
  const int64_t size = options_.block_size;
  // One base more tells, when the span's length is not known, that the last of those blocks is
  // not the span's last (whose deletions stop one base short of the end).
  int64_t reach = (block + 1) * size + options_.max_fragment();
  int64_t end = (reach + size - 1) / size * size + 1;
  return span_length_ >= 0 ? std::min(end, span_length_) : end;
}

bool Simulator::BlockReady() const {
  return span_complete_ || window_.end() >= NeedEnd(block_);
}

bool Simulator::InRange(int64_t block) const {
  int64_t global = global_block_base_ + block;
  return global >= options_.first_block &&
         (options_.end_block < 0 || global < options_.end_block) &&
         global % options_.block_stride == options_.block_phase;
}

void Simulator::GenerateVariantsUpTo(int64_t limit) {
  const int64_t size = options_.block_size;
  while (variant_block_ * size < limit) {
    int64_t begin = variant_block_ * size;
    int64_t end = begin + size;
    bool last = span_length_ >= 0 && end >= span_length_;
    if (last)
      end = span_length_;
    // Not before all its bases are here (reads look at the base under every variant); and a
    // block of unknown length waits for one base more, in case it turns out to be the last.
    if (last ? end > window_.end() : end >= window_.end())
      return;
    Rng rng = MakeRng(options_.seed, span_key_, variant_block_, StreamPurpose::kVariants);
    GenerateVariants(options_, rng, begin, end, last ? end - 1 : end, &variants_);
    ++variant_block_;
  }
}

bool Simulator::ProcessBlock() {
  const int64_t size = options_.block_size;
  const int64_t m = options_.longest_read();
  const int64_t length = span_complete_ ? span_length_ : kUnbounded;
  const int64_t block_begin = block_ * size;
  const int64_t block_end = std::min(block_begin + size, length);
  const bool skipped = span_complete_ && span_length_ < m;
  const bool in_range = InRange(block_);
  SpanPlace place{span_contig_, span_.begin};
  if (!block_started_) {
    block_started_ = true;
    GenerateVariantsUpTo(std::min(window_.end(), length));
    std::string* mutations =
        options_.write_mutations ? &outputs_[static_cast<int>(OutputStream::kMutations)] : nullptr;
    std::string* vcf =
        options_.write_vcf ? &outputs_[static_cast<int>(OutputStream::kVcf)] : nullptr;
    for (const Variant& v : variants_) {
      if (v.pos >= block_end)
        break;
      if (!in_range || skipped || window_.at(v.pos) == 'N')
        continue;
      AppendTruth(v, window_, place, options_.haploid, mutations, vcf);
      stats_.snps += v.type == VariantType::kSnp;
      stats_.insertions += v.type == VariantType::kInsertion;
      stats_.deletions += v.type == VariantType::kDeletion;
    }
    // Fragments start where at least the longest read fits: [0, length - m].
    const int64_t start_end = std::min(block_end, length - m + 1);
    int64_t pairs = 0;
    if (!skipped && start_end > block_begin) {
      if (options_.coverage > 0)
        pairs = CoveragePairsInBlock(options_, span_key_, block_, start_end - block_begin);
      else if (block_ < static_cast<int64_t>(block_pairs_.size()))
        pairs = block_pairs_[static_cast<size_t>(block_)];
    }
    sampler_.StartBlock(span_key_, block_, block_begin, start_end, in_range ? pairs : 0,
                        pair_index_);
    pair_index_ += pairs;
  }
  std::string* read1 = &outputs_[static_cast<int>(OutputStream::kRead1)];
  ReadOutputs out{read1, nullptr};
  if (options_.paired())
    out.read2 = options_.interleaved ? read1 : &outputs_[static_cast<int>(OutputStream::kRead2)];
  SamplerCounters counters;
  counters.histogram = &stats_.fragment_lengths;
  sampler_.Run(window_, variants_, place, length, out, kOutputChunk, &counters);
  stats_.pairs += counters.pairs;
  stats_.read_bases += counters.bases;
  stats_.errors += counters.errors;
  stats_.dropped_pairs += counters.dropped;
  stats_.fragment_length_sum += counters.fragment_length_sum;
  span_dropped_ += counters.dropped;
  if (!sampler_.done())
    return false;
  // The block is done: keep one base before the next block (a VCF deletion anchor).
  block_started_ = false;
  ++block_;
  window_.DropBefore(block_end - 1);
  auto first_kept = std::find_if(variants_.begin(), variants_.end(),
                                 [&](const Variant& v) { return v.pos >= block_end; });
  variants_.erase(variants_.begin(), first_kept);
  if (block_end >= length)
    EndSpan();
  return true;
}

}  // namespace readforge
