// Reads an input on a thread of its own, a few chunks ahead of whoever consumes it: gzip
// inflation and read() calls then run beside the simulation instead of inside it. Chunks are
// recycled: at most kAhead + 2 exist (those ready, the one being read, the one being consumed).
#ifndef READFORGE_CLI_READ_AHEAD_H_
#define READFORGE_CLI_READ_AHEAD_H_

#include <cstddef>
#include <functional>
#include <thread>
#include <vector>

#include "cli/bounded_queue.h"
#include "formats/status.h"

namespace readforge {

class ReadAhead {
 public:
  // Reads up to `capacity` bytes into `dst`; *got == 0 at the end.
  using Source = std::function<Status(char* dst, size_t capacity, size_t* got)>;

  explicit ReadAhead(Source source);
  ReadAhead(const ReadAhead&) = delete;
  ReadAhead& operator=(const ReadAhead&) = delete;
  ~ReadAhead();  // stops the thread (after the read it may be in)

  // As Source: the source's bytes in order, then its end or its error (and that again after).
  Status Read(char* dst, size_t capacity, size_t* got);

 private:
  static constexpr size_t kChunk = size_t{1} << 20;
  static constexpr size_t kAhead = 4;

  struct Chunk {
    std::vector<char> bytes;
    size_t size = 0;
    Status status = Status::Ok();
  };

  void Produce();

  Source source_;
  BoundedQueue<Chunk> ready_{kAhead};                  // read, not yet consumed
  BoundedQueue<std::vector<char>> spare_{kAhead + 2};  // consumed, to be refilled
  Chunk current_;                                      // being consumed, from taken_ on
  size_t taken_ = 0;
  bool ended_ = false;  // current_ is the end or the error
  std::thread thread_;
};

}  // namespace readforge

#endif  // READFORGE_CLI_READ_AHEAD_H_
