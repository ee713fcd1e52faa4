#include "engine/spelled_haplotype.h"

#include <algorithm>
#include <cstring>
#include <limits>

namespace readforge {

void SpelledHaplotype::Spell(const SpanWindow& window,
                             const std::vector<Variant>& variants,
                             const std::string& inserted,
                             int hap,
                             int64_t from,
                             int64_t to) {
  from_ = from;
  to_ = to;
  events_.clear();
  // Sentinels at both ends keep searches free of bounds checks: one before every base (no
  // shift), one after all of them.
  events_.push_back(Event{-1, -1, 1, VariantType::kSnp, false});
  const size_t n = variants.size();
  int64_t p = from;  // the next reference base to copy
  const auto applies = [hap](const Variant& v) { return !v.on_n && v.on(hap); };
  size_t i = static_cast<size_t>(
      std::lower_bound(variants.begin(), variants.end(), from,
                       [](const Variant& v, int64_t pos) { return v.pos < pos; }) -
      variants.begin());
  replacements_.clear();
  changed_.clear();
  duplications_.clear();
  copy_ranges_.clear();
  inversions_.clear();
  const Variant* carried = nullptr;
  // A deletion or replacement from an earlier block may cover `from`: on one haplotype variants
  // never overlap, so at most one does, within kMaxIndelLength before it (other haplotypes'
  // variants may lie between).
  for (size_t k = i; k-- > 0 && variants[k].pos + kMaxIndelLength >= from;) {
    const Variant& v = variants[k];
    if (v.type == VariantType::kDeletion && applies(v) && v.end() > from) {
      p = v.end();
      events_.push_back(Event{0, static_cast<int32_t>(v.pos - from),
                              static_cast<uint16_t>(v.length), v.type, false});
      break;
    }
    if (v.type == VariantType::kReplacement && applies(v) && v.end() > from) {
      carried = &v;
      break;
    }
  }
  // Written through a pointer, the buffer grown only for insertions: appending to a string piece
  // by piece cost a capacity check and a call per variant. Without insertions the spelling is
  // at most to - from bases; insertions add a little, so the buffer grows by a little (doubling
  // it doubled each run's memory, and the edge runs many at once in one heap).
  const int64_t slack = (to - from) / 32 + 64;
  auto room_for = [&](int64_t size) {
    if (static_cast<size_t>(size) > bases_.size())
      bases_.resize(static_cast<size_t>(size + slack));
    return &bases_[0];
  };
  char* out = room_for(to - from);
  int64_t size = 0;
  // A replacement's bases from reference position `start` on (up to `to`), its event, and how
  // many of them differ from the reference's (for the reads' traces).
  auto replace = [&](const Variant& v, int64_t start) {
    const int64_t end = std::min(v.end(), to);
    const char* bases = inserted.data() + v.inserted_at + (start - v.pos);
    std::memcpy(out + size, bases, static_cast<size_t>(end - start));
    replacements_.push_back(
        Replacement{static_cast<uint32_t>(events_.size()), static_cast<uint32_t>(changed_.size())});
    if (v.copies_reference)  // an inversion: base x is the complement of the mirror's
      inversions_.push_back(Mirror{static_cast<uint32_t>(events_.size()), v.pos + v.end() - 1});
    events_.push_back(Event{size, static_cast<int32_t>(start - from),
                            static_cast<uint16_t>(end - start), VariantType::kReplacement, false});
    const char* ref = window.data(start);
    uint16_t count = 0;
    changed_.push_back(0);
    for (int64_t j = 0; j < end - start; ++j)
      changed_.push_back(count = static_cast<uint16_t>(count + (bases[j] != ref[j])));
    size += end - start;
    p = v.end();
  };
  if (carried)
    replace(*carried, from);
  for (; i < n && variants[i].pos < to; ++i) {
    const Variant& v = variants[i];
    if (!applies(v) || v.pos < p)
      continue;
    std::memcpy(out + size, window.data(p), static_cast<size_t>(v.pos - p));
    size += v.pos - p;
    if (v.type == VariantType::kReplacement) {
      replace(v, v.pos);
      continue;
    }
    const int64_t hpos = size;
    bool changes_base = v.type == VariantType::kSnp;
    switch (v.type) {
      case VariantType::kSnp:
        out[size++] = SnpBase(window.at(v.pos), v.snp_shift);
        p = v.pos + 1;
        break;
      case VariantType::kInsertion: {
        out = room_for(size + 1 + v.length + (to - v.pos - 1));
        changes_base = v.snp_shift != 0;
        out[size++] = changes_base ? SnpBase(window.at(v.pos), v.snp_shift) : window.at(v.pos);
        std::memcpy(out + size, inserted.data() + v.inserted_at, static_cast<size_t>(v.length));
        size += v.length;
        if (v.copies_reference) {
          duplications_.push_back(static_cast<uint32_t>(events_.size()));
          copy_ranges_.push_back(CopyRange{v.pos + 1 - v.length, v.pos, hpos + 1,
                                           static_cast<uint32_t>(events_.size())});
        }
        p = v.pos + 1;
        break;
      }
      case VariantType::kDeletion:
        p = v.pos + v.length;
        break;
      case VariantType::kReplacement:  // (above)
        break;
    }
    events_.push_back(Event{hpos, static_cast<int32_t>(v.pos - from),
                            static_cast<uint16_t>(v.length), v.type, changes_base});
  }
  if (p < to) {
    std::memcpy(out + size, window.data(p), static_cast<size_t>(to - p));
    size += to - p;
  }
  size_ = size;
  events_.push_back(Event{std::numeric_limits<int64_t>::max(), static_cast<int32_t>(to - from), 1,
                          VariantType::kSnp, false});
  // Events after the first sentinel all lie at or after `from` but a deletion carried into the
  // block, which lies before: the buckets start past it.
  event_buckets_.resize(static_cast<size_t>(((to - from) >> kBucketShift) + 1));
  size_t e = 1;
  for (size_t b = 0; b < event_buckets_.size(); ++b) {
    const int64_t start = static_cast<int64_t>(b) << kBucketShift;
    while (events_[e].at < start)
      ++e;
    event_buckets_[b] = static_cast<uint32_t>(e);
  }
}

size_t SpelledHaplotype::LastAtOrBefore(int64_t h, size_t near) const {
  size_t k = near;
  while (events_[k].hpos > h)
    --k;
  while (events_[k + 1].hpos <= h)
    ++k;
  return k;
}

int64_t SpelledHaplotype::PositionOf(int64_t h, size_t last) const {
  const Event& v = events_[last];
  if (v.type == VariantType::kInsertion && h <= v.hpos + v.length)  // its anchor or a base of it
    return from_ + v.at;
  return from_ + h - v.shift();
}

void SpelledHaplotype::MapToReference(int64_t h0,
                                      int64_t h1,
                                      size_t near,
                                      std::vector<AlignedRun>* out) const {
  // Event by event: the bases between two events are consecutive reference positions.
  size_t k = LastAtOrBefore(h0, near);
  for (int64_t h = h0; h < h1; ++k) {
    const Event& v = events_[k];
    const int64_t run_end = std::min(h1, events_[k + 1].hpos);
    if (v.type == VariantType::kInsertion && h <= v.hpos + v.length) {
      if (h == v.hpos)
        AddRun(out, from_ + v.at, 1);  // the anchor
      h = std::max(h, v.hpos + 1);
      const int64_t inserted_end = std::min(run_end, v.hpos + v.length + 1);
      // A duplication's copy lies where it was copied from: the reference up to the anchor.
      const bool copy = std::binary_search(duplications_.begin(), duplications_.end(), k);
      AddRun(out, copy ? from_ + v.at + 1 - v.length + (h - v.hpos - 1) : -1, inserted_end - h);
      h = std::max(h, inserted_end);
    }
    if (v.type == VariantType::kReplacement && h < v.hpos + v.length && !inversions_.empty()) {
      // An inversion's bases lie on the other strand, each on its mirror image in the segment.
      auto it = std::lower_bound(inversions_.begin(), inversions_.end(), k,
                                 [](const Mirror& m, size_t event) { return m.event < event; });
      if (it != inversions_.end() && it->event == k) {
        const int64_t inverted_end = std::min(run_end, v.hpos + v.length);
        AddRun(out, it->center - (from_ + h - v.shift()), inverted_end - h, /*reverse=*/true);
        h = inverted_end;
      }
    }
    if (h < run_end)
      AddRun(out, from_ + h - v.shift(), run_end - h);
    h = std::max(h, run_end);
  }
}

int SpelledHaplotype::ChangedIn(size_t k, int64_t h0, int64_t h1) const {
  const Event& v = events_[k];
  const int64_t a = std::max(h0, v.hpos) - v.hpos;
  const int64_t b = std::min(h1, v.hpos + v.length) - v.hpos;
  if (b <= a)
    return 0;
  const Replacement& r =
      *std::lower_bound(replacements_.begin(), replacements_.end(), k,
                        [](const Replacement& x, size_t event) { return x.event < event; });
  return changed_[r.changed_at + static_cast<size_t>(b)] -
         changed_[r.changed_at + static_cast<size_t>(a)];
}

void SpelledHaplotype::Trace(int64_t h0, int64_t h1, size_t near, ReadTrace* trace) const {
  // The last event at or before h0 counts when the read starts on its SNP, on the anchor of its
  // insertion or in its inserted bases; a deletion there has no read base before it.
  const size_t k = LastAtOrBefore(h0, near);
  const Event& v = events_[k];
  trace->first = from_ + h0 - v.shift();
  if (v.type == VariantType::kInsertion && h0 <= v.hpos + v.length) {
    trace->first = from_ + v.at;
    trace->snps += v.changes_base && v.hpos == h0;
    trace->indels += h0 > v.hpos || v.hpos + 1 < h1;  // holds one of its inserted bases
  } else if (v.type == VariantType::kReplacement) {
    trace->snps += ChangedIn(k, h0, h1);
  } else {
    trace->snps += v.changes_base && v.hpos == h0;
  }
  // Every later event before h1 is inside the read: a SNP's base, an insertion's anchor (its
  // inserted bases count when one is in the read), a deletion with read bases on both sides,
  // a replacement's changed bases up to h1.
  size_t i = k + 1;
  for (; events_[i].hpos < h1; ++i) {
    const Event& e = events_[i];
    trace->snps += e.changes_base;
    if (e.type == VariantType::kReplacement)
      trace->snps += ChangedIn(i, e.hpos, h1);
    trace->indels +=
        e.type == VariantType::kDeletion || (e.type == VariantType::kInsertion && e.hpos + 1 < h1);
  }
  trace->last = PositionOf(h1 - 1, i - 1);
}

}  // namespace readforge
