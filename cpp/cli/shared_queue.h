// Items one thread makes for several consumers, each of which takes every item in order: the
// VCF's parsed batches, or the drawn variant blocks, that every -t worker needs. An item is
// dropped once every consumer took it; a consumer that stops (done or failed) leaves, so that
// the others never wait for it. The maker waits while `ahead` items wait for the slowest.
#ifndef READFORGE_CLI_SHARED_QUEUE_H_
#define READFORGE_CLI_SHARED_QUEUE_H_

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <utility>
#include <vector>

namespace readforge {

template <typename T>
class SharedQueue {
 public:
  SharedQueue(int consumers, size_t ahead)
      : next_(static_cast<size_t>(consumers), 0), ahead_(ahead) {}

  // Waits for room, then queues `item` (`last`: nothing follows it); false once stopped.
  bool Push(T item, bool last) {
    {
      std::unique_lock<std::mutex> lock(mutex_);
      changed_.wait(lock, [&] { return stop_ || items_.size() < ahead_; });
      if (stop_)
        return false;
      items_.push_back(std::move(item));
      finished_ = last;
    }
    changed_.notify_all();
    return true;
  }

  // Consumer `consumer`'s next item, waiting for it; false when the last one was taken.
  bool Take(int consumer, T* item) {
    std::unique_lock<std::mutex> lock(mutex_);
    size_t& next = next_[static_cast<size_t>(consumer)];
    changed_.wait(lock, [&] { return next < first_ + items_.size() || finished_; });
    if (next >= first_ + items_.size())
      return false;
    *item = items_[next - first_];
    ++next;
    DropTakenLocked();
    lock.unlock();
    changed_.notify_all();
    return true;
  }

  void Leave(int consumer) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      next_[static_cast<size_t>(consumer)] = SIZE_MAX;
      DropTakenLocked();
    }
    changed_.notify_all();
  }

  // Wakes the maker to stop (Push returns false from then on).
  void Stop() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    changed_.notify_all();
  }

 private:
  void DropTakenLocked() {
    const size_t slowest = *std::min_element(next_.begin(), next_.end());
    while (!items_.empty() && first_ < slowest) {
      items_.pop_front();
      ++first_;
    }
  }

  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<T> items_;       // made, not yet taken by every consumer
  size_t first_ = 0;          // the number of items_.front() (items count from 0)
  std::vector<size_t> next_;  // each consumer's next item (SIZE_MAX once it left)
  const size_t ahead_;
  bool stop_ = false;
  bool finished_ = false;  // the last item is queued
};

}  // namespace readforge

#endif  // READFORGE_CLI_SHARED_QUEUE_H_
