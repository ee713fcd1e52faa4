#include "formats/bam_reader.h"

#include "formats/little_endian.h"

#include <cstring>

namespace readforge {
Status BamReader::ReadHeader(bool* need_input) {
  // The header is read whole once it is all there: the fields give its size as they go.
  const std::string_view data = stream_.available();
  *need_input = true;
  if (data.size() < 8) {
    if (data.size() >= 4 && std::memcmp(data.data(), "BAM\1", 4) != 0)
      return Status::Error("not a BAM file (it does not start with BAM's magic number)");
    return Status::Ok();
  }
  if (std::memcmp(data.data(), "BAM\1", 4) != 0)
    return Status::Error("not a BAM file (it does not start with BAM's magic number)");
  const uint64_t text = LoadLittleEndian<uint32_t>(data.data() + 4);
  if (text > (1u << 31))
    return Status::Error("corrupt BAM header (a text of " + std::to_string(text) + " bytes)");
  size_t at = 8 + text;
  if (data.size() < at + 4)
    return Status::Ok();
  const uint32_t n_ref = LoadLittleEndian<uint32_t>(data.data() + at);
  if (n_ref > (1u << 31))
    return Status::Error("corrupt BAM header (" + std::to_string(n_ref) + " references)");
  at += 4;
  ContigList contigs;
  for (uint32_t i = 0; i < n_ref; ++i) {
    if (data.size() < at + 4)
      return Status::Ok();
    const uint32_t l_name = LoadLittleEndian<uint32_t>(data.data() + at);
    if (l_name == 0 || l_name > (1u << 16))
      return Status::Error("corrupt BAM header (reference " + std::to_string(i) +
                           " has a name of " + std::to_string(l_name) + " bytes)");
    if (data.size() < at + 8 + l_name)
      return Status::Ok();
    const int32_t length =
        static_cast<int32_t>(LoadLittleEndian<uint32_t>(data.data() + at + 4 + l_name));
    if (data[at + 4 + l_name - 1] != '\0' || length < 0)
      return Status::Error("corrupt BAM header (reference " + std::to_string(i) + ")");
    contigs.Add(data.substr(at + 4, l_name - 1), length);
    at += 8 + l_name;
  }
  *need_input = false;
  header_text_.assign(data.data() + 8, text);
  contigs_ = std::move(contigs);
  stream_.Consume(at);
  header_end_ = stream_.VirtualOffset(stream_.position());
  header_done_ = true;
  return Status::Ok();
}

Status BamReader::Next(Result* result) {
  stream_.Consume(pending_consume_);
  pending_consume_ = 0;
  *result = Result::kNeedInput;
  if (!header_done_) {
    bool need_input = true;
    RF_RETURN_IF_ERROR(ReadHeader(&need_input));
    if (need_input) {
      if (stream_.finished())
        return Status::Error("truncated BAM: the file ends inside its header");
      return Status::Ok();
    }
  }
  const std::string_view data = stream_.available();
  if (data.size() < 4 || data.size() < 4 + size_t{LoadLittleEndian<uint32_t>(data.data())}) {
    if (!stream_.finished())
      return Status::Ok();
    if (!data.empty()) {
      return Status::Error("truncated BAM: the file ends inside record " +
                           std::to_string(records_ + 1));
    }
    if (!stream_.saw_end_of_file()) {
      return Status::Error("truncated BAM: no end-of-file block after record " +
                           std::to_string(records_) + " (the file was cut short)");
    }
    *result = Result::kEnd;
    return Status::Ok();
  }
  const uint32_t size = LoadLittleEndian<uint32_t>(data.data());
  if (size < 32 || size > kMaxRecord) {
    return Status::Error("corrupt BAM: record " + std::to_string(records_ + 1) + " says it is " +
                         std::to_string(size) + " bytes long");
  }
  const BamRecordView view(data.data(), size + 4);
  if (!view.Valid()) {
    return Status::Error("corrupt BAM: record " + std::to_string(records_ + 1) +
                         "'s fields do not fit its size");
  }
  const int64_t n_ref = static_cast<int64_t>(contigs_.size());
  if (view.tid() < -1 || view.tid() >= n_ref || view.next_tid() < -1 || view.next_tid() >= n_ref) {
    return Status::Error("corrupt BAM: record " + std::to_string(records_ + 1) +
                         " names a reference the header does not list");
  }
  record_data_ = data.data();
  record_size_ = size + 4;
  record_begin_ = stream_.VirtualOffset(stream_.position());
  record_end_ = stream_.VirtualOffset(stream_.position() + record_size_);
  pending_consume_ = record_size_;
  ++records_;
  *result = Result::kRecord;
  return Status::Ok();
}

}  // namespace readforge
