// A bgzip file read block by block (engine/bgzf_reader.h) instead of through zlib's stream: for
// the inputs InputReader opens, when their first bytes are a BGZF block. A member that is not one
// (a plain gzip file appended to a bgzip one) ends it: the caller reads the rest with zlib from
// handover_offset().
#ifndef READFORGE_CLI_BGZF_INPUT_H_
#define READFORGE_CLI_BGZF_INPUT_H_

#include <cstddef>
#include <string>
#include <vector>

#include "formats/bgzf_reader.h"
#include "formats/status.h"

namespace readforge {

class BgzfInput {
 public:
  // Whether the file at `fd` starts with a BGZF block (read with pread: the offset stays).
  static bool Starts(int fd);

  // Reads `fd` (not owned) from its current offset; `name` for errors.
  BgzfInput(int fd, std::string name);

  // Up to `capacity` bytes; *got == 0 at the end, or when the rest is not BGZF (handed_over()).
  Status Read(char* dst, size_t capacity, size_t* got);

  bool handed_over() const { return handed_over_; }
  // Where the first member that is not a BGZF block starts.
  long long handover_offset() const { return offset_; }

 private:
  // Makes sure the buffer holds `n` bytes from `begin_` (fewer only at the end of the file).
  Status Fill(size_t n);

  int fd_;
  std::string name_;
  BgzfBlockInflater inflater_;
  std::vector<unsigned char> in_;  // file bytes [offset_ - begin_, ...) from in_[0]
  size_t begin_ = 0;
  size_t end_ = 0;
  bool eof_ = false;
  long long offset_ = 0;     // the file offset of in_[begin_]
  std::vector<char> block_;  // a block's data that did not fit a Read, from block_at_
  size_t block_at_ = 0;
  bool handed_over_ = false;
};

}  // namespace readforge

#endif  // READFORGE_CLI_BGZF_INPUT_H_
