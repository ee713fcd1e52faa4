#include "cli/output_file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "cli/interrupt.h"

namespace readforge {

OutputFile::~OutputFile() {
  Discard();
}

Status OutputFile::Open(const std::string& path, Mode mode) {
  is_stdout_ = path == "-";
  path_ = is_stdout_ ? "standard output" : path;
  struct stat st;
  // Only a regular file (or none yet) is replaced through a temporary one: a device or a pipe is
  // written as it is.
  replace_ = !is_stdout_ && mode == Mode::kReplaceWhenClosed &&
             (stat(path.c_str(), &st) != 0 || S_ISREG(st.st_mode));
  written_ = replace_ ? path + ".partial-" + std::to_string(getpid()) : path;
  file_ = is_stdout_ ? stdout : std::fopen(written_.c_str(), "wb");
  if (!file_)
    return Status::Error("cannot create " + written_ + ": " + std::strerror(errno));
  removable_ = !is_stdout_ && fstat(fileno(file_), &st) == 0 && S_ISREG(st.st_mode);
  if (removable_)
    interrupt::Protect(written_);
  return Status::Ok();
}

Status OutputFile::Write(std::string_view bytes) {
  if (bytes.empty())
    return Status::Ok();
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size())
    return Status::Error("cannot write " + path_ + ": " + std::strerror(errno));
  return Status::Ok();
}

Status OutputFile::Close() {
  if (!file_)
    return Status::Ok();
  if (is_stdout_) {
    const bool flushed = std::fflush(file_) == 0;
    file_ = nullptr;
    return flushed ? Status::Ok()
                   : Status::Error("cannot write " + path_ + ": " + std::strerror(errno));
  }
  bool written = std::fflush(file_) == 0 && !std::ferror(file_);
  int error = errno;
  if (std::fclose(file_) != 0 && written) {
    written = false;
    error = errno;
  }
  file_ = nullptr;
  if (written && replace_ && std::rename(written_.c_str(), path_.c_str()) != 0) {
    written = false;
    error = errno;
  }
  // What could not be written whole is not left behind.
  if (!written && removable_)
    unlink(written_.c_str());
  if (removable_)
    interrupt::Release(written_);
  if (!written)
    return Status::Error("cannot write " + path_ + ": " + std::strerror(error));
  return Status::Ok();
}

void OutputFile::Discard() {
  if (!file_)
    return;
  if (is_stdout_) {
    std::fflush(file_);
  } else {
    std::fclose(file_);
    if (removable_) {
      unlink(written_.c_str());
      interrupt::Release(written_);
    }
  }
  file_ = nullptr;
}

}  // namespace readforge
