#include "engine/pair_sampler.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include <boost/random/bernoulli_distribution.hpp>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/uniform_int_distribution.hpp>

#include "engine/haplotype_reader.h"
#include "formats/find_n.h"

namespace readforge {

PairSampler::PairSampler(const Options& options)
    : options_(options),
      writer_(options.constant_quality()),
      error_gap_(options.error_rate > 0 && options.error_rate < 1 ? options.error_rate : 0.5),
      max_ns_read1_(MaxNs(options.max_n_fraction, options.read1_length)),
      max_ns_read2_(MaxNs(options.max_n_fraction, options.read2_length)) {
  left_.resize(static_cast<size_t>(options.longest_read()));
  right_.resize(static_cast<size_t>(options.longest_read()));
  if (options.quality_profile) {
    quality_ = std::make_unique<QualityModel>(*options.quality_profile, options.read1_length,
                                              options.read2_length);
    qualities1_.resize(static_cast<size_t>(options.read1_length));
    qualities2_.resize(static_cast<size_t>(options.read2_length));
  }
  if (options.duplicate_rate > 0 || options.umi_length + options.umi_length2 > 0 ||
      options.illumina_names())
    library_ = std::make_unique<LibraryCopies>(options);
  if (options.alignments != Options::Alignments::kNone) {
    aligner_ = std::make_unique<TruthAligner>(options);
    left_source_.resize(static_cast<size_t>(options.longest_read()));
    right_source_.resize(static_cast<size_t>(options.longest_read()));
  }
}

void PairSampler::StartBlock(uint64_t span_key,
                             int64_t block,
                             const UsableSet* usable,
                             int64_t pairs,
                             int64_t first_index,
                             const SpanAmplicon* amplicons,
                             size_t amplicon_count) {
  rng_ = MakeRng(options_.seed, span_key, block, StreamPurpose::kPairs);
  if (quality_)
    quality_->StartBlock(options_.seed, span_key, block);
  if (library_)
    library_->StartBlock(span_key, block);
  spelling_stale_ = true;
  block_begin_ = block * options_.block_size;
  usable_ = usable;
  amplicons_ = amplicon_count > 0 ? amplicons : nullptr;
  amplicons_end_ = amplicons_ ? amplicons + amplicon_count : nullptr;
  amplicon_used_ = 0;
  pairs_ = usable->size() > 0 || amplicons_ ? pairs : 0;
  next_ = 0;
  first_index_ = first_index;
  SkipSpentAmplicons();
}

void PairSampler::UseCopies(const std::vector<CopySpan>* copies) {
  copies_ = copies;
  most_copies_ = options_.baseline_copies();
  baseline_copies_ = BaselineCopies(options_);
  if (copies) {
    for (const CopySpan& s : *copies)
      most_copies_ = std::max(most_copies_, s.total());
  }
}

void PairSampler::SkipSpentAmplicons() {
  while (amplicons_ && amplicons_ != amplicons_end_ && amplicon_used_ == amplicons_->pairs) {
    ++amplicons_;
    amplicon_used_ = 0;
  }
}

// A start is kept with probability copies / the span's most; one draw also picks the haplotype,
// each by its copies there.
bool PairSampler::KeepForDuplication(int64_t pos, int* hap, bool* in_copy) {
  const uint64_t bits = rng_();  // one draw, two coins
  if (!copies_)
    *hap = options_.haploid ? 0 : static_cast<int>(bits & 1);
  const bool second = (bits >> 1) & 1;
  // Twice the starts where the haplotype holds a second copy: kept always, half in each copy;
  // elsewhere kept half the time.
  *in_copy = second && reader_.CopyAt(*hap, pos);
  return !second || *in_copy;
}

bool PairSampler::KeepForCopies(int64_t pos, int* hap) {
  const std::array<int, kMaxHaplotypes>& copies = CopiesAt(*copies_, pos, baseline_copies_);
  int draw = boost::random::uniform_int_distribution<int>(0, most_copies_ - 1)(rng_);
  for (int h = 0; h < kMaxHaplotypes; ++h) {
    draw -= copies[static_cast<size_t>(h)];
    if (draw < 0) {
      *hap = h;
      return true;
    }
  }
  return false;
}

int64_t PairSampler::DrawFragmentLength() {
  if (const FragmentHistogram* h = options_.fragment_histogram.get()) {
    const uint64_t draw =
        boost::random::uniform_int_distribution<uint64_t>(0, h->total() - 1)(rng_);
    return std::max(h->LengthAt(draw), options_.shortest_fragment());
  }
  double x = static_cast<double>(options_.outer_distance);
  if (options_.std_dev > 0)
    x = boost::random::normal_distribution<double>(x, options_.std_dev)(rng_);
  // floor(x + 0.5); below 2^52 without libm's floor, a call on x86-64 without SSE4.1.
  const double y = x + 0.5;
  double rounded;
  if (std::fabs(y) < 0x1p52) {
    rounded = static_cast<double>(static_cast<int64_t>(y));
    rounded -= rounded > y;
  } else {
    rounded = std::floor(y);
  }
  int64_t lo = options_.shortest_fragment();
  int64_t hi = options_.max_fragment();
  if (!(rounded >= static_cast<double>(lo)))
    return lo;
  return rounded > static_cast<double>(hi) ? hi : static_cast<int64_t>(rounded);
}

namespace {

// The sum of sixteen bytes (unsigned), in 64-bit words: pairs of bytes into 16-bit lanes, then
// a multiplication that adds the four lanes into the top sixteen bits.
template <typename Chunk>
int64_t SumOfBytes(const Chunk& bytes) {
  uint64_t words[2];
  std::memcpy(words, &bytes, sizeof words);
  constexpr uint64_t kLowBytes = 0x00ff00ff00ff00ffull;
  uint64_t sum = 0;
  for (uint64_t w : words) {
    const uint64_t pairs = (w & kLowBytes) + ((w >> 8) & kLowBytes);  // four lanes below 511
    sum += (pairs * 0x0001000100010001ull) >> 48;
  }
  return static_cast<int64_t>(sum);
}

}  // namespace

// --gc-bias: whether the fragment of `length` reference bases from `pos` is kept (by rejection,
// one draw a fragment drawn).
bool PairSampler::KeepForGc(const SpanWindow& window, int64_t pos, int64_t length) {
  length = std::min(length, window.end() - pos);
  const char* bases = window.data(pos);
  int64_t gc = 0, n = 0;
  int64_t i = 0;
  // Sixteen bases at a time in byte lanes (GCC's vector extensions: SSE2 natively, wasm SIMD in
  // the module), each lane's counts added up before they could pass 255: every fragment drawn
  // is counted, so this is a hot loop.
  typedef signed char Chunk __attribute__((vector_size(16)));
  while (length - i >= 16) {
    Chunk gc_lanes{}, n_lanes{};
    for (int k = 0; k < 255 && length - i >= 16; ++k, i += 16) {
      Chunk b;
      std::memcpy(&b, bases + i, sizeof b);
      gc_lanes -= (b == 'G') | (b == 'C');  // -1 where true
      n_lanes -= b == 'N';
    }
    gc += SumOfBytes(gc_lanes);
    n += SumOfBytes(n_lanes);
  }
  for (; i < length; ++i) {
    const char b = bases[i];
    gc += b == 'G' || b == 'C';
    n += b == 'N';
  }
  return options_.gc_bias->Keep(gc, length - n, rng_());
}

// Errors by geometric skipping: one draw per error rather than one per base.
int PairSampler::ApplyErrors(char* bases, int64_t length) {
  const double e = options_.error_rate;
  if (e <= 0)
    return 0;
  auto gap = [&]() -> int64_t { return e >= 1 ? 0 : error_gap_(rng_); };
  int errors = 0;
  for (int64_t k = gap(); k < length; k += 1 + gap()) {
    if (bases[k] != 'N') {
      bases[k] = SnpBase(bases[k], 1 + UniformUpTo<2>(rng_));
      ++errors;
    }
  }
  return errors;
}

bool PairSampler::TooManyNs(const char* bases, int64_t length, bool* any) const {
  // Most reads hold no N: FindN (vectorised) answers those at once (std::count widens each
  // byte to 64 bits, and this is asked of every read drawn).
  const char* from = FindN(bases, bases + length);
  if (any)
    *any = from != bases + length;
  if (from == bases + length)
    return false;
  return std::count(from, bases + length, 'N') > MaxNsOf(length);
}

// Rebuilds a read (its `length` bases of `fragment`, from the left or from the right) with the
// profile's insertion and deletion errors; returns how many it made.
int PairSampler::ReadIndels(const HaplotypeReader::Fragment& fragment,
                            bool forward,
                            int mate,
                            char* read,
                            int64_t length,
                            int64_t prefix,
                            int32_t* source) {
  if (length == 0)
    return 0;
  int64_t slack = quality_->TemplateSlack(mate, length);
  template_.resize(static_cast<size_t>(length + slack));
  ReadTrace trace;
  // The read's `prefix` (an inline UMI), then the fragment's bases.
  auto get = [&](int64_t n) {
    trace = ReadTrace();
    std::copy(read, read + prefix, template_.data());
    char* bases = template_.data() + prefix;
    return forward ? reader_.Forward(fragment, n - prefix, bases, &trace)
                   : reader_.Backward(fragment, n - prefix, bases, &trace);
  };
  // Without deletions, or when the fragment is too short for the slack, the read itself is the
  // template (fewer deletions, then).
  if (slack == 0 || !get(length + slack)) {
    slack = 0;
    std::copy(read, read + length, template_.data());
  }
  return quality_->MakeIndels(mate, template_.data(), length + slack, read, length, rng_, source);
}

// The longest fragment from `pos`, at most `longest` bases, whose far read (its last `far_read`
// reference bases) keeps within -A. A usable start always has one: the shortest fragment.
int64_t PairSampler::LongestFit(const SpanWindow& window,
                                int64_t pos,
                                int64_t longest,
                                int64_t far_read) {
  const int64_t shortest = options_.longest_read();
  const int64_t allowed = MaxNsOf(far_read);
  int64_t f = longest;
  const char* end = window.data(pos + f);
  int64_t ns = std::count(end - far_read, end, 'N');
  // Slide the far read's window left one base at a time.
  while (ns > allowed && f > shortest) {
    --f;
    --end;
    ns += (end[-far_read] == 'N') - (*end == 'N');
  }
  return f;
}

PairSampler::Try PairSampler::TryPair(const SpanWindow& window,
                                      const SpanPlace& place,
                                      int64_t span_end,
                                      int attempt,
                                      const Molecule* copy,
                                      const ReadOutputs& out,
                                      SamplerCounters* counters) {
  int64_t pos = 0, fragment = 0;
  int hap = 0;
  bool flip = false, fits = true, cut = false, in_copy = false;
  if (copy) {
    pos = copy->pos;
    fragment = copy->length;
    hap = copy->hap;
    in_copy = copy->in_copy;
    flip = copy->flip;
    cut = copy->cut;
  } else {
    if (amplicons_) {  // the amplicon whose turn it is: its place and length, always within
      pos = amplicons_->begin;
      fragment = amplicons_->length;
    } else {
      const int64_t total = usable_->size();
      const bool duplicated = reader_.duplicates();
      while (true) {
        pos = usable_->At(boost::random::uniform_int_distribution<int64_t>(0, total - 1)(rng_));
        // With a duplication, half the starts are dropped: before their fragment is drawn.
        if (duplicated &&
            ((copies_ && !KeepForCopies(pos, &hap)) || !KeepForDuplication(pos, &hap, &in_copy)))
          continue;
        fragment = DrawFragmentLength();
        if ((options_.gc_bias && !KeepForGc(window, pos, std::min(fragment, span_end - pos))) ||
            (!duplicated && copies_ && !KeepForCopies(pos, &hap)))
          continue;
        break;
      }
    }
    fits = pos + fragment <= span_end;
    if (!fits && attempt < kFitAttempts)
      return Try::kRedraw;
    boost::random::bernoulli_distribution<double> coin(0.5);
    // (With copy numbers, the start's copies chose it; with a duplication, its test.)
    if (!copies_ && (amplicons_ || !reader_.duplicates()))
      hap = options_.haploid ? 0 : coin(rng_);
    flip = coin(rng_);
  }
  const int64_t left_length = flip ? options_.read2_length : options_.read1_length;
  const int64_t right_length = flip ? options_.read1_length : options_.read2_length;
  if (!fits) {
    fragment = LongestFit(window, pos, span_end - pos, right_length);
    cut = true;
  }

  // --umi-inline: read 1 starts with its molecule's UMI (a prefix), then the fragment; with dual
  // UMIs, read 2 with the second.
  const std::string_view umi = options_.inline_umi() ? library_->UmiForNextPair() : "";
  const std::string_view umi1 = umi.substr(0, static_cast<size_t>(options_.umi_length));
  const std::string_view umi2 = umi.substr(umi1.size());
  const int64_t left_prefix = static_cast<int64_t>(flip ? umi2.size() : umi1.size());
  const int64_t right_prefix = static_cast<int64_t>(flip ? umi1.size() : umi2.size());
  std::copy(umi1.begin(), umi1.end(), flip ? right_.data() : left_.data());
  std::copy(umi2.begin(), umi2.end(), flip ? left_.data() : right_.data());

  HaplotypeReader::Fragment located;
  ReadTrace left_trace, right_trace;
  // The bases each read takes from the fragment after its prefix: all, unless it reads through
  // into an adapter.
  int64_t left_insert = left_length - left_prefix;
  int64_t right_insert = right_length - right_prefix;
  // A fragment is `fragment` bases of its haplotype; an amplicon's, or one cut short at the end
  // of its span, ends where the reference says.
  auto read_pair = [&] {
    located = amplicons_ || cut ? reader_.Locate(hap, pos, pos + fragment)
              : in_copy         ? reader_.LocateLengthInCopy(hap, pos, fragment)
                                : reader_.LocateLength(hap, pos, fragment);
    left_trace = ReadTrace();
    right_trace = ReadTrace();
    if (const Adapters* adapters = options_.adapters.get()) {
      const int64_t spelled = located.end - located.begin;
      if (spelled < 1)
        return false;
      const int64_t left_room = left_length - left_prefix;
      const int64_t right_room = right_length - right_prefix;
      left_insert = std::min(left_room, spelled);
      right_insert = std::min(right_room, spelled);
      adapters->ReadThrough(flip ? 1 : 0, left_.data() + left_prefix + left_insert,
                            left_room - left_insert);
      adapters->ReadThrough(flip ? 0 : 1, right_.data() + right_prefix + right_insert,
                            right_room - right_insert);
    }
    return reader_.Forward(located, left_insert, left_.data() + left_prefix, &left_trace) &&
           reader_.Backward(located, right_insert, right_.data() + right_prefix, &right_trace);
  };
  // Deletions can leave the fragment's haplotype shorter than a read.
  if (!read_pair())
    return Try::kHaplotypeShort;
  bool left_has_n = false;  // whether the read holds an N (as its bases are now)
  bool right_has_n = false;
  if (TooManyNs(left_.data(), left_length, &left_has_n))
    return Try::kTooManyNs;
  if (TooManyNs(right_.data(), right_length, &right_has_n)) {
    // The far read lies on a run of N (a gap ahead): draw again, then cut to fit before it.
    if (attempt < kFitAttempts || cut || amplicons_)  // an amplicon is never cut
      return Try::kTooManyNs;
    int64_t shorter = LongestFit(window, pos, fragment, right_length);
    if (shorter == fragment)
      return Try::kTooManyNs;  // the Ns came with a variant: another place
    fragment = shorter;
    cut = true;
    if (!read_pair())
      return Try::kHaplotypeShort;
    if (TooManyNs(left_.data(), left_length, &left_has_n) ||
        TooManyNs(right_.data(), right_length, &right_has_n))
      return Try::kTooManyNs;
  }
  char* read1 = flip ? right_.data() : left_.data();
  char* read2 = flip ? left_.data() : right_.data();
  const char* qualities1 = nullptr;
  const char* qualities2 = nullptr;
  int left_errors = 0;
  int right_errors = 0;
  // With alignments, where each base of a read came from in its template (indel errors move
  // them; without any, base i is the template's base i).
  int32_t* left_source = nullptr;
  int32_t* right_source = nullptr;
  if (quality_ && quality_->has_indels()) {
    if (aligner_) {
      left_source = left_source_.data();
      right_source = right_source_.data();
    }
    // Insertion and deletion errors first: each read rebuilt from its template with slack.
    left_errors += ReadIndels(located, true, flip ? 1 : 0, left_.data(), left_length, left_prefix,
                              left_source);
    right_errors += ReadIndels(located, false, flip ? 0 : 1, right_.data(), right_length,
                               right_prefix, right_source);
  }
  if (quality_) {
    // In sequencing order: each mate's bases as written.
    QualityModel::Read one{read1, qualities1_.data(), options_.read1_length,
                           counters->cycle_quality_sums[0]};
    QualityModel::Read two{read2, qualities2_.data(), options_.read2_length,
                           counters->cycle_quality_sums[1]};
    // Indel errors may have brought in a template base that is N.
    if (!quality_->has_indels()) {
      one.may_have_n = flip ? right_has_n : left_has_n;
      two.may_have_n = flip ? left_has_n : right_has_n;
    }
    quality_->Apply(one, two, rng_);
    if (options_.quality_bins) {  // what is written, after the errors drawn from the unbinned
      options_.quality_bins->Apply(qualities1_.data(), qualities1_.size());
      options_.quality_bins->Apply(qualities2_.data(), qualities2_.size());
    }
    qualities1 = qualities1_.data();
    qualities2 = qualities2_.data();
    left_errors += flip ? two.errors : one.errors;
    right_errors += flip ? one.errors : two.errors;
  } else {
    left_errors = ApplyErrors(left_.data(), left_length);
    right_errors = ApplyErrors(right_.data(), right_length);
  }
  ReadCounts left{left_errors, left_trace.snps, left_trace.indels};
  ReadCounts right{right_errors, right_trace.snps, right_trace.indels};
  PairPlace::Copy copy_kind = PairPlace::Copy::kNone;
  if (library_) {
    const Molecule placed{pos, fragment, hap, flip, cut, in_copy};
    library_->Placed(copy ? nullptr : &placed, static_cast<uint64_t>(first_index_ + next_));
    copy_kind = !library_->copy()     ? PairPlace::Copy::kNone
                : library_->optical() ? PairPlace::Copy::kOptical
                                      : PairPlace::Copy::kPcr;
    writer_.SetUmi(options_.inline_umi() ? std::string_view() : library_->umi());
  }
  if (options_.illumina_names()) {
    const Cluster& c = library_->cluster();
    writer_.SetIlluminaPair(c.run, c.lane, c.tile, c.x, c.y);
  } else {
    writer_.SetPair(place.contig, place.offset + left_trace.first + 1,
                    place.offset + right_trace.last + 1, left, right,
                    static_cast<uint64_t>(first_index_ + next_));
  }
  // (Every record of the pair lies at or before its fragment's last base, or record_reach()
  // past it.)
  if (out.alignments && out.alignments->Wants(right_trace.last + options_.record_reach())) {
    SampledRead l{left_.data(), flip ? qualities2 : qualities1, left_length, left_source, left};
    SampledRead r{right_.data(), flip ? qualities1 : qualities2, right_length, right_source, right};
    l.prefix = left_prefix;
    r.prefix = right_prefix;
    l.insert = left_prefix + left_insert < left_length ? left_insert : -1;
    r.insert = right_prefix + right_insert < right_length ? right_insert : -1;
    // The UMI as sequenced: the comment's, or read 1's first bases.
    std::string_view sequenced_umi = library_ ? library_->umi() : std::string_view();
    if (options_.inline_umi()) {  // the mates' first bases as sequenced (RX: UMI1-UMI2)
      inline_rx_.assign(read1, umi1.size());
      if (!umi2.empty())
        inline_rx_.append("-").append(read2, umi2.size());
      sequenced_umi = inline_rx_;
    }
    PairPlace pair{out.tid,        place.offset,  left_trace.first, first_index_ + next_,
                   writer_.name(), sequenced_umi, copy_kind,        place.contig,
                   block_begin_};
    aligner_->AddPair(reader_, located, l, r, !flip, pair, window, out.alignments);
  }
  if (!out.read1)
    return Try::kPlaced;  // alignments alone: nothing written or counted
  writer_.Append(out.read1, 1, read1, qualities1, options_.read1_length);
  if (out.read2)
    writer_.Append(out.read2, 2, read2, qualities2, options_.read2_length);
  counters->pairs += 1;
  counters->pcr_copies += copy_kind == PairPlace::Copy::kPcr;
  counters->optical_copies += copy_kind == PairPlace::Copy::kOptical;
  counters->cut += cut;
  counters->bases += options_.read1_length + options_.read2_length;
  counters->errors += left.errors + right.errors;
  const int64_t outer = right_trace.last - left_trace.first + 1;
  counters->fragment_length_sum += outer;
  if (counters->histogram)
    counters->histogram->Add(outer);
  if (counters->coverage)
    counters->coverage->AddFragment(left_trace.first);
  return Try::kPlaced;
}

void PairSampler::Run(const SpanWindow& window,
                      const std::vector<Variant>& variants,
                      const std::string& inserted,
                      const SpanPlace& place,
                      int64_t span_end,
                      const ReadOutputs& out,
                      size_t budget,
                      SamplerCounters* counters) {
  // The variants change between blocks only (blocks added and dropped), and Run is called
  // many times a block (once per output budget). A block with no pairs to make (another
  // thread's, with -t) needs no spelling.
  if (spelling_stale_ && next_ < pairs_) {
    // Every fragment of the block starts in it and reaches at most max_fragment_reach() on.
    const int64_t reach = block_begin_ + options_.block_size + options_.max_fragment_reach();
    reader_.Build(window, variants, inserted, options_.haplotypes(), block_begin_,
                  std::min(window.end(), reach));
    spelling_stale_ = false;
  }
  while (next_ < pairs_ && (!out.read1 || out.read1->size() < budget)) {
    Try tried = Try::kRedraw;
    bool saw_ns = false;
    const Molecule* copy = library_ ? library_->NextPair() : nullptr;
    for (int attempt = 0; attempt < kMaxAttempts && tried != Try::kPlaced; ++attempt) {
      // A copy's molecule was placed once: it is placed again, or (never in practice) dropped.
      tried =
          TryPair(window, place, span_end, copy ? kMaxAttempts - 1 : attempt, copy, out, counters);
      saw_ns |= tried == Try::kTooManyNs;
      if (copy)
        break;
    }
    if (tried != Try::kPlaced && out.read1) {
      ++counters->dropped;
      counters->dropped_short += !saw_ns;
    }
    ++next_;
    if (amplicons_) {
      ++amplicon_used_;
      SkipSpentAmplicons();
    }
  }
  if (quality_)
    quality_->FlushCycleSums();
}

}  // namespace readforge
