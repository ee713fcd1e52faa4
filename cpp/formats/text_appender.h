// Appends short lines to a string in place. Room is made a stretch at a time (one resize per
// 64 KB) and each line is written straight into it; the string is cut back to what was written
// when the appender goes. A million planted variants write a million lines of twenty-odd bytes:
// put together on the stack and appended one by one, the append call and its size checks cost
// more than writing the line.
#ifndef READFORGE_FORMATS_TEXT_APPENDER_H_
#define READFORGE_FORMATS_TEXT_APPENDER_H_

#include <algorithm>
#include <cstddef>
#include <string>

namespace readforge {

class TextAppender {
 public:
  // `out` may be null: an appender for an output nobody asked for (enabled() is false).
  explicit TextAppender(std::string* out) : out_(out) {
    if (out_)
      written_ = out_->size();
  }
  TextAppender(const TextAppender&) = delete;
  TextAppender& operator=(const TextAppender&) = delete;
  ~TextAppender() {
    if (out_)
      out_->resize(written_);
  }

  bool enabled() const { return out_ != nullptr; }

  // Where up to `n` bytes may be written; Commit() their end. Until then the string's bytes past
  // what was committed are scratch.
  char* Room(size_t n) {
    if (out_->size() - written_ < n)
      out_->resize(written_ + std::max(n, kStretch));
    return out_->data() + written_;
  }
  void Commit(const char* end) { written_ = static_cast<size_t>(end - out_->data()); }

 private:
  static constexpr size_t kStretch = size_t{1} << 16;

  std::string* out_;
  size_t written_ = 0;
};

}  // namespace readforge

#endif  // READFORGE_FORMATS_TEXT_APPENDER_H_
