// A first pass over a reference that has no index: the contig names and lengths, which -N and
// --vcf need before the simulation starts. It uses the simulator's own parser, so a reference
// the scanner accepts is one the simulator accepts.
#ifndef READFORGE_ENGINE_CONTIG_SCANNER_H_
#define READFORGE_ENGINE_CONTIG_SCANNER_H_

#include <cstddef>
#include <vector>

#include "engine/fasta_parser.h"
#include "engine/status.h"
#include "engine/truth_writer.h"

namespace readforge {

class ContigScanner {
 public:
  Status Push(const char* data, size_t size);
  Status Finish();
  const std::vector<ContigInfo>& contigs() const { return contigs_; }
  int64_t bases() const { return bases_; }

 private:
  FastaParser parser_;
  std::vector<ContigInfo> contigs_;
  int64_t bases_ = 0;
};

}  // namespace readforge

#endif  // READFORGE_ENGINE_CONTIG_SCANNER_H_
