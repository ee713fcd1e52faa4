#include "formats/tabix.h"

#include <algorithm>
#include <cstring>

namespace readforge {
namespace {

// Little-endian fields, bounds-checked: a short index is an error, never a read past its end.
class Cursor {
 public:
  explicit Cursor(std::string_view bytes) : bytes_(bytes) {}
  bool ok() const { return ok_; }
  template <typename T>
  T Read() {
    T value = 0;
    if (at_ + sizeof(T) > bytes_.size()) {
      ok_ = false;
      return 0;
    }
    for (size_t i = 0; i < sizeof(T); ++i)
      value |= static_cast<T>(static_cast<uint8_t>(bytes_[at_ + i])) << (8 * i);
    at_ += sizeof(T);
    return value;
  }
  // Whether `count` items of `size` bytes each could still follow: counts are checked against
  // what is left before anything is allocated for them.
  bool Holds(int64_t count, size_t size) const {
    return count >= 0 && static_cast<uint64_t>(count) <= (bytes_.size() - at_) / size;
  }
  std::string_view Bytes(size_t n) {
    if (at_ + n > bytes_.size()) {
      ok_ = false;
      return {};
    }
    std::string_view out = bytes_.substr(at_, n);
    at_ += n;
    return out;
  }

 private:
  std::string_view bytes_;
  size_t at_ = 0;
  bool ok_ = true;
};

// htslib's reg2bins: the bins of every level that may hold a record overlapping [beg, end).
std::vector<uint32_t> RegionBins(int64_t beg, int64_t end, int min_shift, int depth) {
  std::vector<uint32_t> bins;
  int s = min_shift + depth * 3;
  if (beg >= end)
    return bins;
  const int64_t top = int64_t{1} << s;
  if (end >= top)
    end = top;
  --end;
  uint32_t first = 0;  // the first bin of each level: 0, 1, 9, 73, 585, ...
  for (int level = 0; level <= depth; ++level) {
    for (int64_t b = first + (beg >> s); b <= first + (end >> s); ++b)
      bins.push_back(static_cast<uint32_t>(b));
    first += 1u << (level * 3);
    s -= 3;
  }
  return bins;
}

}  // namespace

Status TabixIndex::Parse(std::string_view bytes, TabixIndex* index) {
  *index = TabixIndex();
  Cursor in(bytes);
  const std::string_view magic = in.Bytes(4);
  std::string_view names;
  if (magic == std::string_view("TBI\1", 4)) {
    const int32_t n_ref = in.Read<int32_t>();
    for (int i = 0; i < 6; ++i)
      in.Read<int32_t>();  // format, sequence/begin/end columns, comment char, lines to skip
    const int32_t l_nm = in.Read<int32_t>();
    if (!in.ok() || !in.Holds(n_ref, 4) || l_nm < 0)
      return Status::Error("a truncated or damaged tabix index");
    names = in.Bytes(static_cast<size_t>(l_nm));
    index->references_.resize(static_cast<size_t>(n_ref));
  } else if (magic == std::string_view("CSI\1", 4)) {
    index->csi_ = true;
    index->min_shift_ = in.Read<int32_t>();
    index->depth_ = in.Read<int32_t>();
    const int32_t l_aux = in.Read<int32_t>();
    if (!in.ok() || index->min_shift_ < 0 || index->min_shift_ > 32 || index->depth_ < 0 ||
        index->depth_ > 9 || l_aux < 0)
      return Status::Error("a truncated or damaged CSI index");
    Cursor aux(in.Bytes(static_cast<size_t>(l_aux)));
    for (int i = 0; i < 6; ++i)
      aux.Read<int32_t>();
    const int32_t l_nm = aux.Read<int32_t>();
    if (!aux.ok() || l_nm < 0)
      return Status::Error(
          "a CSI index without contig names (one made for BCF? index the VCF "
          "with tabix -C or bcftools index -c)");
    names = aux.Bytes(static_cast<size_t>(l_nm));
    const int32_t n_ref = in.Read<int32_t>();
    if (!in.ok() || !in.Holds(n_ref, 4))
      return Status::Error("a truncated or damaged CSI index");
    index->references_.resize(static_cast<size_t>(n_ref));
  } else {
    return Status::Error("not a tabix (.tbi) or CSI (.csi) index");
  }
  // Contig names: NUL-terminated, in reference order.
  for (size_t start = 0, i = 0; start < names.size(); ++i) {
    size_t nul = names.find('\0', start);
    if (nul == std::string_view::npos)
      nul = names.size();
    index->names_.emplace(std::string(names.substr(start, nul - start)), i);
    start = nul + 1;
  }
  const uint32_t pseudo = ((1u << ((index->depth_ + 1) * 3)) - 1) / 7 + 1;
  for (Reference& ref : index->references_) {
    const int32_t n_bin = in.Read<int32_t>();
    if (!in.ok() || !in.Holds(n_bin, 8))
      return Status::Error("a truncated or damaged index");
    for (int32_t b = 0; b < n_bin; ++b) {
      const uint32_t bin = in.Read<uint32_t>();
      const uint64_t lowest = index->csi_ ? in.Read<uint64_t>() : 0;
      const int32_t n_chunk = in.Read<int32_t>();
      if (!in.ok() || !in.Holds(n_chunk, 16))
        return Status::Error("a truncated or damaged index");
      std::vector<Chunk> chunks(static_cast<size_t>(n_chunk));
      bool ordered = true;
      for (Chunk& c : chunks) {
        c.begin = in.Read<uint64_t>();
        c.end = in.Read<uint64_t>();
        ordered = ordered && c.begin <= c.end;
      }
      if (bin == pseudo)
        continue;  // metadata (record counts), not offsets
      if (!in.ok() || !ordered)
        return Status::Error("a truncated or damaged index");
      ref.bins[bin] = std::move(chunks);
      if (index->csi_)
        ref.bin_offsets[bin] = lowest;
    }
    if (!index->csi_) {
      const int32_t n_intv = in.Read<int32_t>();
      if (!in.ok() || !in.Holds(n_intv, 8))
        return Status::Error("a truncated or damaged tabix index");
      ref.linear.resize(static_cast<size_t>(n_intv));
      for (uint64_t& offset : ref.linear)
        offset = in.Read<uint64_t>();
      if (!in.ok())
        return Status::Error("a truncated or damaged tabix index");
    }
  }
  index->IndexBlockStarts();
  return Status::Ok();
}

void TabixIndex::IndexBlockStarts() {
  first_record_ = UINT64_MAX;
  for (const Reference& ref : references_) {
    for (const auto& [bin, chunks] : ref.bins) {
      for (const Chunk& c : chunks) {
        first_record_ = std::min(first_record_, c.begin);
        block_starts_.push_back(c.begin >> 16);
        block_starts_.push_back(c.end >> 16);
      }
    }
    for (uint64_t offset : ref.linear)
      block_starts_.push_back(offset >> 16);
  }
  if (first_record_ == UINT64_MAX)
    first_record_ = 0;  // no records: the caller reads the header to the end of the file
  std::sort(block_starts_.begin(), block_starts_.end());
  block_starts_.erase(std::unique(block_starts_.begin(), block_starts_.end()), block_starts_.end());
}

uint64_t TabixIndex::BlockEndBound(uint64_t block) const {
  auto next = std::upper_bound(block_starts_.begin(), block_starts_.end(), block);
  return next == block_starts_.end() ? 0 : *next;
}

std::vector<VirtualRange> TabixIndex::RangesFor(const std::vector<Region>& regions) const {
  std::vector<VirtualRange> ranges;
  for (const Region& region : regions) {
    auto name = names_.find(region.contig);
    if (name == names_.end() || name->second >= references_.size())
      continue;
    const Reference& ref = references_[name->second];
    // Records end before this: the linear index (tabix) says where the region's window starts.
    uint64_t min_offset = 0;
    if (!csi_ && !ref.linear.empty()) {
      const size_t window = static_cast<size_t>(region.begin >> min_shift_);
      min_offset = ref.linear[std::min(window, ref.linear.size() - 1)];
    }
    for (uint32_t bin : RegionBins(region.begin, region.end, min_shift_, depth_)) {
      auto it = ref.bins.find(bin);
      if (it == ref.bins.end())
        continue;
      for (const Chunk& c : it->second) {
        if (c.end > min_offset)
          ranges.push_back(VirtualRange{std::max(c.begin, min_offset), c.end});
      }
    }
  }
  std::sort(ranges.begin(), ranges.end(),
            [](const VirtualRange& a, const VirtualRange& b) { return a.begin < b.begin; });
  std::vector<VirtualRange> merged;
  for (const VirtualRange& r : ranges) {
    if (!merged.empty() && r.begin <= merged.back().end)
      merged.back().end = std::max(merged.back().end, r.end);
    else
      merged.push_back(r);
  }
  return merged;
}

}  // namespace readforge
