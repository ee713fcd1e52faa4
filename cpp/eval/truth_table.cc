#include "eval/truth_table.h"

#include <algorithm>

#include "eval/read_name.h"
#include "formats/bam_record.h"

namespace readforge {

uint32_t CigarDigest(const std::vector<uint32_t>& cigar) {
  uint32_t h = 2166136261u;  // FNV-1a over the ops
  for (uint32_t op : cigar) {
    h ^= op;
    h *= 16777619u;
  }
  return h;
}

uint32_t NameDigest(std::string_view name) {
  uint32_t h = 2166136261u;
  for (unsigned char c : name) {
    h ^= c;
    h *= 16777619u;
  }
  return h;
}

int64_t UnclippedStart(int64_t pos, const std::vector<uint32_t>& cigar) {
  int64_t start = pos;
  for (uint32_t op : cigar) {
    if (CigarOpOf(op) != kCigarSoftClip && CigarOpOf(op) != kCigarHardClip)
      break;
    start -= CigarLengthOf(op);
  }
  return start;
}

Status TruthTable::Push(const char* data, size_t size) {
  RF_RETURN_IF_ERROR(reader_.Push(data, size));
  return Drain();
}

Status TruthTable::Finish() {
  RF_RETURN_IF_ERROR(reader_.Finish());
  RF_RETURN_IF_ERROR(Drain());
  if (!reader_.is_bam())
    return Status::Error("the truth is readforge's --bam output (this is not a BAM)");
  return Status::Ok();
}

Status TruthTable::Drain() {
  return ForEachSimulated(
      &reader_, &reads_, [this](const AlignmentLine& line, const SimulatedName& name) {
        if (name.index < 0) {
          return Status::Error("read '" + std::string(line.name) +
                               "' has no pair number: is this readforge's --bam output?");
        }
        if (line.flag & kFlagSupplementary) {
          ++supplementary_;  // a split read's other parts: the primary is its truth
          return Status::Ok();
        }
        const size_t key = static_cast<size_t>(2 * name.index + ((line.flag & kFlagRead2) ? 1 : 0));
        if (key >= reads_by_key_.size())
          reads_by_key_.resize(std::max(key + 1, reads_by_key_.size() * 3 / 2));
        TruthRead& t = reads_by_key_[key];
        if (t.contig >= 0)
          return Status::Error("read '" + std::string(line.name) + "' is in it twice");
        t.contig = std::max(line.tid, 0);
        t.mapped = !(line.flag & kFlagUnmapped);
        t.pos = static_cast<int32_t>(line.pos);
        t.unclipped = static_cast<int32_t>(UnclippedStart(line.pos, line.cigar));
        t.cigar_digest = CigarDigest(line.cigar);
        t.name_digest = NameDigest(line.name);
        return Status::Ok();
      });
}

}  // namespace readforge
