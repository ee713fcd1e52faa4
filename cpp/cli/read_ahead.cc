#include "cli/read_ahead.h"

#include <algorithm>
#include <cstring>
#include <utility>

namespace readforge {

ReadAhead::ReadAhead(Source source) : source_(std::move(source)), thread_([this] { Produce(); }) {}

ReadAhead::~ReadAhead() {
  ready_.Close();
  thread_.join();
}

void ReadAhead::Produce() {
  for (;;) {
    Chunk chunk;
    spare_.TryPop(&chunk.bytes);
    chunk.bytes.resize(kChunk);
    chunk.status = source_(chunk.bytes.data(), kChunk, &chunk.size);
    const bool last = !chunk.status.ok() || chunk.size == 0;
    if (!ready_.Push(std::move(chunk)) || last)
      return;
  }
}

Status ReadAhead::Read(char* dst, size_t capacity, size_t* got) {
  *got = 0;
  if (taken_ == current_.size && !ended_) {
    if (!current_.bytes.empty())
      spare_.TryPush(std::move(current_.bytes));
    current_ = Chunk();
    if (!ready_.Pop(&current_))
      current_.status = Status::Error("internal error: input read after its end");
    taken_ = 0;
    ended_ = !current_.status.ok() || current_.size == 0;
  }
  if (!current_.status.ok())
    return current_.status;
  const size_t n = std::min(capacity, current_.size - taken_);
  std::memcpy(dst, current_.bytes.data() + taken_, n);
  taken_ += n;
  *got = n;
  return Status::Ok();
}

}  // namespace readforge
