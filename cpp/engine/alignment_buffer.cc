#include "engine/alignment_buffer.h"

#include <algorithm>
#include <cstring>

#include "formats/bam_record.h"
#include "formats/sam_text.h"

namespace readforge {

void AlignmentBuffer::Commit(int64_t pos, bool reverse, int64_t pair, int mate, size_t start) {
  const uint64_t order =
      uint64_t{reverse} << 63 | static_cast<uint64_t>(pair) << 1 | static_cast<uint64_t>(mate);
  entries_.push_back(Entry{pos, order, start, static_cast<uint32_t>(arena_.size() - start)});
}

void AlignmentBuffer::Take(int64_t end) {
  // Records are added block by block, each block's in any order: those before `end` are moved
  // to the front, then sorted.
  auto split = std::stable_partition(entries_.begin(), entries_.end(),
                                     [end](const Entry& e) { return e.pos < end; });
  taken_ = static_cast<size_t>(split - entries_.begin());
  std::sort(entries_.begin(), split, [](const Entry& a, const Entry& b) {
    return a.pos != b.pos ? a.pos < b.pos : a.order < b.order;
  });
  next_ = 0;
}

bool AlignmentBuffer::Next(size_t budget,
                           const ContigList* sam_contigs,
                           std::string* out,
                           std::vector<RecordEnd>* ends) {
  const size_t start = out->size();
  for (; next_ < taken_ && out->size() - start < budget; ++next_) {
    const Entry& e = entries_[next_];
    const BamRecordView record(arena_.data() + e.offset, e.size);
    if (sam_contigs)
      AppendSamLine(record, *sam_contigs, out);
    else
      out->append(arena_, e.offset, e.size);
    if (ends) {
      ends->push_back(RecordEnd{record.tid(), record.pos(), record.EndPosition(),
                                !(record.flag() & kFlagUnmapped), out->size()});
    }
  }
  if (next_ < taken_)
    return true;
  Compact(taken_);
  return false;
}

void AlignmentBuffer::Drop() {
  Compact(taken_);
}

void AlignmentBuffer::Compact(size_t first) {
  // The records kept (a few reaching into later blocks) move to the front of the arena, whose
  // memory is kept for the next block. They are in the order they were added (stable_partition),
  // so each moves down, never over one not yet moved.
  size_t n = 0;
  size_t written = 0;
  for (size_t i = first; i < entries_.size(); ++i) {
    Entry e = entries_[i];
    std::memmove(&arena_[written], arena_.data() + e.offset, e.size);
    e.offset = written;
    written += e.size;
    entries_[n++] = e;
  }
  entries_.resize(n);
  arena_.resize(written);
  taken_ = next_ = 0;
}

void AlignmentBuffer::Clear() {
  arena_.clear();
  entries_.clear();
  taken_ = next_ = 0;
}

}  // namespace readforge
