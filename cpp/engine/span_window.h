// The sliding window of reference bases of the span being simulated: bases arrive at the end and
// are dropped from the front once no block needs them, so memory never grows with contig size.
#ifndef READFORGE_ENGINE_SPAN_WINDOW_H_
#define READFORGE_ENGINE_SPAN_WINDOW_H_

#include <cstdint>
#include <string>

namespace readforge {

class SpanWindow {
 public:
  // Span coordinates of the bases held: [begin(), end()).
  int64_t begin() const { return begin_; }
  int64_t end() const { return begin_ + static_cast<int64_t>(bases_.size() - offset_); }
  char at(int64_t pos) const { return bases_[offset_ + static_cast<size_t>(pos - begin_)]; }
  const char* data(int64_t pos) const { return bases_.data() + offset_ + (pos - begin_); }

  // Sizes the buffer for the most bases a span holds at once (a block and a fragment), so that
  // it is allocated once at that size rather than grown by doubling.
  void ExpectAtMost(size_t n) { bases_.reserve(n); }

  // Room for `n` more bases at the end; Commit() says how many were written. Bases dropped from
  // the front make room first: the buffer stays at the window's live size (many runs sharing
  // one heap, as at the edge, each hold no more).
  char* Reserve(size_t n) {
    if (offset_ > 0 && bases_.size() + n > bases_.capacity()) {
      bases_.erase(0, offset_);
      offset_ = 0;
    }
    committed_ = bases_.size();
    bases_.resize(committed_ + n);
    return &bases_[committed_];
  }
  void Commit(size_t n) { bases_.resize(committed_ + n); }

  // Forgets the bases before `pos`.
  void DropBefore(int64_t pos);

  // Starts a new span, empty, at span coordinate 0.
  void Reset() {
    bases_.clear();
    offset_ = 0;
    begin_ = 0;
  }

 private:
  std::string bases_;
  size_t offset_ = 0;  // bases_[offset_] is span position begin_
  size_t committed_ = 0;
  int64_t begin_ = 0;
};

}  // namespace readforge

#endif  // READFORGE_ENGINE_SPAN_WINDOW_H_
