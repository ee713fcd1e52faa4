// Where a position falls among a window's variants: the index of the first variant at or after
// it. Every read asks this twice; a binary search over the positions was a third of a read's
// time with dense variants (a chain of dependent loads), so positions are bucketed by 256 bases
// and a lookup is one table read and a short scan (a handful of variants per bucket even at one
// variant every 45 bases).
#ifndef READFORGE_ENGINE_VARIANT_INDEX_H_
#define READFORGE_ENGINE_VARIANT_INDEX_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/variants.h"

namespace readforge {

class VariantIndex {
 public:
  // `variants` sorted by position.
  void Build(const std::vector<Variant>& variants);

  size_t FirstAtOrAfter(int64_t pos) const {
    const int64_t bucket = (pos >> kShift) - first_bucket_;
    if (bucket < 0)
      return 0;
    if (bucket >= static_cast<int64_t>(bucket_starts_.size()))
      return positions_.size();
    size_t i = bucket_starts_[static_cast<size_t>(bucket)];
    while (i < positions_.size() && positions_[i] < pos)
      ++i;
    return i;
  }

 private:
  static constexpr int kShift = 8;
  std::vector<int64_t> positions_;
  // bucket_starts_[b]: the first variant at or after the start of bucket first_bucket_ + b.
  std::vector<uint32_t> bucket_starts_;
  int64_t first_bucket_ = 0;
};

}  // namespace readforge

#endif  // READFORGE_ENGINE_VARIANT_INDEX_H_
