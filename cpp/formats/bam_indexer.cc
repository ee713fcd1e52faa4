#include "formats/bam_indexer.h"

#include "formats/bgzf_writer.h"

namespace readforge {

Status BamIndexer::Push(const char* data, size_t size) {
  RF_RETURN_IF_ERROR(reader_.Push(data, size));
  return Drain();
}

Status BamIndexer::Drain() {
  BamReader::Result result = BamReader::Result::kNeedInput;
  while (true) {
    RF_RETURN_IF_ERROR(reader_.Next(&result));
    if (!builder_ && reader_.header_done()) {
      const ContigList& contigs = reader_.contigs();
      int64_t longest = 0;
      for (size_t i = 0; i < contigs.size(); ++i)
        longest = std::max(longest, contigs.length(i));
      const bool csi = always_csi_ || longest > BamIndexBuilder::kBaiLimit;
      builder_ = std::make_unique<BamIndexBuilder>(
          contigs.size(), csi, BamIndexBuilder::CsiDepth(longest), reader_.header_end());
    }
    if (result != BamReader::Result::kRecord)
      return Status::Ok();
    const BamRecordView r = reader_.record();
    Status s = builder_->Push(r.tid(), r.pos(), r.EndPosition(), reader_.record_end(),
                              !(r.flag() & kFlagUnmapped));
    if (!s.ok())
      return Status::Error("cannot index record " + std::to_string(reader_.records()) + ": " +
                           s.message());
  }
}

Status BamIndexer::Finish() {
  RF_RETURN_IF_ERROR(reader_.Finish());
  RF_RETURN_IF_ERROR(Drain());
  if (!builder_)
    return Status::Error("truncated BAM: the file ends inside its header");
  builder_->Finish(reader_.records() > 0 ? reader_.record_end() : reader_.header_end());
  const std::string index = builder_->Serialize();
  bytes_.clear();
  if (builder_->csi()) {
    BgzfWriter writer;
    writer.Compress(index, &bytes_);
    bytes_.append(BgzfWriter::EndOfFile());
  } else {
    bytes_ = index;
  }
  return Status::Ok();
}

}  // namespace readforge
