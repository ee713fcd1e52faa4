#include "cli/read_ahead.h"

#include <algorithm>
#include <cstring>
#include <utility>

namespace readforge {

ReadAhead::ReadAhead(Source source) : source_(std::move(source)), thread_([this] { Produce(); }) {}

ReadAhead::~ReadAhead() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

void ReadAhead::Produce() {
  for (;;) {
    Chunk chunk;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      changed_.wait(lock, [&] { return stop_ || ready_.size() < kAhead; });
      if (stop_)
        return;
      if (!spare_.empty()) {
        chunk.bytes = std::move(spare_.back());
        spare_.pop_back();
      }
    }
    chunk.bytes.resize(kChunk);
    chunk.status = source_(chunk.bytes.data(), kChunk, &chunk.size);
    const bool last = !chunk.status.ok() || chunk.size == 0;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      ready_.push_back(std::move(chunk));
    }
    changed_.notify_all();
    if (last)
      return;
  }
}

Status ReadAhead::Read(char* dst, size_t capacity, size_t* got) {
  *got = 0;
  if (taken_ == current_.size && !ended_) {
    std::unique_lock<std::mutex> lock(mutex_);
    if (!current_.bytes.empty())
      spare_.push_back(std::move(current_.bytes));
    changed_.wait(lock, [&] { return !ready_.empty(); });
    current_ = std::move(ready_.front());
    ready_.pop_front();
    taken_ = 0;
    ended_ = !current_.status.ok() || current_.size == 0;
    lock.unlock();
    changed_.notify_all();
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
