// A first pass over a reference: the contig names and lengths, which -N and --vcf need before
// the simulation starts, and the N runs, which the plan needs to put pairs where reads can be
// (see gap_index.h). It uses the simulator's own parser, so a reference the scanner accepts is
// one the simulator accepts. This is the pass `readforge index` saves as a sidecar.
#ifndef READFORGE_FORMATS_CONTIG_SCANNER_H_
#define READFORGE_FORMATS_CONTIG_SCANNER_H_

#include <cstddef>
#include <string>
#include <vector>

#include "formats/contig_digests.h"
#include "formats/contig_list.h"
#include "formats/fasta_parser.h"
#include "formats/gap_index.h"
#include "formats/reference_layout.h"
#include "formats/status.h"

namespace readforge {

class ContigScanner {
 public:
  // `digests`: each contig's MD5 too (contig_digests.h; ReferenceLayout::contig_md5), at the
  // cost of hashing every base.
  explicit ContigScanner(bool digests = false);

  Status Push(const char* data, size_t size);
  Status Finish();

  // Sparse input (the regions of an indexed remote FASTA, measured before a run): the bytes
  // pushed next are contig `name`'s sequence from base `position` on. `contigs` are the index's;
  // the runs found are those of the bytes pushed (all a plan of those regions needs).
  Status BeginContigAt(const ContigList& contigs, const std::string& name, int64_t position);

  // After Finish().
  const ContigList& contigs() const { return layout_.contigs; }
  const GapIndex& gaps() const { return layout_.gaps; }
  const std::string& contig_md5() const { return layout_.contig_md5; }
  // The layout measured, handed over (the scanner is spent).
  ReferenceLayout TakeLayout() { return std::move(layout_); }
  int64_t bases() const { return bases_; }

 private:
  // The runs found in the current contig go to the index.
  void FlushRuns();

  // The MD5 of the current contig ends; it goes to the layout.
  void FlushDigest();

  const bool digests_;
  FastaParser parser_;
  Md5 md5_;
  ReferenceLayout layout_;
  std::vector<NRun> runs_;  // of the current contig, not yet in the index
  std::string scratch_;     // normalised bases, searched for runs of N
  int64_t bases_ = 0;
  size_t current_ = 0;    // the contig being read
  int64_t position_ = 0;  // in the current contig
  bool sparse_ = false;
};

}  // namespace readforge

#endif  // READFORGE_FORMATS_CONTIG_SCANNER_H_
