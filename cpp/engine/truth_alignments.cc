#include "engine/truth_alignments.h"

#include <algorithm>
#include <cstdint>

#include "formats/bam_record.h"

namespace readforge {

std::string ReadGroupOf(const Options& options) {
  return options.variants_sample.empty() ? "SIMULATED" : options.variants_sample;
}

TruthAligner::TruthAligner(const Options& options)
    : paired_(options.paired()),
      quality_(options.constant_quality()),
      read_group_(ReadGroupOf(options)),
      check_ns_(options.max_n_fraction >= 0.5),
      adapters_(options.adapters != nullptr) {}

void TruthAligner::Align(const HaplotypeReader& reader,
                         const HaplotypeReader::Fragment& fragment,
                         const SpanWindow& window,
                         const PairPlace& place,
                         Mate* mate) {
  const SampledRead& read = *mate->read;
  const int64_t n = read.length;
  const int64_t prefix = read.prefix;
  // Fragment bases of the template from `prefix` on: [prefix, prefix + insert); the rest the
  // adapter's.
  const int64_t insert = read.insert < 0 ? INT64_MAX : read.insert;
  // The fragment's template bases the read took: [prefix, prefix + used).
  int64_t used = std::min(n - prefix, insert);
  mate->adapter_bases = n - prefix - used;
  if (read.source) {
    used = 0;
    mate->adapter_bases = 0;
    for (int64_t k = 0; k < n; ++k) {
      const int64_t g = read.source[k] - prefix;
      if (read.source[k] >= 0 && g >= insert)
        ++mate->adapter_bases;
      else if (read.source[k] >= 0 && g >= 0)
        used = std::max<int64_t>(used, g + 1);
    }
  }
  const int64_t fragment_length = fragment.end - fragment.begin;
  runs_.clear();
  if (!read.source) {
    // Base k is template base k: the prefix, then where the fragment's first (or last) `used`
    // haplotype bases lie, then adapter bases; in reference order the right read's are reversed.
    AddRun(&runs_, -1, mate->reverse ? n - prefix - used : prefix);
    reader.MapToReference(fragment, mate->reverse ? fragment_length - used : 0, used, &runs_);
    AddRun(&runs_, -1, mate->reverse ? prefix : n - prefix - used);
  } else {
    // Sequencing indels: each base's template position, then its reference position, one by
    // one. Template base t is haplotype base begin + t (the left read) or end - 1 - t (the
    // right read, whose base k is base n - 1 - k in reference order).
    template_runs_.clear();
    reader.MapToReference(fragment, mate->reverse ? fragment_length - used : 0, used,
                          &template_runs_);
    map_.clear();
    reverse_.clear();
    for (const AlignedRun& r : template_runs_) {
      for (int64_t j = 0; j < r.length; ++j)
        map_.push_back(r.ref < 0 ? -1 : r.reverse ? r.ref - j : r.ref + j);
      reverse_.resize(map_.size(), r.reverse);
    }
    for (int64_t i = 0; i < n; ++i) {
      const int32_t t = mate->reverse ? read.source[n - 1 - i] : read.source[i];
      const int64_t g = t - prefix;
      const int64_t h = t < 0 || g < 0 || g >= insert ? -1 : mate->reverse ? used - 1 - g : g;
      const int64_t p = h < 0 ? -1 : map_[static_cast<size_t>(h)];
      AddRun(&runs_, p, 1, p >= 0 && reverse_[static_cast<size_t>(h)]);
    }
  }
  mate->seq = read.bases;
  if (mate->reverse) {
    mate->reverse_bases.resize(static_cast<size_t>(n));
    ReverseComplement(read.bases, n, &mate->reverse_bases[0]);
    mate->seq = mate->reverse_bases.data();
  }
  mate->primary = splitter_.Align(runs_, mate->seq, n, window, place.earliest, &mate->parts);
  mate->mapped = mate->alignment().pos >= 0;
  if (mate->mapped && check_ns_)
    mate->mapped = std::count(read.bases, read.bases + n, 'N') * 2 <= n;
}

void TruthAligner::AddPair(const HaplotypeReader& reader,
                           const HaplotypeReader::Fragment& fragment,
                           const SampledRead& left,
                           const SampledRead& right,
                           bool left_is_read1,
                           const PairPlace& place,
                           const SpanWindow& window,
                           AlignmentBuffer* out) {
  Mate& l = mates_[0];
  Mate& r = mates_[1];
  l.read = &left;
  l.reverse = false;
  l.read1 = left_is_read1;
  r.read = &right;
  r.reverse = true;
  r.read1 = !left_is_read1;
  // A read the pair does not have (single-end) writes nothing.
  Mate* present[2];
  int count = 0;
  for (Mate* m : {&l, &r}) {
    if (m->read->length > 0) {
      Align(reader, fragment, window, place, m);
      present[count++] = m;
    }
  }
  // Positions: an unmapped read at its mate's, or at the fragment's start when neither aligns
  // (the anchor of the insertion that holds them).
  for (int i = 0; i < count; ++i) {
    Mate* m = present[i];
    const Mate* other = count == 2 ? present[1 - i] : nullptr;
    m->pos = m->mapped                ? m->alignment().pos
             : other && other->mapped ? other->alignment().pos
                                      : place.start;
  }
  const int hap = fragment.hap;
  for (int i = 0; i < count; ++i) {
    const Mate& m = *present[i];
    for (size_t part = 0; part < (m.mapped ? m.parts.size() : 1); ++part)
      Write(m, m.mapped ? part : m.primary, count == 2 ? present[1 - i] : nullptr, hap, place, out);
  }
}

void TruthAligner::Write(const Mate& m,
                         size_t part,
                         const Mate* other,
                         int hap,
                         const PairPlace& place,
                         AlignmentBuffer* out) {
  const bool supplementary = part != m.primary;
  const ReadAlignment& alignment = m.parts[part];
  // The record's strand: the read's, or the other in an inversion.
  const bool reverse = m.mapped && (m.reverse != alignment.flipped);
  const int64_t pos = supplementary ? alignment.pos : m.pos;
  if (!out->Wants(pos))
    return;
  const SampledRead& read = *m.read;
  const size_t n = static_cast<size_t>(read.length);
  uint16_t flag = 0;
  if (other) {
    flag |= kFlagPaired | (m.read1 ? kFlagRead1 : kFlagRead2);
    if (m.mapped && other->mapped)
      flag |= kFlagProperPair;
    if (!other->mapped)
      flag |= kFlagMateUnmapped;
    else if (other->reverse != other->alignment().flipped)
      flag |= kFlagMateReverse;
  }
  if (!m.mapped)
    flag |= kFlagUnmapped;
  if (place.copy != PairPlace::Copy::kNone)
    flag |= kFlagDuplicate;
  if (supplementary)
    flag |= kFlagSupplementary;
  if (reverse)
    flag |= kFlagReverse;
  BamFields f;
  f.name = place.name;
  f.flag = flag;
  f.tid = place.tid;
  f.pos = place.offset + pos;
  f.mapq = m.mapped ? kTruthMapq : 0;
  if (m.mapped) {
    f.cigar = alignment.cigar.data();
    f.cigar_ops = alignment.cigar.size();
  }
  if (other) {
    f.next_tid = place.tid;
    f.next_pos = place.offset + other->pos;
    if (m.mapped && other->mapped) {
      const ReadAlignment &mine = m.alignment(), &theirs = other->alignment();
      const int64_t leftmost = std::min(mine.pos, theirs.pos);
      const int64_t rightmost = std::max(mine.end, theirs.end);
      const bool plus =
          mine.pos != theirs.pos ? mine.pos < theirs.pos : !(m.reverse != mine.flipped);
      f.tlen = plus ? rightmost - leftmost : leftmost - rightmost;
    }
  }
  // SEQ and QUAL: reference order for a read on the reverse strand, as sequenced otherwise.
  const char* seq = read.bases;
  if (reverse && m.reverse) {
    seq = m.seq;
  } else if (reverse) {  // the forward read's part in an inversion
    flipped_bases_.resize(n);
    ReverseComplement(read.bases, read.length, flipped_bases_.data());
    seq = flipped_bases_.data();
  }
  f.seq = std::string_view(seq, n);
  f.qual = read.qualities;
  f.qual_reversed = reverse;
  f.qual_fill = quality_;
  // At most: the fixed fields, name, CIGAR, SEQ, QUAL, and the tags (MD up to a digit and a
  // base per read base).
  // SA: the read's other parts, the primary first.
  sa_.clear();
  if (m.mapped && m.parts.size() > 1) {
    auto add = [&](size_t k) {
      const ReadAlignment& a = m.parts[k];
      AppendSaEntry(place.contig, place.offset + a.pos + 1, m.reverse != a.flipped, a.cigar,
                    kTruthMapq, a.edit_distance, &sa_);
    };
    if (supplementary)
      add(m.primary);
    for (size_t k = 0; k < m.parts.size(); ++k) {
      if (k != part && k != m.primary)
        add(k);
    }
  }
  const size_t most = 36 + place.name.size() + 1 + 4 * f.cigar_ops + (n + 1) / 2 + n +
                      alignment.md.size() + read_group_.size() + place.umi.size() + sa_.size() + 80;
  std::string* record = out->StartRecord(most);
  const size_t start = BeginBamRecord(f, record);
  if (m.mapped) {
    AppendIntTag(record, "NM", alignment.edit_distance);
    AppendStringTag(record, "MD", alignment.md);
  }
  if (!sa_.empty())
    AppendStringTag(record, "SA", sa_);
  AppendIntTag(record, "HP", hap + 1);
  AppendIntTag(record, "XE", read.counts.errors);
  AppendIntTag(record, "XV", read.counts.snps);
  AppendIntTag(record, "XI", read.counts.indels);
  AppendStringTag(record, "RG", read_group_);
  if (adapters_)
    AppendIntTag(record, "ZA", m.adapter_bases);
  if (!place.umi.empty())
    AppendStringTag(record, "RX", place.umi);
  if (place.copy != PairPlace::Copy::kNone)
    AppendStringTag(record, "dt", place.copy == PairPlace::Copy::kOptical ? "SQ" : "LB");
  EndBamRecord(start, record);
  out->Commit(pos, reverse, place.index, m.read1 ? 0 : 1, start);
}

}  // namespace readforge
