// Adapter read-through (--adapters): a read longer than its fragment runs off the insert into
// the adapter ligated to it, then past the adapter's end into the filler, poly-G (what
// two-colour instruments, NovaSeq and later, read where the library gives no signal). Each mate
// has its own adapter: TruSeq's two, Nextera's one for both, or sequences given.
#ifndef READFORGE_ENGINE_ADAPTERS_H_
#define READFORGE_ENGINE_ADAPTERS_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "formats/status.h"

namespace readforge {

class Adapters {
 public:
  static constexpr char kFiller = 'G';
  static constexpr size_t kMaxLength = 1000;

  // `truseq`, `nextera`, or SEQ (both mates) or SEQ1,SEQ2: A, C, G and T (any case).
  static Status Parse(std::string_view text, Adapters* adapters);

  // The `n` bases mate `mate` (0: read 1, 1: read 2) reads after its insert ends.
  void ReadThrough(int mate, char* out, int64_t n) const;

  // What was asked: the built-in name, or the sequences as given (upper case).
  const std::string& name() const { return name_; }
  const std::string& sequence(int mate) const { return sequences_[static_cast<size_t>(mate)]; }

 private:
  std::string name_;
  std::array<std::string, 2> sequences_;
};

}  // namespace readforge

#endif  // READFORGE_ENGINE_ADAPTERS_H_
