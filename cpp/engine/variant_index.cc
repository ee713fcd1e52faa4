#include "engine/variant_index.h"

namespace readforge {

void VariantIndex::Build(const std::vector<Variant>& variants) {
  positions_.resize(variants.size());
  for (size_t i = 0; i < variants.size(); ++i)
    positions_[i] = variants[i].pos;
  bucket_starts_.clear();
  if (positions_.empty())
    return;
  first_bucket_ = positions_.front() >> kShift;
  const int64_t buckets = (positions_.back() >> kShift) - first_bucket_ + 1;
  bucket_starts_.resize(static_cast<size_t>(buckets));
  size_t i = 0;
  for (int64_t b = 0; b < buckets; ++b) {
    const int64_t start = (first_bucket_ + b) << kShift;
    while (positions_[i] < start)  // the last bucket holds the last variant: i stays in range
      ++i;
    bucket_starts_[static_cast<size_t>(b)] = static_cast<uint32_t>(i);
  }
}

}  // namespace readforge
