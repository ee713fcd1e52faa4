// The reference's contigs, names and lengths in reference order, with lookup by name: what every
// part of a run knows of the reference's layout. Built for references of millions of contigs
// (draft assemblies, transcriptomes, metagenomes): the names live once in one buffer, with no
// allocation per contig, and are found through an open-addressing table of 32-bit indices.
// A contig costs its name plus about 24 bytes (8 for where its name ends, 8 for its length,
// 4 to 8 for the table).
#ifndef READFORGE_FORMATS_CONTIG_LIST_H_
#define READFORGE_FORMATS_CONTIG_LIST_H_

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace readforge {

// One contig, as a value (tests and small hosts build lists from these).
struct ContigInfo {
  std::string name;
  int64_t length = 0;
};

class ContigList {
 public:
  ContigList() = default;
  ContigList(std::initializer_list<ContigInfo> contigs);
  explicit ContigList(const std::vector<ContigInfo>& contigs);

  size_t size() const { return lengths_.size(); }
  bool empty() const { return lengths_.empty(); }
  std::string_view name(size_t i) const {
    const uint64_t begin = i == 0 ? 0 : name_ends_[i - 1];
    return std::string_view(names_).substr(begin, name_ends_[i] - begin);
  }
  int64_t length(size_t i) const { return lengths_[i]; }
  void set_length(size_t i, int64_t length) { lengths_[i] = length; }
  int64_t total_length() const;

  // Appends a contig, whether or not its name is listed already (callers that must refuse
  // duplicates ask IndexOf first, or use AddUnique).
  void Add(std::string_view name, int64_t length);
  // Appends a contig unless its name is listed: false then, and nothing is added.
  bool AddUnique(std::string_view name, int64_t length);
  // The first contig of that name, or -1.
  int64_t IndexOf(std::string_view name) const;
  bool Contains(std::string_view name) const { return IndexOf(name) >= 0; }

  // Room for `contigs` contigs whose names hold `name_bytes` bytes in all.
  void Reserve(size_t contigs, size_t name_bytes);

  // "chr1, chr2, ... (3 in all)": the first ten names, for messages.
  std::string FirstNames() const;
  // Bytes held, for memory budgets and benchmarks.
  size_t MemoryBytes() const;

  bool operator==(const ContigList& other) const {
    return names_ == other.names_ && name_ends_ == other.name_ends_ && lengths_ == other.lengths_;
  }
  bool operator!=(const ContigList& other) const { return !(*this == other); }

 private:
  void Grow();
  void Insert(uint32_t index, uint64_t hash);

  std::string names_;
  std::vector<uint64_t> name_ends_;
  std::vector<int64_t> lengths_;
  std::vector<uint32_t> slots_;  // index + 1 of a contig, 0 when free; a power of two in size
};

}  // namespace readforge

#endif  // READFORGE_FORMATS_CONTIG_LIST_H_
