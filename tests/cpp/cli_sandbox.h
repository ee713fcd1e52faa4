// A folder of its own for each command-line test: files written and read by name, the readforge
// binary (or any shell line) run inside it. Shared by every *_cli_test.cc.
#ifndef READFORGE_TESTS_CLI_SANDBOX_H_
#define READFORGE_TESTS_CLI_SANDBOX_H_

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <string>

#include "test_util.h"

namespace readforge::testing {

struct CliResult {
  int status = -1;
  std::string out, err;
};

class CliSandbox : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/readforge-cli-XXXXXX";
    dir_ = mkdtemp(pattern);
  }
  void TearDown() override { std::system(("rm -rf " + dir_).c_str()); }

  std::string Path(const std::string& name) const { return dir_ + "/" + name; }
  void Write(const std::string& name, const std::string& text) const {
    std::ofstream(Path(name), std::ios::binary) << text;
  }
  std::string Read(const std::string& name) const { return ReadFile(Path(name)); }
  bool Exists(const std::string& name) const { return access(Path(name).c_str(), F_OK) == 0; }

  // Runs a shell line in the folder; its exit status (-1 when it did not exit).
  int Shell(const std::string& command) const {
    const int raw = std::system(("cd " + dir_ + " && " + command).c_str());
    return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  }

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

  std::string dir_;
};

}  // namespace readforge::testing

#endif  // READFORGE_TESTS_CLI_SANDBOX_H_
