#include "cli/output_file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace readforge {

OutputFile::~OutputFile() {
  Discard();
}

Status OutputFile::Open(const std::string& path) {
  is_stdout_ = path == "-";
  path_ = is_stdout_ ? "standard output" : path;
  file_ = is_stdout_ ? stdout : std::fopen(path.c_str(), "wb");
  if (!file_)
    return Status::Error("cannot create " + path + ": " + std::strerror(errno));
  struct stat st;
  removable_ = !is_stdout_ && fstat(fileno(file_), &st) == 0 && S_ISREG(st.st_mode);
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
  int result = is_stdout_ ? std::fflush(file_) : std::fclose(file_);
  file_ = nullptr;
  if (result != 0)
    return Status::Error("cannot write " + path_ + ": " + std::strerror(errno));
  return Status::Ok();
}

void OutputFile::Discard() {
  if (!file_)
    return;
  if (is_stdout_) {
    std::fflush(file_);
  } else {
    std::fclose(file_);
    if (removable_)
      unlink(path_.c_str());
  }
  file_ = nullptr;
}

}  // namespace readforge
