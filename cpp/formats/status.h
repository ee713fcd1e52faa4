// A status for fallible calls: the engine is built without exceptions, so every call that can
// fail returns one of these, with a message a person can act on.
#ifndef READFORGE_FORMATS_STATUS_H_
#define READFORGE_FORMATS_STATUS_H_

#include <string>
#include <utility>

namespace readforge {

class [[nodiscard]] Status {
 public:
  static Status Ok() { return Status(); }
  static Status Error(std::string message) { return Status(std::move(message)); }

  bool ok() const { return !failed_; }
  const std::string& message() const { return message_; }

 private:
  Status() = default;
  explicit Status(std::string message) : failed_(true), message_(std::move(message)) {}

  bool failed_ = false;
  std::string message_;
};

// Returns early from the enclosing function when `expr` yields a failed Status.
#define RF_RETURN_IF_ERROR(expr)       \
  do {                                 \
    ::readforge::Status rf_s = (expr); \
    if (!rf_s.ok())                    \
      return rf_s;                     \
  } while (0)

}  // namespace readforge

#endif  // READFORGE_FORMATS_STATUS_H_
