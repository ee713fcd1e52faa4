#include "cli/community_input.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "cli/input_reader.h"
#include "cli/interrupt.h"
#include "formats/community_joiner.h"
#include "formats/community_tables.h"

namespace readforge {
namespace {

bool IsUrl(const std::string& path) {
  return path.rfind("http://", 0) == 0 || path.rfind("https://", 0) == 0 ||
         path.rfind("s3://", 0) == 0;
}

// A member's path: as given when absolute, else relative to the table's folder.
std::string MemberPath(const std::string& table_path, const std::string& path) {
  if (path.empty() || path[0] == '/')
    return path;
  const size_t slash = table_path.rfind('/');
  return slash == std::string::npos ? path : table_path.substr(0, slash + 1) + path;
}

Status WriteAll(FILE* file, const std::string& bytes, const std::string& path) {
  if (!bytes.empty() && std::fwrite(bytes.data(), 1, bytes.size(), file) != bytes.size())
    return Status::Error("cannot write " + path + ": " + std::strerror(errno));
  return Status::Ok();
}

}  // namespace

JoinedCommunity::~JoinedCommunity() {
  if (path_.empty())
    return;
  std::remove(path_.c_str());
  interrupt::Release(path_);
}

Status JoinedCommunity::Join(const std::string& table_path) {
  std::string text;
  RF_RETURN_IF_ERROR(ReadWholeFile(table_path, &text));
  CommunityTable table;
  Status s = ParseCommunityTable(text, &table);
  if (!s.ok())
    return Status::Error(table_path + ": " + s.message());
  for (const CommunityMember& m : table.members) {
    if (IsUrl(m.path)) {
      return Status::Error(table_path + ": genome '" + m.genome + "' is at " + m.path +
                           ": readforge-wasm reads genomes at URLs (the native command line "
                           "reads files)");
    }
    const std::string path = MemberPath(table_path, m.path);
    if (!FileExists(path)) {
      return Status::Error(table_path + ": genome '" + m.genome + "': cannot open " + path + ": " +
                           std::strerror(ENOENT));
    }
  }
  const char* dir = std::getenv("TMPDIR");
  std::string pattern = std::string(dir && *dir ? dir : "/tmp") + "/readforge-community-XXXXXX";
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  const int fd = mkstemp(name.data());
  if (fd < 0)
    return Status::Error("cannot make a temporary file in " + pattern + ": " +
                         std::strerror(errno));
  path_ = name.data();
  interrupt::Protect(path_);
  FILE* out = fdopen(fd, "wb");
  if (!out) {
    close(fd);
    return Status::Error("cannot write " + path_ + ": " + std::strerror(errno));
  }
  CommunityJoiner joiner;
  std::string joined;
  std::vector<char> buffer(1 << 20);
  for (const CommunityMember& m : table.members) {
    const std::string path = MemberPath(table_path, m.path);
    InputReader reader;
    s = reader.Open(path, true);
    joiner.StartGenome(m.genome);
    for (size_t got = 1; s.ok() && got > 0;) {
      s = reader.Read(buffer.data(), buffer.size(), &got);
      joined.clear();
      joiner.Push(buffer.data(), got, &joined);
      if (s.ok())
        s = WriteAll(out, joined, path_);
    }
    joined.clear();
    joiner.EndGenome(&joined);
    if (s.ok())
      s = WriteAll(out, joined, path_);
    if (!s.ok()) {
      std::fclose(out);
      return Status::Error("genome '" + m.genome + "': " + s.message());
    }
  }
  if (std::fclose(out) != 0)
    return Status::Error("cannot write " + path_ + ": " + std::strerror(errno));
  map_text_ = joiner.map_text();
  if (map_text_.empty())
    return Status::Error(table_path + ": its genomes' files hold no FASTA records");
  abundance_text_ = table.AbundanceText();
  return Status::Ok();
}

}  // namespace readforge
