// What a run knows of the reference before reading it: the .fai, the N-run sidecar, or a first
// pass over the file that measures both.
#ifndef READFORGE_CLI_REFERENCE_INDEX_H_
#define READFORGE_CLI_REFERENCE_INDEX_H_

#include <string>

#include "formats/contig_scanner.h"
#include "formats/reference_layout.h"
#include "formats/status.h"

namespace readforge {

// Contig names and lengths from --fai, else <ref>.fai when present; N runs (only when
// `need_gaps`, or given explicitly) and MD5s (when `need_digests`: the M5 of truth alignments)
// from --gaps, else <ref>.gaps.bed when present. What is needed and missing comes from one first
// pass over the reference when it is a regular file (from a pipe it stays missing: the engine
// says what to do, and alignments go without M5).
Status LoadReferenceIndex(const std::string& ref_path,
                          const std::string& fai_path,
                          const std::string& gaps_path,
                          bool need_lengths,
                          bool need_gaps,
                          ReferenceLayout* layout,
                          bool need_digests = false);

// The first pass on its own: contig names, lengths and N runs of a reference file.
Status ScanReference(const std::string& ref_path, ContigScanner* scanner);

}  // namespace readforge

#endif  // READFORGE_CLI_REFERENCE_INDEX_H_
