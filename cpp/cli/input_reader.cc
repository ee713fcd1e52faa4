#include "cli/input_reader.h"

#include <cstdio>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string_view>

namespace readforge {

InputReader::~InputReader() {
  ahead_.reset();  // its thread reads file_
  if (file_)
    gzclose(file_);
  if (bgzf_fd_ >= 0)
    close(bgzf_fd_);
}

Status InputReader::Open(const std::string& path, bool read_ahead) {
  path_ = path == "-" ? "standard input" : path;
  file_ = path == "-" ? gzdopen(dup(STDIN_FILENO), "rb") : gzopen(path.c_str(), "rb");
  if (!file_)
    return Status::Error("cannot open " + path_ + ": " + std::strerror(errno));
  gzbuffer(file_, 1 << 17);
  if (IsRegularFile(path)) {
    bgzf_fd_ = open(path.c_str(), O_RDONLY);
    if (bgzf_fd_ >= 0 && BgzfInput::Starts(bgzf_fd_))
      bgzf_ = std::make_unique<BgzfInput>(bgzf_fd_, path_);
  }
  if (read_ahead && IsRegularFile(path)) {
    ahead_ = std::make_unique<ReadAhead>(
        [this](char* dst, size_t capacity, size_t* got) { return ReadHere(dst, capacity, got); });
  }
  return Status::Ok();
}

Status InputReader::Read(char* dst, size_t capacity, size_t* got) {
  return ahead_ ? ahead_->Read(dst, capacity, got) : ReadHere(dst, capacity, got);
}

Status InputReader::HandOverToZlib() {
  handed_over_ = true;
  gzclose(file_);
  file_ = nullptr;
  if (lseek(bgzf_fd_, static_cast<off_t>(bgzf_->handover_offset()), SEEK_SET) < 0)
    return Status::Error("cannot read " + path_ + ": " + std::strerror(errno));
  file_ = gzdopen(dup(bgzf_fd_), "rb");
  if (!file_)
    return Status::Error("cannot read " + path_ + ": " + std::strerror(errno));
  gzbuffer(file_, 1 << 17);
  return Status::Ok();
}

Status InputReader::ReadHere(char* dst, size_t capacity, size_t* got) {
  if (bgzf_ && !handed_over_) {
    RF_RETURN_IF_ERROR(bgzf_->Read(dst, capacity, got));
    if (*got > 0 || !bgzf_->handed_over())
      return Status::Ok();
    RF_RETURN_IF_ERROR(HandOverToZlib());
  }
  int n = gzread(file_, dst, static_cast<unsigned>(capacity));
  int code = Z_OK;
  const char* message = gzerror(file_, &code);
  if (n < 0 || (code != Z_OK && code != Z_STREAM_END)) {
    if (code == Z_BUF_ERROR)
      return Status::Error(path_ + ": the gzip data is truncated (unexpected end of file)");
    if (code == Z_ERRNO)
      return Status::Error("cannot read " + path_ + ": " + std::strerror(errno));
    // zlib's message starts with the path it opened ("<path>: invalid ..."): said once, first.
    std::string_view reason = message;
    const size_t named = reason.rfind(": ");
    if (named != std::string_view::npos)
      reason.remove_prefix(named + 2);
    return Status::Error(path_ + ": corrupt gzip data (" + std::string(reason) + ")");
  }
  *got = static_cast<size_t>(n);
  return Status::Ok();
}

Status FeedNext(InputReader& reader, Simulator& sim, bool* input_done) {
  constexpr size_t kReadChunk = size_t{1} << 20;
  if (*input_done)
    return Status::Ok();
  size_t got = 0;
  char* buffer = sim.InputBuffer(kReadChunk);
  RF_RETURN_IF_ERROR(reader.Read(buffer, kReadChunk, &got));
  sim.CommitInput(got);
  if (got == 0) {
    *input_done = true;
    sim.Finish();
  }
  return Status::Ok();
}

Status FeedVariants(InputReader& reader, Simulator& sim) {
  constexpr size_t kReadChunk = size_t{1} << 20;
  size_t got = 0;
  char* buffer = sim.VariantBuffer(kReadChunk);
  RF_RETURN_IF_ERROR(reader.Read(buffer, kReadChunk, &got));
  sim.CommitVariants(got);
  if (got == 0)
    sim.FinishVariants();
  return Status::Ok();
}

bool IsRegularFile(const std::string& path) {
  struct stat st;
  return path != "-" && stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

bool FileExists(const std::string& path) {
  return access(path.c_str(), R_OK) == 0;
}

Status ReadWholeFile(const std::string& path, std::string* text) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return Status::Error("cannot open " + path + ": " + std::strerror(errno));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  *text = buffer.str();
  return Status::Ok();
}

Status ReadRaw(const std::string& path, const std::function<Status(const char*, size_t)>& push) {
  FILE* file = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (!file)
    return Status::Error("cannot open " + path + ": " + std::strerror(errno));
  std::string buffer(1 << 20, '\0');
  Status s = Status::Ok();
  while (s.ok()) {
    const size_t got = std::fread(buffer.data(), 1, buffer.size(), file);
    if (got == 0) {
      if (std::ferror(file))
        s = Status::Error(path + ": read error: " + std::strerror(errno));
      break;
    }
    s = push(buffer.data(), got);
  }
  if (file != stdin)
    std::fclose(file);
  return s;
}

}  // namespace readforge
