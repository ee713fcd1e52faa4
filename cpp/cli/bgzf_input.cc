#include "cli/bgzf_input.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

namespace readforge {
namespace {

constexpr size_t kBuffer = size_t{1} << 20;  // file bytes read at a time (many blocks)

}  // namespace

bool BgzfInput::Starts(int fd) {
  unsigned char header[BgzfBlockInflater::kHeaderSize];
  const ssize_t n = pread(fd, header, sizeof header, 0);
  return n == static_cast<ssize_t>(sizeof header) && BgzfBlockInflater::BlockSize(header) > 0;
}

BgzfInput::BgzfInput(int fd, std::string name) : fd_(fd), name_(std::move(name)), in_(kBuffer) {}

Status BgzfInput::Fill(size_t n) {
  if (end_ - begin_ >= n || eof_)
    return Status::Ok();
  std::memmove(in_.data(), in_.data() + begin_, end_ - begin_);
  end_ -= begin_;
  begin_ = 0;
  while (end_ < in_.size() && !eof_) {
    const ssize_t got = read(fd_, in_.data() + end_, in_.size() - end_);
    if (got < 0 && errno == EINTR)
      continue;
    if (got < 0)
      return Status::Error("cannot read " + name_ + ": " + std::strerror(errno));
    eof_ = got == 0;
    end_ += static_cast<size_t>(got);
  }
  return Status::Ok();
}

Status BgzfInput::Read(char* dst, size_t capacity, size_t* got) {
  size_t written = 0;
  // What is left of a block that did not fit the last Read.
  const size_t left = std::min(capacity, block_.size() - block_at_);
  if (left > 0) {  // (block_ may be empty: no copy from its null data)
    std::memcpy(dst, block_.data() + block_at_, left);
    block_at_ += left;
    written += left;
  }
  while (written < capacity && !handed_over_) {
    RF_RETURN_IF_ERROR(Fill(BgzfBlockInflater::kMaxBlock));
    const size_t have = end_ - begin_;
    if (have == 0)
      break;  // the end of the file, after a whole block
    const unsigned char* block = in_.data() + begin_;
    const size_t size =
        have < BgzfBlockInflater::kHeaderSize ? 0 : BgzfBlockInflater::BlockSize(block);
    if (have < BgzfBlockInflater::kHeaderSize || (size > 0 && have < size))
      return Status::Error(name_ + ": the gzip data is truncated (unexpected end of file)");
    if (size == 0) {
      handed_over_ = true;  // not a BGZF block: zlib reads on from offset_
      break;
    }
    const size_t data = BgzfBlockInflater::DataSize(block, size);
    Status inflated = Status::Ok();
    if (data <= capacity - written) {
      inflated = inflater_.Inflate(block, size, dst + written);
      written += data;
    } else {  // into block_, and what fits now
      block_.resize(data);
      inflated = inflater_.Inflate(block, size, block_.data());
      block_at_ = capacity - written;
      std::memcpy(dst + written, block_.data(), block_at_);
      written = capacity;
    }
    if (!inflated.ok())
      return Status::Error(name_ + ": " + inflated.message());
    begin_ += size;
    offset_ += static_cast<long long>(size);
  }
  *got = written;
  return Status::Ok();
}

}  // namespace readforge
