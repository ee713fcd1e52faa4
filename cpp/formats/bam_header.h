// The header of a coordinate-sorted SAM or BAM: @HD, one @SQ per contig (with M5 when the
// contigs' digests are known), then lines the caller gives (@RG, @PG). Written a piece at a time,
// as the VCF header is: a reference of a million contigs has a header of tens of MB.
//
// BAM's binary header (SAMv1 4.2) is "BAM\1", the text's length, the text, then the contigs
// again as (name, length) entries: the length is worked out first, in one pass over the names.
#ifndef READFORGE_FORMATS_BAM_HEADER_H_
#define READFORGE_FORMATS_BAM_HEADER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "formats/contig_list.h"

namespace readforge {

class BamHeaderWriter {
 public:
  // `md5`: 16 raw bytes per contig, or empty when not known. `lines`: the text after the @SQ
  // lines, whole lines ending in '\n'. `binary`: BAM (else SAM text). All must outlive the
  // writer.
  BamHeaderWriter(const ContigList& contigs,
                  std::string_view md5,
                  std::string_view lines,
                  bool binary);

  // Appends the next piece (about `budget` bytes or less, past a line); true once the header
  // is whole.
  bool AppendNext(size_t budget, std::string* out);

 private:
  enum class Part { kStart, kContigLines, kLines, kContigEntries, kDone };

  void AppendContigLine(size_t i, std::string* out) const;
  size_t TextLength() const;

  const ContigList& contigs_;
  const std::string_view md5_;
  const std::string_view lines_;
  const bool binary_;
  Part part_ = Part::kStart;
  size_t next_ = 0;  // the next contig of the current part
};

}  // namespace readforge

#endif  // READFORGE_FORMATS_BAM_HEADER_H_
