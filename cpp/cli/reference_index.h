// What a run knows of the reference before reading it: the .fai, the N-run sidecar, or a first
// pass over the file that measures both.
#ifndef READFORGE_CLI_REFERENCE_INDEX_H_
#define READFORGE_CLI_REFERENCE_INDEX_H_

#include <string>
#include <vector>

#include "engine/contig_scanner.h"
#include "engine/gap_index.h"
#include "engine/status.h"
#include "engine/truth_writer.h"

namespace readforge {

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

#endif  // READFORGE_CLI_REFERENCE_INDEX_H_
