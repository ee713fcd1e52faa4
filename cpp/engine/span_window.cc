#include "engine/span_window.h"

namespace readforge {

void SpanWindow::DropBefore(int64_t pos) {
  if (pos <= begin_)
    return;
  int64_t held = end() - begin_;
  size_t drop = static_cast<size_t>(pos - begin_ < held ? pos - begin_ : held);
  offset_ += drop;
  begin_ += static_cast<int64_t>(drop);
}

}  // namespace readforge
