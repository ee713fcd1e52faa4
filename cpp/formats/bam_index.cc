#include "formats/bam_index.h"

#include <algorithm>
#include <cstring>
#include <utility>

#include "formats/bam_record.h"
#include "formats/little_endian.h"

namespace readforge {
namespace {

constexpr double kHashUpper = 0.77;
constexpr uint64_t kMinMarkerDistance = 0x10000;

uint32_t RoundUpPowerOfTwo(uint32_t x) {
  --x;
  x |= x >> 1;
  x |= x >> 2;
  x |= x >> 4;
  x |= x >> 8;
  x |= x >> 16;
  return ++x;
}

int BinFirst(int level) {
  return ((1 << (level * 3)) - 1) / 7;
}

int BinParent(int bin) {
  return (bin - 1) >> 3;
}

// hts_bin_bot: the first linear-index window under a bin.
int64_t BinBottom(int bin, int depth) {
  int level = 0;
  for (int b = bin; b; b = BinParent(b))
    ++level;
  return static_cast<int64_t>(bin - BinFirst(level)) << ((depth - level) * 3);
}

}  // namespace

// ---- KhashBins: khash.h's kh_get, kh_put, kh_del and kh_resize for integer keys ----

size_t KhashBins::Get(uint32_t key) const {
  const uint32_t n = static_cast<uint32_t>(buckets());
  if (n == 0)
    return 0;
  const uint32_t mask = n - 1;
  uint32_t i = key & mask;
  const uint32_t last = i;
  uint32_t step = 0;
  while (!IsEmpty(i) && (IsDeleted(i) || keys_[i] != key)) {
    i = (i + (++step)) & mask;
    if (i == last)
      return n;
  }
  return (Flags(i) & 3) ? n : i;
}

void KhashBins::Resize(uint32_t new_buckets) {
  new_buckets = RoundUpPowerOfTwo(new_buckets);
  if (new_buckets < 4)
    new_buckets = 4;
  if (size_ >= static_cast<uint32_t>(new_buckets * kHashUpper + 0.5))
    return;  // requested size is too small
  const uint32_t old_buckets = static_cast<uint32_t>(buckets());
  std::vector<uint32_t> new_flags((new_buckets < 16 ? 1 : new_buckets >> 4), 0xaaaaaaaau);
  if (old_buckets < new_buckets) {
    keys_.resize(new_buckets);
    values_.resize(new_buckets);
  }
  auto set_deleted = [this](uint32_t i) { flags_[i >> 4] |= 1u << ((i & 15) << 1); };
  const uint32_t new_mask = new_buckets - 1;
  for (uint32_t j = 0; j != old_buckets; ++j) {
    if ((Flags(j) & 3) != 0)
      continue;
    uint32_t key = keys_[j];
    IndexBin value = std::move(values_[j]);
    set_deleted(j);
    while (true) {  // kick-out process, as khash does it
      uint32_t i = key & new_mask;
      uint32_t step = 0;
      while (!((new_flags[i >> 4] >> ((i & 15) << 1)) & 2))
        i = (i + (++step)) & new_mask;
      new_flags[i >> 4] &= ~(2u << ((i & 15) << 1));
      if (i < old_buckets && (Flags(i) & 3) == 0) {  // kick out the element there
        std::swap(keys_[i], key);
        std::swap(values_[i], value);
        set_deleted(i);
      } else {
        keys_[i] = key;
        values_[i] = std::move(value);
        break;
      }
    }
  }
  if (old_buckets > new_buckets) {
    keys_.resize(new_buckets);
    values_.resize(new_buckets);
  }
  flags_ = std::move(new_flags);
  occupied_ = size_;
  upper_bound_ = static_cast<uint32_t>(new_buckets * kHashUpper + 0.5);
}

size_t KhashBins::Put(uint32_t key) {
  if (occupied_ >= upper_bound_) {
    if (buckets() > (size_t{size_} << 1))
      Resize(static_cast<uint32_t>(buckets()) - 1);  // clears deleted slots
    else
      Resize(static_cast<uint32_t>(buckets()) + 1);  // grows
  }
  const uint32_t n = static_cast<uint32_t>(buckets());
  const uint32_t mask = n - 1;
  uint32_t x = n;
  uint32_t site = n;
  uint32_t i = key & mask;
  if (IsEmpty(i)) {
    x = i;
  } else {
    const uint32_t last = i;
    uint32_t step = 0;
    while (!IsEmpty(i) && (IsDeleted(i) || keys_[i] != key)) {
      if (IsDeleted(i))
        site = i;
      i = (i + (++step)) & mask;
      if (i == last) {
        x = site;
        break;
      }
    }
    if (x == n)
      x = (IsEmpty(i) && site != n) ? site : i;
  }
  const uint32_t clear = ~(3u << ((x & 15) << 1));
  if (IsEmpty(x)) {
    keys_[x] = key;
    values_[x] = IndexBin();
    flags_[x >> 4] &= clear;
    ++size_;
    ++occupied_;
  } else if (IsDeleted(x)) {
    keys_[x] = key;
    values_[x] = IndexBin();
    flags_[x >> 4] &= clear;
    ++size_;
  }
  return x;
}

void KhashBins::Delete(size_t slot) {
  if (slot != buckets() && Exists(slot)) {
    flags_[slot >> 4] |= 1u << ((slot & 15) << 1);
    values_[slot] = IndexBin();
    --size_;
  }
}

// ---- BamIndexBuilder: hts.c's index building ----

int BamIndexBuilder::CsiDepth(int64_t longest) {
  const int64_t max_length = longest + 256;
  int depth = 0;
  for (int64_t s = int64_t{1} << 14; max_length > s; s <<= 3)
    ++depth;
  return depth;
}

BamIndexBuilder::BamIndexBuilder(size_t references, bool csi, int depth, uint64_t offset0)
    : csi_(csi),
      offset0_(offset0),
      depth_(csi ? depth : 5),
      n_bins_(((1 << ((csi ? depth : 5) * 3 + 3)) - 1) / 7),
      bins_(references),
      has_bins_(references, false),
      linear_(references),
      last_off_(offset0),
      save_off_(offset0),
      off_beg_(offset0),
      off_end_(offset0) {}

void BamIndexBuilder::InsertToBin(int32_t tid, uint32_t bin, uint64_t begin, uint64_t end) {
  KhashBins& bins = bins_[static_cast<size_t>(tid)];
  bins.value(bins.Put(bin)).chunks.push_back(IndexChunk{begin, end});
}

void BamIndexBuilder::InsertToLinear(int32_t tid, int64_t beg, int64_t end, uint64_t offset) {
  std::vector<uint64_t>& offsets = linear_[static_cast<size_t>(tid)].offsets;
  const int64_t first = beg >> min_shift_;
  const int64_t last = (end - 1) >> min_shift_;
  if (static_cast<int64_t>(offsets.size()) < last + 1)
    offsets.resize(static_cast<size_t>(last + 1), kUnset);
  for (int64_t i = first; i <= last; ++i) {
    if (offsets[static_cast<size_t>(i)] == kUnset)
      offsets[static_cast<size_t>(i)] = offset;
  }
}

Status BamIndexBuilder::Push(int32_t tid, int64_t beg, int64_t end, uint64_t offset, bool mapped) {
  const int64_t max_position = int64_t{1} << (min_shift_ + depth_ * 3);
  if (tid < 0) {
    beg = -1;
    end = 0;
  }
  if (tid >= 0 && (beg > max_position || end > max_position)) {
    return Status::Error("position " + std::to_string(std::max(beg, end)) +
                         " is past what this index can hold");
  }
  if (tid >= static_cast<int32_t>(bins_.size()))
    return Status::Error("a record names reference " + std::to_string(tid) + " of " +
                         std::to_string(bins_.size()));
  if (last_tid_ != tid || (last_tid_ >= 0 && tid < 0)) {  // another reference
    if (tid >= 0 && n_no_coor_)
      return Status::Error("unplaced reads are not all at the end of the file");
    if (tid >= 0 && has_bins_[static_cast<size_t>(tid)])
      return Status::Error("the records of a reference are not all together (not sorted)");
    last_tid_ = tid;
    last_bin_ = kNone;
  } else if (tid >= 0 && last_coor_ > beg) {
    return Status::Error("not sorted by position: " + std::to_string(last_coor_ + 1) +
                         " followed by " + std::to_string(beg + 1));
  }
  if (end < beg) {
    return Status::Error("a record ends (" + std::to_string(end) + ") before it begins (" +
                         std::to_string(beg + 1) + ")");
  }
  if (tid >= 0) {
    // htslib 1.16 puts unmapped reads placed on a reference in the linear index too.
    has_bins_[static_cast<size_t>(tid)] = true;
    if (beg < 0)
      beg = 0;
    if (end <= 0)
      end = 1;
    InsertToLinear(tid, beg, end, last_off_);
  } else {
    ++n_no_coor_;
  }
  const uint32_t bin = static_cast<uint32_t>(BinOf(beg, end, min_shift_, depth_));
  if (last_bin_ != bin) {
    if (save_bin_ != kNone)
      InsertToBin(save_tid_, save_bin_, save_off_, last_off_);
    if (last_bin_ == kNone && save_bin_ != kNone) {  // another reference: its meta bin
      off_end_ = last_off_;
      InsertToBin(save_tid_, MetaBin(), off_beg_, off_end_);
      InsertToBin(save_tid_, MetaBin(), n_mapped_, n_unmapped_);
      n_mapped_ = n_unmapped_ = 0;
      off_beg_ = off_end_;
    }
    save_off_ = last_off_;
    save_bin_ = last_bin_ = bin;
    save_tid_ = tid;
  }
  if (mapped)
    ++n_mapped_;
  else
    ++n_unmapped_;
  last_off_ = offset;
  last_coor_ = beg;
  return Status::Ok();
}

void BamIndexBuilder::UpdateLoff(size_t tid) {
  // htslib 1.16 (Debian 12's samtools) fills a window no record starts in from the window after
  // it; the last window is always set.
  std::vector<uint64_t>& offsets = linear_[tid].offsets;
  for (size_t l = offsets.size(); l-- > 1;) {
    if (offsets[l - 1] == kUnset)
      offsets[l - 1] = offsets[l];
  }
  if (!has_bins_[tid])
    return;
  KhashBins& bins = bins_[tid];
  for (size_t k = 0; k < bins.buckets(); ++k) {
    if (!bins.Exists(k))
      continue;
    const uint32_t key = bins.key(k);
    if (key < static_cast<uint32_t>(n_bins_)) {
      const int64_t bottom = BinBottom(static_cast<int>(key), depth_);
      bins.value(k).loff =
          bottom < static_cast<int64_t>(offsets.size()) ? offsets[static_cast<size_t>(bottom)] : 0;
    } else {
      bins.value(k).loff = 0;
    }
  }
}

void BamIndexBuilder::CompressBinning(size_t tid) {
  if (!has_bins_[tid])
    return;
  KhashBins& bins = bins_[tid];
  auto by_begin = [](const IndexChunk& a, const IndexChunk& b) { return a.begin < b.begin; };
  // Merge a bin into its parent when its chunks span less than 64 KB of compressed file.
  for (int level = depth_; level > 0; --level) {
    const uint32_t start = static_cast<uint32_t>(BinFirst(level));
    for (size_t k = 0; k < bins.buckets(); ++k) {
      if (!bins.Exists(k) || bins.key(k) >= static_cast<uint32_t>(n_bins_) || bins.key(k) < start) {
        continue;
      }
      std::vector<IndexChunk>& chunks = bins.value(k).chunks;
      if (level < depth_ && chunks.size() > 1)
        std::sort(chunks.begin(), chunks.end(), by_begin);  // begins are distinct
      if ((chunks.back().end >> 16) - (chunks.front().begin >> 16) < kMinMarkerDistance) {
        const size_t parent =
            bins.Get(static_cast<uint32_t>(BinParent(static_cast<int>(bins.key(k)))));
        if (parent == bins.buckets())
          continue;
        std::vector<IndexChunk>& into = bins.value(parent).chunks;
        into.insert(into.end(), chunks.begin(), chunks.end());
        bins.Delete(k);
      }
    }
  }
  const size_t top = bins.Get(0);
  if (top != bins.buckets()) {
    std::vector<IndexChunk>& chunks = bins.value(top).chunks;
    std::sort(chunks.begin(), chunks.end(), by_begin);
  }
  // Merge adjacent chunks that start in the same BGZF block.
  for (size_t k = 0; k < bins.buckets(); ++k) {
    if (!bins.Exists(k) || bins.key(k) >= static_cast<uint32_t>(n_bins_))
      continue;
    std::vector<IndexChunk>& p = bins.value(k).chunks;
    size_t m = 0;
    for (size_t l = 1; l < p.size(); ++l) {
      if (p[m].end >> 16 >= p[l].begin >> 16) {
        if (p[m].end < p[l].end)
          p[m].end = p[l].end;
      } else {
        p[++m] = p[l];
      }
    }
    p.resize(m + 1);
  }
}

void BamIndexBuilder::Finish(uint64_t final_offset) {
  if (finished_)
    return;
  finished_ = true;
  if (save_tid_ >= 0) {
    InsertToBin(save_tid_, save_bin_, save_off_, final_offset);
    InsertToBin(save_tid_, MetaBin(), off_beg_, final_offset);
    InsertToBin(save_tid_, MetaBin(), n_mapped_, n_unmapped_);
  }
  for (size_t tid = 0; tid < bins_.size(); ++tid) {
    UpdateLoff(tid);
    CompressBinning(tid);
  }
}

std::string BamIndexBuilder::Serialize() const {
  std::string out;
  if (csi_) {
    out.append("CSI\1", 4);
    PutLittleEndian<int32_t>(&out, min_shift_);
    PutLittleEndian<int32_t>(&out, depth_);
    PutLittleEndian<uint32_t>(&out, 0);  // no meta data
  } else {
    out.append("BAI\1", 4);
  }
  PutLittleEndian<int32_t>(&out, static_cast<int32_t>(bins_.size()));
  for (size_t tid = 0; tid < bins_.size(); ++tid) {
    const KhashBins& bins = bins_[tid];
    PutLittleEndian<int32_t>(&out, has_bins_[tid] ? static_cast<int32_t>(bins.size()) : 0);
    if (has_bins_[tid]) {
      for (size_t k = 0; k < bins.buckets(); ++k) {
        if (!bins.Exists(k))
          continue;
        const IndexBin& bin = bins.value(k);
        PutLittleEndian<uint32_t>(&out, bins.key(k));
        if (csi_)
          PutLittleEndian<uint64_t>(&out, bin.loff);
        PutLittleEndian<int32_t>(&out, static_cast<int32_t>(bin.chunks.size()));
        for (const IndexChunk& c : bin.chunks) {
          PutLittleEndian<uint64_t>(&out, c.begin);
          PutLittleEndian<uint64_t>(&out, c.end);
        }
      }
    }
    if (!csi_) {
      const std::vector<uint64_t>& offsets = linear_[tid].offsets;
      PutLittleEndian<int32_t>(&out, static_cast<int32_t>(offsets.size()));
      for (uint64_t o : offsets)
        PutLittleEndian<uint64_t>(&out, o);
    }
  }
  PutLittleEndian<uint64_t>(&out, n_no_coor_);
  return out;
}

}  // namespace readforge
