// Reads a reference file, plain or gzip/bgzip (zlib handles both), or standard input.
#ifndef READFORGE_CLI_REFERENCE_READER_H_
#define READFORGE_CLI_REFERENCE_READER_H_

#include <zlib.h>

#include <cstddef>
#include <string>
#include <vector>

#include "engine/simulator.h"
#include "engine/status.h"
#include "engine/truth_writer.h"

namespace readforge {

class ReferenceReader {
 public:
  ReferenceReader() = default;
  ReferenceReader(const ReferenceReader&) = delete;
  ReferenceReader& operator=(const ReferenceReader&) = delete;
  ~ReferenceReader();

  Status Open(const std::string& path);  // "-" is standard input
  // Reads up to `capacity` bytes; *got == 0 means the end of the file.
  Status Read(char* dst, size_t capacity, size_t* got);

 private:
  gzFile file_ = nullptr;
  std::string path_;
};

// Feeds the simulator the reader's next piece (at the end of the file, Finish()). For hosts'
// loops when Run() returns kNeedInput.
Status FeedNext(ReferenceReader& reader, Simulator& sim, bool* input_done);

// True for a path that can be read twice (not "-", a pipe or a terminal).
bool IsRegularFile(const std::string& path);
bool FileExists(const std::string& path);
Status ReadWholeFile(const std::string& path, std::string* text);

// Contig names and lengths: from --fai, else <ref>.fai when present, else (only when `needed`
// and the reference is a regular file) a first pass over the reference. Empty when unknown.
Status LoadContigs(const std::string& ref_path,
                   const std::string& fai_path,
                   bool needed,
                   std::vector<ContigInfo>* contigs);

}  // namespace readforge

#endif  // READFORGE_CLI_REFERENCE_READER_H_
