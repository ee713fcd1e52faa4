// VCF records parsed ahead of the simulation, packed one after another in one buffer: a host
// with threads (the CLI) parses the VCF of --variants on a thread of its own and hands the
// simulator batches (Simulator::TakeVariantBatch) instead of text. Packed bytes, not VcfRecord
// objects: the parsing thread writes them once and the simulating one reads them in order, where
// records swapped between the two threads had each of their buffers cross from core to core
// twice (the parsing thread then took longer than the parsing had inside the simulation).
#ifndef READFORGE_FORMATS_VCF_RECORD_BATCH_H_
#define READFORGE_FORMATS_VCF_RECORD_BATCH_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "formats/vcf_reader.h"

namespace readforge {

struct VcfRecordBatch {
  std::string bytes;  // records, packed by PackRecord
  // After them: kNeedInput (more batches follow), kEnd, or kError (`error`, the reader's).
  VcfReader::Event stop = VcfReader::Event::kNeedInput;
  std::string error;
};

// Appends `record` (one the reader gave) to `bytes`.
void PackRecord(const VcfRecord& record, std::string* bytes);
// Reads the record packed at `*offset` of `bytes` into `record` (its buffers reused), and moves
// `*offset` past it.
void UnpackRecord(std::string_view bytes, size_t* offset, VcfRecord* record);

// Parses records from `reader` into `batch` until it holds `most` (`*count` counts them: kRecord)
// or the reader stops (kNeedInput, kEnd or kError; the last two also become the batch's stop).
// `scratch`: a record whose buffers are reused from call to call.
VcfReader::Event FillBatch(VcfReader& reader,
                           size_t most,
                           VcfRecord* scratch,
                           VcfRecordBatch* batch,
                           size_t* count);

}  // namespace readforge

#endif  // READFORGE_FORMATS_VCF_RECORD_BATCH_H_
