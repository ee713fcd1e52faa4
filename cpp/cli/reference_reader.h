// Reads a reference file, plain or gzip/bgzip (zlib handles both), or standard input.
#ifndef READFORGE_CLI_REFERENCE_READER_H_
#define READFORGE_CLI_REFERENCE_READER_H_

#include <zlib.h>

#include <cstddef>
#include <string>
#include <vector>

#include "engine/contig_scanner.h"
#include "engine/gap_index.h"
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

// What a run knows of the reference before reading it: contig names and lengths (empty when
// unknown) and, when asked for, its N runs.
struct ReferenceIndex {
  std::vector<ContigInfo> contigs;
  GapIndex gaps;
  std::string contigs_from = ".fai";  // or the sidecar that listed them, for messages
};

// Contig names and lengths from --fai, else <ref>.fai when present; N runs (only when
// `need_gaps`, or given explicitly) from --gaps, else <ref>.gaps.bed when present. What is
// needed and missing comes from one first pass over the reference when it is a regular file
// (from a pipe it stays missing: the engine says what to do).
Status LoadReferenceIndex(const std::string& ref_path,
                          const std::string& fai_path,
                          const std::string& gaps_path,
                          bool need_lengths,
                          bool need_gaps,
                          ReferenceIndex* index);

// The first pass on its own: contig names, lengths and N runs of a reference file.
Status ScanReference(const std::string& ref_path, ContigScanner* scanner);

}  // namespace readforge

#endif  // READFORGE_CLI_REFERENCE_READER_H_
