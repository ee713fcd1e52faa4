#include "formats/bgzf_stream.h"

#include <algorithm>

namespace readforge {

Status BgzfStream::Push(const char* data, size_t size) {
  pending_.append(data, size);
  compressed_ += size;
  return InflateWhole();
}

Status BgzfStream::InflateWhole() {
  size_t at = 0;
  const auto* bytes = reinterpret_cast<const unsigned char*>(pending_.data());
  Status status = Status::Ok();
  while (pending_.size() - at >= BgzfBlockInflater::kHeaderSize) {
    const size_t size = BgzfBlockInflater::BlockSize(bytes + at);
    if (size == 0) {
      status = Status::Error("not BGZF (bgzip or BAM) data at byte " +
                             std::to_string(pending_address_ + at));
      break;
    }
    if (pending_.size() - at < size)
      break;
    const size_t n = BgzfBlockInflater::DataSize(bytes + at, size);
    if (n > BgzfBlockInflater::kMaxBlock) {
      status = Status::Error("corrupt BGZF block at byte " + std::to_string(pending_address_ + at));
      break;
    }
    // Data before the block holding position() - 1 is dropped, once it is half the buffer.
    const uint64_t keep = blocks_.empty() ? consumed_ : blocks_.front().data_begin;
    if (keep - data_base_ > data_.size() / 2) {
      data_.erase(0, static_cast<size_t>(keep - data_base_));
      data_base_ = keep;
    }
    const uint64_t begin = data_base_ + data_.size();
    data_.resize(data_.size() + n);
    status = inflater_.Inflate(bytes + at, size, &data_[data_.size() - n]);
    if (!status.ok()) {
      status = Status::Error(status.message() + " in the BGZF block at byte " +
                             std::to_string(pending_address_ + at));
      break;
    }
    blocks_.push_back(Block{pending_address_ + at, size, begin, begin + n});
    last_block_empty_ = n == 0;
    at += size;
  }
  pending_.erase(0, at);
  pending_address_ += at;
  return status;
}

Status BgzfStream::Finish() {
  finished_ = true;
  if (!pending_.empty()) {
    return Status::Error("truncated: the BGZF block at byte " + std::to_string(pending_address_) +
                         " is cut short");
  }
  return Status::Ok();
}

void BgzfStream::Consume(size_t n) {
  consumed_ += n;
  // Keep the block of position() - 1: VirtualOffset asks for it.
  while (blocks_.size() > 1 && blocks_.front().data_end < consumed_)
    blocks_.pop_front();
}

uint64_t BgzfStream::VirtualOffset(uint64_t at) const {
  if (at == 0 || blocks_.empty())
    return blocks_.empty() ? pending_address_ << 16 : blocks_.front().address << 16;
  // The block holding the byte before `at`: at its end, htslib has moved on to the next block.
  for (const Block& b : blocks_) {
    if (b.data_begin <= at - 1 && at - 1 < b.data_end) {
      if (at == b.data_end)
        return (b.address + b.size) << 16;
      return b.address << 16 | (at - b.data_begin);
    }
  }
  return pending_address_ << 16;
}

}  // namespace readforge
