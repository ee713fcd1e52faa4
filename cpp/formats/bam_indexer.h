// Indexes a BAM as it streams past (as it is written, or read back): the bytes go in, the index
// `samtools index` would make of the same file comes out, BAI or, when a reference is longer
// than BAI can hold (512 Mb), CSI.
#ifndef READFORGE_FORMATS_BAM_INDEXER_H_
#define READFORGE_FORMATS_BAM_INDEXER_H_

#include <cstddef>
#include <memory>
#include <string>

#include "formats/bam_index.h"
#include "formats/bam_reader.h"
#include "formats/status.h"

namespace readforge {

class BamIndexer {
 public:
  // `csi`: CSI whatever the references' lengths (`samtools index -c`).
  explicit BamIndexer(bool csi = false) : always_csi_(csi) {}

  Status Push(const char* data, size_t size);
  // After the whole BAM: Ok when it was a sorted BAM to the end.
  Status Finish();

  // After Finish(): whether the index is CSI (else BAI), its file name's extension, and its
  // bytes (CSI compressed as BGZF, as htslib writes it).
  bool csi() const { return builder_ && builder_->csi(); }
  const char* extension() const { return csi() ? ".csi" : ".bai"; }
  const std::string& bytes() const { return bytes_; }

 private:
  Status Drain();

  const bool always_csi_;
  BamReader reader_;
  std::unique_ptr<BamIndexBuilder> builder_;
  std::string bytes_;
};

}  // namespace readforge

#endif  // READFORGE_FORMATS_BAM_INDEXER_H_
