#include "cli/reference_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "engine/contig_scanner.h"
#include "engine/fai.h"

namespace readforge {

ReferenceReader::~ReferenceReader() {
  if (file_)
    gzclose(file_);
}

Status ReferenceReader::Open(const std::string& path) {
  path_ = path == "-" ? "standard input" : path;
  file_ = path == "-" ? gzdopen(dup(STDIN_FILENO), "rb") : gzopen(path.c_str(), "rb");
  if (!file_)
    return Status::Error("cannot open " + path_ + ": " + std::strerror(errno));
  gzbuffer(file_, 1 << 17);
  return Status::Ok();
}

Status ReferenceReader::Read(char* dst, size_t capacity, size_t* got) {
  int n = gzread(file_, dst, static_cast<unsigned>(capacity));
  int code = Z_OK;
  const char* message = gzerror(file_, &code);
  if (n < 0 || (code != Z_OK && code != Z_STREAM_END)) {
    if (code == Z_BUF_ERROR)
      return Status::Error(path_ + ": the gzip data is truncated (unexpected end of file)");
    if (code == Z_ERRNO)
      return Status::Error("cannot read " + path_ + ": " + std::strerror(errno));
    return Status::Error(path_ + ": corrupt gzip data (" + message + ")");
  }
  *got = static_cast<size_t>(n);
  return Status::Ok();
}

Status FeedNext(ReferenceReader& reader, Simulator& sim, bool* input_done) {
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

Status LoadContigs(const std::string& ref_path,
                   const std::string& fai_path,
                   bool needed,
                   std::vector<ContigInfo>* contigs) {
  contigs->clear();
  std::string index = fai_path;
  if (index.empty() && ref_path != "-" && FileExists(ref_path + ".fai"))
    index = ref_path + ".fai";
  if (!index.empty()) {
    std::string text;
    RF_RETURN_IF_ERROR(ReadWholeFile(index, &text));
    std::vector<FaiEntry> entries;
    Status s = ParseFai(text, &entries);
    if (!s.ok())
      return Status::Error(index + ": " + s.message());
    *contigs = ContigsOf(entries);
    return Status::Ok();
  }
  if (!needed || !IsRegularFile(ref_path))
    return Status::Ok();
  ReferenceReader reader;
  RF_RETURN_IF_ERROR(reader.Open(ref_path));
  ContigScanner scanner;
  std::string buffer(1 << 20, '\0');
  size_t got = 0;
  do {
    RF_RETURN_IF_ERROR(reader.Read(buffer.data(), buffer.size(), &got));
    Status s = scanner.Push(buffer.data(), got);
    if (!s.ok())
      return Status::Error(ref_path + ": " + s.message());
  } while (got > 0);
  Status s = scanner.Finish();
  if (!s.ok())
    return Status::Error(ref_path + ": " + s.message());
  *contigs = scanner.contigs();
  return Status::Ok();
}

}  // namespace readforge
