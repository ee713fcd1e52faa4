// Reads an input file, plain or gzip (zlib) or bgzip (block by block, cli/bgzf_input.h), or
// standard input: references, VCFs and FASTQ alike. Also small helpers about files.
#ifndef READFORGE_CLI_INPUT_READER_H_
#define READFORGE_CLI_INPUT_READER_H_

#include <zlib.h>

#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "cli/bgzf_input.h"
#include "cli/read_ahead.h"
#include "engine/simulator.h"
#include "formats/status.h"

namespace readforge {

class InputReader {
 public:
  InputReader() = default;
  InputReader(const InputReader&) = delete;
  InputReader& operator=(const InputReader&) = delete;
  ~InputReader();

  // "-" is standard input. With `read_ahead`, a regular file is read (and inflated) on a thread
  // of its own, ahead of the reads (a pipe has its writer for that, and may never end).
  Status Open(const std::string& path, bool read_ahead = false);
  // Reads up to `capacity` bytes; *got == 0 means the end of the file.
  Status Read(char* dst, size_t capacity, size_t* got);

 private:
  Status ReadHere(char* dst, size_t capacity, size_t* got);
  // zlib reads on where a bgzip file stops being one (from BgzfInput::handover_offset()).
  Status HandOverToZlib();

  gzFile file_ = nullptr;
  std::string path_;
  int bgzf_fd_ = -1;
  std::unique_ptr<BgzfInput> bgzf_;  // a regular file that starts as bgzip
  bool handed_over_ = false;
  std::unique_ptr<ReadAhead> ahead_;
};

// Feeds the simulator the reader's next piece (at the end of the file, Finish()). For hosts'
// loops when Run() returns kNeedInput.
Status FeedNext(InputReader& reader, Simulator& sim, bool* input_done);
// The same for the VCF of --variants, when Run() returns kNeedVariantInput.
Status FeedVariants(InputReader& reader, Simulator& sim);

// A file (or standard input) as it is, not inflated (BAM stays compressed), handed to `push` a
// piece at a time.
Status ReadRaw(const std::string& path, const std::function<Status(const char*, size_t)>& push);

// True for a path that can be read twice (not "-", a pipe or a terminal).
bool IsRegularFile(const std::string& path);
bool FileExists(const std::string& path);
Status ReadWholeFile(const std::string& path, std::string* text);

}  // namespace readforge

#endif  // READFORGE_CLI_INPUT_READER_H_
