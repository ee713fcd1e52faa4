// One haplotype of a block spelled out: the reference bases of [from, to) with the haplotype's
// variants applied, and those variants as events that map its bases back to the reference.
//
// Every read is then one copy out of the spelling, instead of a branchy walk between variants
// for each read that crosses an indel (with dense planted variants, most reads). Spelling costs
// one pass over the block's bases and variants per haplotype.
//
// A fragment covering reference [a, e) holds every base of [a, e) its haplotype keeps and the
// insertions after positions a .. e-2: in the spelling, the bases from Locate(a) up to where
// e-1's base ends.
#ifndef READFORGE_ENGINE_SPELLED_HAPLOTYPE_H_
#define READFORGE_ENGINE_SPELLED_HAPLOTYPE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/read_alignment.h"
#include "engine/span_window.h"
#include "engine/variants.h"

namespace readforge {

// What a read covers on the reference, for its name and for the truth counts.
struct ReadTrace {
  int64_t first = -1;  // leftmost reference base in the read (or the anchor of an empty read)
  int64_t last = -1;   // rightmost reference base
  int snps = 0;        // bases a variant changed
  int indels = 0;      // insertions it holds a base of, deletions between two of its bases
};

class SpelledHaplotype {
 public:
  // Spells haplotype `hap` of reference [from, to) (all in `window`) with the `variants`
  // (sorted by position; insertions' bases in `inserted`) that apply to it, not on an N of the
  // reference, including a deletion from before `from` that reaches into it.
  void Spell(const SpanWindow& window,
             const std::vector<Variant>& variants,
             const std::string& inserted,
             int hap,
             int64_t from,
             int64_t to);

  const char* bases() const { return bases_.data(); }
  int64_t from() const { return from_; }
  int64_t to() const { return to_; }

  // Where reference position x (from <= x <= to) starts: the index of its base, or of the base
  // after the deletion that removes it. *events: the index of the first event at or after x.
  int64_t Locate(int64_t x, size_t* events) const {
    const int64_t at = x - from_;
    size_t j = event_buckets_[static_cast<size_t>(at >> kBucketShift)];
    while (events_[j].at < at)
      ++j;
    *events = j;
    const Event& v = events_[j - 1];
    if (v.type == VariantType::kDeletion && v.at + v.length > at)
      return v.hpos;
    return at + v.shift();
  }

  // Where the fragment ending before reference position e ends: after e-1's base, not after the
  // bases inserted after it. `events` from Locate(e).
  int64_t FragmentEnd(int64_t located, size_t events, int64_t e) const {
    const Event& v = events_[events - 1];
    return v.type == VariantType::kInsertion && v.at == e - 1 - from_ ? v.hpos + 1 : located;
  }

  int64_t size() const { return size_; }  // bases spelled
  bool duplicates() const { return !duplications_.empty(); }

  // Where reference position x starts in a tandem duplication's copy of it (-1: no copy holds
  // it), and the copy's event in *event.
  int64_t LocateCopy(int64_t x, size_t* event) const {
    for (const CopyRange& c : copy_ranges_) {
      if (x >= c.first && x <= c.last) {
        *event = c.event;
        return c.index + (x - c.first);
      }
    }
    return -1;
  }

  // The index of the first event after base h (the search starts at `near`).
  size_t EventAfter(int64_t h, size_t near) const { return LastAtOrBefore(h, near) + 1; }

  // The trace of the read of bases [h0, h1), h0 < h1. `near`: the index of an event close to
  // h0 (the search for the events in the read starts there).
  void Trace(int64_t h0, int64_t h1, size_t near, ReadTrace* trace) const;
  // The reference position of base h (an inserted base's is its anchor's).
  int64_t PositionAt(int64_t h, size_t near) const {
    return PositionOf(h, LastAtOrBefore(h, near));
  }
  // Where bases [h0, h1) lie on the reference, appended to `out` as runs (read_alignment.h):
  // consecutive reference positions, or bases an insertion added (an insertion's anchor is its
  // own reference base; a duplication's copy lies on the bases it copies, up to the anchor, so
  // runs step back there; an inversion's bases lie on the other strand, reverse runs).
  void MapToReference(int64_t h0, int64_t h1, size_t near, std::vector<AlignedRun>* out) const;

 private:
  // 16 bytes: reads look events up at random places, and with a planted variant every 45
  // bases a block's events (32 bytes each, as they were) overflowed the cache beside its bases.
  struct Event {
    int64_t hpos;  // the SNP's base, the insertion's anchor, the base after a deletion, or a
                   // replacement's first base
    int32_t at;    // the variant's reference position - from (a block and a fragment: < 2^31)
    uint16_t length;
    VariantType type;
    bool changes_base;  // a SNP, or an insertion that changes its anchor

    // index - (x - from) for reference positions x after the variant (not for the last
    // sentinel, which nothing asks).
    int64_t shift() const {
      const int64_t d = hpos - at;
      return type == VariantType::kInsertion  ? d + length
             : type == VariantType::kDeletion ? d - length
                                              : d;
    }
  };
  static_assert(kMaxIndelLength <= UINT16_MAX && kMaxBlockSize + kMaxFragmentLength < INT32_MAX);

  // Where a replacement event's changed-base counts start in changed_.
  struct Replacement {
    uint32_t event;
    uint32_t changed_at;
  };
  // How many of bases [h0, h1) replacement event k changed.
  int ChangedIn(size_t k, int64_t h0, int64_t h1) const;

  // The last event at or before base h, searching from `near`.
  size_t LastAtOrBefore(int64_t h, size_t near) const;
  // The reference position of base h, given the last event at or before it.
  int64_t PositionOf(int64_t h, size_t last) const;

  // Reads look events up by position in buckets of 256 bases: one small table and a short scan,
  // in the events alone. Going through an index of the block's variants touched two more tables
  // per lookup, at random places too large for the cache.
  static constexpr int kBucketShift = 8;

  int64_t from_ = 0;
  int64_t to_ = 0;
  int64_t size_ = 0;
  std::string bases_;          // (with room to spare past size_)
  std::vector<Event> events_;  // in order, between the two sentinels
  // event_buckets_[b]: the first event (after the first sentinel) at or after from + 256 b.
  std::vector<uint32_t> event_buckets_;
  std::vector<Replacement> replacements_;  // in event order
  std::vector<uint32_t> duplications_;     // insertion events that copy the reference before them
  // Each of them as LocateCopy reads it: the positions it copies [first, last], where their copy
  // starts in the spelling, and its event.
  struct CopyRange {
    int64_t first;
    int64_t last;
    int64_t index;
    uint32_t event;
  };
  std::vector<CopyRange> copy_ranges_;
  // Replacement events that invert their segment, and the segment's first + last position.
  struct Mirror {
    uint32_t event;
    int64_t center;
  };
  std::vector<Mirror> inversions_;
  // Per replacement, its bases + 1 running counts of changed bases (0 first).
  std::vector<uint16_t> changed_;
};

}  // namespace readforge

#endif  // READFORGE_ENGINE_SPELLED_HAPLOTYPE_H_
