#include "engine/variant_index.h"

namespace readforge {

void VariantIndex::Build(const std::vector<Variant>& variants, const std::string& inserted) {
  variants_ = &variants;
  inserted_ = &inserted;
  entries_.resize(variants.size());
  for (size_t i = 0; i < variants.size(); ++i) {
    const Variant& v = variants[i];
    const uint8_t applies = v.on_n ? 0 : v.haplotypes;
    // Lengths are at most kMaxIndelLength (a SNP's is 1).
    entries_[i] = Entry{v.pos, static_cast<int32_t>(v.length), v.type, applies, v.snp_shift};
  }
  bucket_starts_.clear();
  if (entries_.empty())
    return;
  first_bucket_ = entries_.front().pos >> kShift;
  const int64_t buckets = (entries_.back().pos >> kShift) - first_bucket_ + 1;
  bucket_starts_.resize(static_cast<size_t>(buckets));
  size_t i = 0;
  for (int64_t b = 0; b < buckets; ++b) {
    const int64_t start = (first_bucket_ + b) << kShift;
    while (entries_[i].pos < start)  // the last bucket holds the last variant: i stays in range
      ++i;
    bucket_starts_[static_cast<size_t>(b)] = static_cast<uint32_t>(i);
  }
}

}  // namespace readforge
