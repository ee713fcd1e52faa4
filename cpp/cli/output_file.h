// An output file or standard output. A run that fails, or is interrupted (cli/interrupt.h),
// removes the files it was writing, so a partial FASTQ never sits on disk looking complete (on
// standard output, the exit status says it). Only regular files: a path that names a device or a
// pipe (/dev/null, /dev/stdout, a FIFO) stays, as unlinking /dev/null as root deletes it for the
// whole machine. A small file written whole (a sidecar, a profile) can be replaced atomically: it
// is written under a temporary name beside it and renamed when closed, so the old one stays
// until the new one is complete.
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

  enum class Mode { kInPlace, kReplaceWhenClosed };
  Status Open(const std::string& path, Mode mode = Mode::kInPlace);  // "-": standard output
  bool is_open() const { return file_ != nullptr; }
  Status Write(std::string_view bytes);
  Status Close();
  void Discard();  // close, and remove a partial regular file

 private:
  FILE* file_ = nullptr;
  std::string path_;     // what messages name
  std::string written_;  // the file written: path_, or its temporary name
  bool replace_ = false;
  bool is_stdout_ = false;
  bool removable_ = false;  // a regular file, removed by Discard()
};

}  // namespace readforge

#endif  // READFORGE_CLI_OUTPUT_FILE_H_
