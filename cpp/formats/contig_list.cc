#include "formats/contig_list.h"

#include <algorithm>

namespace readforge {
namespace {

// FNV-1a, folded: the table indexes by the low bits, FNV's weakest, so the high ones are mixed in.
uint64_t NameHash(std::string_view name) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : name) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  return h ^ (h >> 29) ^ (h >> 47);
}

}  // namespace

ContigList::ContigList(std::initializer_list<ContigInfo> contigs) {
  for (const ContigInfo& c : contigs)
    Add(c.name, c.length);
}

ContigList::ContigList(const std::vector<ContigInfo>& contigs) {
  for (const ContigInfo& c : contigs)
    Add(c.name, c.length);
}

int64_t ContigList::total_length() const {
  int64_t total = 0;
  for (int64_t length : lengths_)
    total += length;
  return total;
}

void ContigList::Reserve(size_t contigs, size_t name_bytes) {
  names_.reserve(name_bytes);
  name_ends_.reserve(contigs);
  lengths_.reserve(contigs);
}

void ContigList::Add(std::string_view name, int64_t length) {
  const uint32_t index = static_cast<uint32_t>(lengths_.size());
  names_.append(name);
  name_ends_.push_back(names_.size());
  lengths_.push_back(length);
  // Kept at most half full: probes stay short.
  if (2 * lengths_.size() > slots_.size())
    Grow();
  else
    Insert(index, NameHash(name));
}

bool ContigList::AddUnique(std::string_view name, int64_t length) {
  if (IndexOf(name) >= 0)
    return false;
  Add(name, length);
  return true;
}

int64_t ContigList::IndexOf(std::string_view name) const {
  if (slots_.empty())
    return -1;
  const size_t mask = slots_.size() - 1;
  for (size_t slot = NameHash(name) & mask;; slot = (slot + 1) & mask) {
    const uint32_t entry = slots_[slot];
    if (entry == 0)
      return -1;
    if (this->name(entry - 1) == name)
      return entry - 1;
  }
}

void ContigList::Insert(uint32_t index, uint64_t hash) {
  const size_t mask = slots_.size() - 1;
  size_t slot = hash & mask;
  // A duplicate goes after the first of its name, so IndexOf finds the first.
  while (slots_[slot] != 0)
    slot = (slot + 1) & mask;
  slots_[slot] = index + 1;
}

void ContigList::Grow() {
  slots_.assign(std::max<size_t>(16, slots_.size() * 2), 0);
  for (uint32_t i = 0; i < lengths_.size(); ++i)
    Insert(i, NameHash(name(i)));
}

std::string ContigList::FirstNames() const {
  std::string names;
  const size_t shown = std::min<size_t>(size(), 10);
  for (size_t i = 0; i < shown; ++i) {
    names += i ? ", " : "";
    names += name(i);
  }
  if (size() > shown)
    names += ", ... (" + std::to_string(size()) + " in all)";
  return names;
}

size_t ContigList::MemoryBytes() const {
  return names_.capacity() + name_ends_.capacity() * sizeof(uint64_t) +
         lengths_.capacity() * sizeof(int64_t) + slots_.capacity() * sizeof(uint32_t);
}

}  // namespace readforge
