#include "engine/span_window.h"

namespace readforge {

void SpanWindow::DropBefore(int64_t pos) {
  if (pos <= begin_)
    return;
  int64_t held = end() - begin_;
  size_t drop = static_cast<size_t>(pos - begin_ < held ? pos - begin_ : held);
  offset_ += drop;
  begin_ += static_cast<int64_t>(drop);
  // Compact only when the dead prefix is large, so the copying stays linear overall.
  if (offset_ > (size_t{1} << 16) && offset_ * 2 > bases_.size()) {
    bases_.erase(0, offset_);
    offset_ = 0;
  }
}

}  // namespace readforge
