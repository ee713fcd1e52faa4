#include "formats/bam_index_stream.h"

#include <algorithm>
#include <cstring>

#include "formats/bgzf_writer.h"
#include "formats/little_endian.h"

namespace readforge {
namespace {

constexpr size_t kBlockEntry = 9;
constexpr size_t kRecordEntry = 18;

size_t EntrySize(char kind) {
  switch (kind) {
    case 'H':
      return 1;
    case 'B':
      return kBlockEntry;
    case 'R':
      return kRecordEntry;
    default:
      return 0;
  }
}

}  // namespace

void AppendIndexHeaderEnd(std::string* entries) {
  entries->push_back('H');
}

void AppendIndexBlock(uint32_t compressed, uint32_t data, std::string* entries) {
  entries->push_back('B');
  PutLittleEndian(entries, compressed);
  PutLittleEndian(entries, data);
}

void AppendIndexRecord(int32_t tid,
                       int64_t pos,
                       int64_t end,
                       bool mapped,
                       uint32_t offset,
                       std::string* entries) {
  entries->push_back('R');
  PutLittleEndian(entries, tid);
  PutLittleEndian(entries, static_cast<int32_t>(pos));
  PutLittleEndian(entries, static_cast<int32_t>(end));
  PutLittleEndian(entries, static_cast<uint8_t>(mapped));
  PutLittleEndian(entries, offset);
}

BamIndexAssembler::BamIndexAssembler(const ContigList& contigs, bool csi)
    : references_(contigs.size()) {
  int64_t longest = 0;
  for (size_t i = 0; i < contigs.size(); ++i)
    longest = std::max(longest, contigs.length(i));
  csi_ = csi || longest > BamIndexBuilder::kBaiLimit;
  depth_ = BamIndexBuilder::CsiDepth(longest);
}

Status BamIndexAssembler::Take(std::string_view e) {
  switch (e[0]) {
    case 'H':
      builder_ = std::make_unique<BamIndexBuilder>(references_, csi_, depth_, address_ << 16);
      return Status::Ok();
    case 'B':
      block_address_ = address_;
      block_size_ = LoadLittleEndian<uint32_t>(e.data() + 1);
      block_data_ = LoadLittleEndian<uint32_t>(e.data() + 5);
      address_ += block_size_;
      return Status::Ok();
    default: {
      if (!builder_)
        return Status::Error("index entries: a record before the header's end");
      const uint32_t offset = LoadLittleEndian<uint32_t>(e.data() + 14);
      if (offset == 0 || offset > block_data_)
        return Status::Error("index entries: a record ends outside its block");
      // At a block's end, htslib's virtual offset is the next block's start.
      last_end_ = offset == block_data_ ? (block_address_ + block_size_) << 16
                                        : block_address_ << 16 | offset;
      any_record_ = true;
      return builder_->Push(LoadLittleEndian<int32_t>(e.data() + 1),
                            LoadLittleEndian<int32_t>(e.data() + 5),
                            LoadLittleEndian<int32_t>(e.data() + 9), last_end_, e[13] != 0);
    }
  }
}

Status BamIndexAssembler::Push(const char* data, size_t size) {
  std::string_view in(data, size);
  // An entry cut at the end of the last piece: completed first.
  while (!pending_.empty() && !in.empty()) {
    const size_t need = EntrySize(pending_[0]) - pending_.size();
    const size_t n = std::min(need, in.size());
    pending_.append(in.substr(0, n));
    in.remove_prefix(n);
    if (pending_.size() == EntrySize(pending_[0])) {
      RF_RETURN_IF_ERROR(Take(pending_));
      pending_.clear();
    }
  }
  while (!in.empty()) {
    const size_t n = EntrySize(in[0]);
    if (n == 0)
      return Status::Error("index entries: unknown entry");
    if (in.size() < n) {
      pending_.assign(in.data(), in.size());
      break;
    }
    RF_RETURN_IF_ERROR(Take(in.substr(0, n)));
    in.remove_prefix(n);
  }
  return Status::Ok();
}

Status BamIndexAssembler::Finish(std::string* index) {
  if (!pending_.empty())
    return Status::Error("index entries: cut short");
  if (!builder_)
    return Status::Error("index entries: no header");
  builder_->Finish(any_record_ ? last_end_ : builder_->offset0());
  const std::string bytes = builder_->Serialize();
  index->clear();
  if (csi_) {
    BgzfWriter writer;
    writer.Compress(bytes, index);
    index->append(BgzfWriter::EndOfFile());
  } else {
    *index = bytes;
  }
  return Status::Ok();
}

}  // namespace readforge
