// A BAM record as a SAM text line (SAMv1 section 1.4), as `samtools view` prints it: integer
// tags of every width as type i, strings as Z.
#ifndef READFORGE_FORMATS_SAM_TEXT_H_
#define READFORGE_FORMATS_SAM_TEXT_H_

#include <string>

#include "formats/bam_record.h"
#include "formats/contig_list.h"

namespace readforge {

// Appends the line (with its '\n'). The record must be Valid(), its aux data well formed, and
// its reference numbers those of `contigs` (or -1).
void AppendSamLine(const BamRecordView& record, const ContigList& contigs, std::string* out);

}  // namespace readforge

#endif  // READFORGE_FORMATS_SAM_TEXT_H_
