// An output file or standard output. A run that fails removes the files it was writing, so a
// partial FASTQ never sits on disk looking complete (on standard output, the exit status says it).
// Only regular files: a path that names a device or a pipe (/dev/null, /dev/stdout, a FIFO)
// stays, as unlinking /dev/null as root deletes it for the whole machine.
#ifndef READFORGE_CLI_OUTPUT_FILE_H_
#define READFORGE_CLI_OUTPUT_FILE_H_

#include <cstdio>
#include <string>
#include <string_view>

#include "formats/status.h"

namespace readforge {

class OutputFile {
 public:
  OutputFile() = default;
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  ~OutputFile();

  Status Open(const std::string& path);  // "-" is standard output
  bool is_open() const { return file_ != nullptr; }
  Status Write(std::string_view bytes);
  Status Close();
  void Discard();  // close, and remove a partial regular file

 private:
  FILE* file_ = nullptr;
  std::string path_;
  bool is_stdout_ = false;
  bool removable_ = false;  // a regular file, removed by Discard()
};

}  // namespace readforge

#endif  // READFORGE_CLI_OUTPUT_FILE_H_
