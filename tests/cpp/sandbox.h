// Folders for tests that run programs on files: TempDir, a folder under /tmp removed when it goes
// out of scope (after a failed assertion too), and Sandbox, a test fixture with a TempDir of its
// own and the readforge binary run inside it. Shared by every test that writes files.
#ifndef READFORGE_TESTS_SANDBOX_H_
#define READFORGE_TESTS_SANDBOX_H_

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "test_util.h"

namespace readforge::testing {

class TempDir {
 public:
  TempDir() {
    char pattern[] = "/tmp/readforge-test-XXXXXX";
    path_ = mkdtemp(pattern);
  }
  ~TempDir() { std::system(("rm -rf " + path_).c_str()); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  std::string Path(const std::string& name) const { return path_ + "/" + name; }
  void Write(const std::string& name, const std::string& text) const {
    std::ofstream(Path(name), std::ios::binary) << text;
  }
  std::string Read(const std::string& name) const { return ReadFile(Path(name)); }
  bool Exists(const std::string& name) const { return access(Path(name).c_str(), F_OK) == 0; }
  // Runs a shell line in the folder; its exit status (-1 when it did not exit).
  int Shell(const std::string& command) const {
    const int raw = std::system(("cd " + path_ + " && " + command).c_str());
    return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  }

 private:
  std::string path_;
};

struct CliResult {
  int status = -1;
  std::string out, err;
};

class Sandbox : public ::testing::Test {
 protected:
  std::string Path(const std::string& name) const { return dir_.Path(name); }
  void Write(const std::string& name, const std::string& text) const { dir_.Write(name, text); }
  std::string Read(const std::string& name) const { return dir_.Read(name); }
  bool Exists(const std::string& name) const { return dir_.Exists(name); }
  int Shell(const std::string& command) const { return dir_.Shell(command); }

  // Runs `readforge ARGS` (a shell line's words, so "< in" and "> out" work): its status, and
  // what it wrote to standard output (unless ARGS redirect it) and standard error.
  CliResult Run(const std::string& args) const {
    CliResult r;
    r.status =
        Shell("{ " + std::string(READFORGE_CLI) + " " + args + " ; } > stdout.txt 2> stderr.txt");
    r.out = Read("stdout.txt");
    r.err = Read("stderr.txt");
    return r;
  }
  // The same, for tests that want the status and, when asked, standard error.
  int Run(const std::string& args, std::string* err) const {
    CliResult r = Run(args);
    if (err)
      *err = r.err;
    return r.status;
  }

  // The mean of `samtools depth -a` over REGION of an indexed BAM (-1 when it gives no line), as
  // users measure coverage after aligning.
  double MeanDepth(const std::string& bam, const std::string& region) const {
    EXPECT_EQ(Shell("samtools depth -a -r " + region + " " + bam + " > depth.txt"), 0);
    std::istringstream in(Read("depth.txt"));
    std::string contig;
    int64_t pos = 0, depth = 0, sum = 0, n = 0;
    while (in >> contig >> pos >> depth) {
      sum += depth;
      ++n;
    }
    return n ? static_cast<double>(sum) / static_cast<double>(n) : -1.0;
  }

  // Checks that `readforge ARGS` fails with exactly one line: "readforge: error: MESSAGE".
  void ExpectOneError(const std::string& args, const std::string& message) const {
    CliResult r = Run(args);
    EXPECT_EQ(r.status, 1) << args;
    EXPECT_EQ(r.err, "readforge: error: " + message + "\n") << args;
  }

  TempDir dir_;
};

}  // namespace readforge::testing

#endif  // READFORGE_TESTS_SANDBOX_H_
