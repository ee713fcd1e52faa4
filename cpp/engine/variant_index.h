// The window's variants as reads need them: compact entries (16 bytes, where a Variant with its
// inserted bases is 64) in a table that stays in cache, and the index of the first variant at or
// after a position. Every read asks that twice; a binary search was a third of a read's time
// with dense variants (a chain of dependent loads), so positions are bucketed by 256 bases and a
// lookup is one table read and a short scan (a handful of variants even at one every 45 bases).
#ifndef READFORGE_ENGINE_VARIANT_INDEX_H_
#define READFORGE_ENGINE_VARIANT_INDEX_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/variants.h"

namespace readforge {

class VariantIndex {
 public:
  struct Entry {
    int64_t pos;
    int32_t length;
    VariantType type;
    uint8_t applies;  // bit h: on haplotype h and not on an N of the reference
    uint8_t snp_shift;

    bool AppliesTo(int hap) const { return (applies >> hap) & 1; }
  };

  // `variants` sorted by position, their inserted bases in `inserted`; the index refers to both
  // until the next Build.
  void Build(const std::vector<Variant>& variants, const std::string& inserted);

  size_t size() const { return entries_.size(); }
  const Entry& operator[](size_t i) const { return entries_[i]; }
  // The inserted bases of insertion i.
  std::string_view inserted(size_t i) const { return (*variants_)[i].InsertedIn(*inserted_); }

  size_t FirstAtOrAfter(int64_t pos) const {
    const int64_t bucket = (pos >> kShift) - first_bucket_;
    if (bucket < 0)
      return 0;
    if (bucket >= static_cast<int64_t>(bucket_starts_.size()))
      return entries_.size();
    size_t i = bucket_starts_[static_cast<size_t>(bucket)];
    while (i < entries_.size() && entries_[i].pos < pos)
      ++i;
    return i;
  }

 private:
  static constexpr int kShift = 8;
  const std::vector<Variant>* variants_ = nullptr;
  const std::string* inserted_ = nullptr;
  std::vector<Entry> entries_;
  // bucket_starts_[b]: the first variant at or after the start of bucket first_bucket_ + b.
  std::vector<uint32_t> bucket_starts_;
  int64_t first_bucket_ = 0;
};

}  // namespace readforge

#endif  // READFORGE_ENGINE_VARIANT_INDEX_H_
