#include "formats/vcf_record_batch.h"

#include <cstdint>
#include <cstring>

namespace readforge {
namespace {

// What a record holds besides its strings, which follow it: the contig's name, the alleles'
// bases, where each allele ends.
struct PackedHeader {
  int64_t line;
  int64_t pos;
  int32_t alleles[2];
  uint32_t contig_size;
  uint32_t bases_size;
  uint32_t allele_count;
  uint8_t ploidy;
  uint8_t phased;
};

}  // namespace

void PackRecord(const VcfRecord& record, std::string* bytes) {
  const uint32_t bases_size = record.allele_ends.empty() ? 0 : record.allele_ends.back();
  const PackedHeader header{record.line,
                            record.pos,
                            {record.alleles[0], record.alleles[1]},
                            static_cast<uint32_t>(record.contig.size()),
                            bases_size,
                            static_cast<uint32_t>(record.allele_ends.size()),
                            static_cast<uint8_t>(record.ploidy),
                            static_cast<uint8_t>(record.phased)};
  const size_t ends_size = record.allele_ends.size() * sizeof(uint32_t);
  const size_t at = bytes->size();
  bytes->resize(at + sizeof header + record.contig.size() + bases_size + ends_size);
  char* p = bytes->data() + at;
  std::memcpy(p, &header, sizeof header);
  p += sizeof header;
  std::memcpy(p, record.contig.data(), record.contig.size());
  p += record.contig.size();
  std::memcpy(p, record.bases.data(), bases_size);
  p += bases_size;
  if (ends_size)
    std::memcpy(p, record.allele_ends.data(), ends_size);
}

void UnpackRecord(std::string_view bytes, size_t* offset, VcfRecord* record) {
  const char* p = bytes.data() + *offset;
  PackedHeader header;
  std::memcpy(&header, p, sizeof header);
  p += sizeof header;
  record->line = header.line;
  record->pos = header.pos;
  record->alleles = {header.alleles[0], header.alleles[1]};
  record->ploidy = header.ploidy;
  record->phased = header.phased != 0;
  const std::string_view contig(p, header.contig_size);
  if (record->contig != contig)  // mostly the same contig as the record before
    record->contig.assign(contig);
  p += header.contig_size;
  record->bases.assign(p, header.bases_size);
  p += header.bases_size;
  record->allele_ends.resize(header.allele_count);
  if (header.allele_count)
    std::memcpy(record->allele_ends.data(), p, header.allele_count * sizeof(uint32_t));
  p += header.allele_count * sizeof(uint32_t);
  *offset = static_cast<size_t>(p - bytes.data());
}

VcfReader::Event FillBatch(VcfReader& reader,
                           size_t most,
                           VcfRecord* scratch,
                           VcfRecordBatch* batch,
                           size_t* count) {
  for (; *count < most; ++*count) {
    const VcfReader::Event event = reader.Next(scratch);
    if (event != VcfReader::Event::kRecord) {
      if (event != VcfReader::Event::kNeedInput)
        batch->stop = event;
      if (event == VcfReader::Event::kError)
        batch->error = reader.error();
      return event;
    }
    PackRecord(*scratch, &batch->bytes);
  }
  return VcfReader::Event::kRecord;
}

}  // namespace readforge
