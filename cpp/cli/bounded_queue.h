// A bounded first-in first-out queue between two threads, the command line's one hand-off:
// input read ahead, the variant blocks each simulator takes, the output chunks of -t workers.
// Push waits while it is full and Pop while it is empty, so a slow side slows the other and
// memory stays at `capacity` items. Close() ends it from either side: pushes fail from then on
// (the consumer has gone, or the run is cancelled), and pops take what is left, then fail (the
// producer has finished).
#ifndef READFORGE_CLI_BOUNDED_QUEUE_H_
#define READFORGE_CLI_BOUNDED_QUEUE_H_

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <utility>

namespace readforge {

template <typename T>
class BoundedQueue {
 public:
  explicit BoundedQueue(size_t capacity) : capacity_(capacity) {}
  BoundedQueue(const BoundedQueue&) = delete;
  BoundedQueue& operator=(const BoundedQueue&) = delete;

  // Waits for room; false (the item dropped) once the queue is closed.
  bool Push(T item) {
    {
      std::unique_lock<std::mutex> lock(mutex_);
      changed_.wait(lock, [&] { return closed_ || items_.size() < capacity_; });
      if (closed_)
        return false;
      items_.push_back(std::move(item));
    }
    changed_.notify_all();
    return true;
  }

  // Queues `item` only if there is room now (spare buffers handed back: never worth waiting for).
  bool TryPush(T item) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (closed_ || items_.size() >= capacity_)
        return false;
      items_.push_back(std::move(item));
    }
    changed_.notify_all();
    return true;
  }

  // Waits for an item; false once the queue is closed and empty.
  bool Pop(T* item) {
    {
      std::unique_lock<std::mutex> lock(mutex_);
      changed_.wait(lock, [&] { return closed_ || !items_.empty(); });
      if (items_.empty())
        return false;
      *item = std::move(items_.front());
      items_.pop_front();
    }
    changed_.notify_all();
    return true;
  }

  // Takes an item if one is there, without waiting.
  bool TryPop(T* item) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (items_.empty())
        return false;
      *item = std::move(items_.front());
      items_.pop_front();
    }
    changed_.notify_all();
    return true;
  }

  void Close() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      closed_ = true;
    }
    changed_.notify_all();
  }

 private:
  const size_t capacity_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<T> items_;
  bool closed_ = false;
};

}  // namespace readforge

#endif  // READFORGE_CLI_BOUNDED_QUEUE_H_
