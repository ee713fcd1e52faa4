#include "engine/alignment_buffer.h"

#include <algorithm>

#include "formats/bam_record.h"
#include "formats/sam_text.h"

namespace readforge {

std::string* AlignmentBuffer::StartRecord(size_t most) {
  if (chunks_.empty()) {
    chunks_.emplace_back();
    chunks_.back().reserve(kChunk);
  }
  if (chunks_[used_].size() + most > chunks_[used_].capacity()) {
    ++used_;
    if (used_ == chunks_.size())
      chunks_.emplace_back();
    chunks_[used_].clear();
    chunks_[used_].reserve(std::max(kChunk, most));
  }
  return &chunks_[used_];
}

void AlignmentBuffer::Commit(int64_t pos, bool reverse, int64_t pair, int mate, size_t start) {
  const uint64_t order =
      uint64_t{reverse} << 63 | static_cast<uint64_t>(pair) << 1 | static_cast<uint64_t>(mate);
  const size_t size = chunks_[used_].size() - start;
  entries_.push_back(Entry{pos, order, static_cast<uint32_t>(used_), static_cast<uint32_t>(start),
                           static_cast<uint32_t>(size)});
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
    const BamRecordView record(Bytes(e), e.size);
    if (sam_contigs)
      AppendSamLine(record, *sam_contigs, out);
    else
      out->append(Bytes(e), e.size);
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
  // The records kept (a few reaching into later blocks) are gathered, then written back from
  // the first chunk on; every chunk stays allocated for the next block.
  kept_.clear();
  for (size_t i = first; i < entries_.size(); ++i)
    kept_.append(Bytes(entries_[i]), entries_[i].size);
  for (size_t c = 0; c <= used_ && c < chunks_.size(); ++c)
    chunks_[c].clear();
  used_ = 0;
  size_t at = 0, n = 0;
  for (size_t i = first; i < entries_.size(); ++i) {
    Entry e = entries_[i];
    std::string* chunk = StartRecord(e.size);
    e.chunk = static_cast<uint32_t>(used_);
    e.offset = static_cast<uint32_t>(chunk->size());
    chunk->append(kept_, at, e.size);
    at += e.size;
    entries_[n++] = e;
  }
  entries_.resize(n);
  taken_ = next_ = 0;
}

void AlignmentBuffer::Clear() {
  for (size_t c = 0; c <= used_ && c < chunks_.size(); ++c)
    chunks_[c].clear();
  used_ = 0;
  entries_.clear();
  taken_ = next_ = 0;
}

}  // namespace readforge
