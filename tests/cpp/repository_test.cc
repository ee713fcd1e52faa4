// The repository as a whole: its layers include only downwards (formats know nothing of the
// engine or eval, the engine nothing of its hosts), and no file names a path outside the
// repository, so that a fresh clone with nothing beside it builds and passes its tests.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace readforge {
namespace {

namespace fs = std::filesystem;

const fs::path kRoot = READFORGE_SOURCE_DIR;

std::string Read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Every `#include "layer/..."` of the C++ files under cpp/<layer>, as "file: include".
std::vector<std::string> IncludesOf(const std::string& layer, const std::set<std::string>& banned) {
  std::vector<std::string> found;
  const std::regex include(R"(#include "([a-z]+)/)");
  for (const auto& entry : fs::directory_iterator(kRoot / "cpp" / layer)) {
    const std::string text = Read(entry.path());
    for (std::sregex_iterator it(text.begin(), text.end(), include), end; it != end; ++it) {
      if (banned.count((*it)[1]))
        found.push_back(entry.path().filename().string() + ": " + (*it)[0].str());
    }
  }
  return found;
}

TEST(Layers, IncludeOnlyDownwards) {
  EXPECT_EQ(IncludesOf("formats", {"engine", "eval", "cli", "wasm"}), std::vector<std::string>{});
  EXPECT_EQ(IncludesOf("engine", {"eval", "cli", "wasm"}), std::vector<std::string>{});
  // `readforge eval` reads alignments (formats); it knows nothing of how reads are made.
  EXPECT_EQ(IncludesOf("eval", {"engine", "cli", "wasm"}), std::vector<std::string>{});
  EXPECT_EQ(IncludesOf("cli", {"wasm"}), std::vector<std::string>{});
  EXPECT_EQ(IncludesOf("wasm", {"cli"}), std::vector<std::string>{});
}

TEST(Repository, NoFileNamesAPathOutsideIt) {
  // What is made or installed in the tree is not the repository's.
  const std::set<std::string> skipped = {".git",        "node_modules", "dist",      "dist-app",
                                         "test-output", "bench",        ".wrangler", "corpus"};
  const std::set<std::string> text = {".cc", ".h",   ".ts",   ".mjs", ".js",   ".json", ".md",
                                      ".sh", ".txt", ".html", ".css", ".toml", ".yml",  ".cmake"};
  // Relative paths that climb out of the repository: from where they are written, or, appended
  // to a folder (as in SOURCE_DIR + "/<dot><dot>/data"), from the repository's root; and this
  // machine's absolute paths (the pattern built in two pieces, so as not to name itself).
  const std::regex relative(R"((/?)((\.\./)+[A-Za-z0-9_.-]+))");
  const std::string work = std::string("/wor") + "k/";
  std::vector<std::string> found;
  for (auto it = fs::recursive_directory_iterator(kRoot); it != fs::recursive_directory_iterator();
       ++it) {
    const std::string name = it->path().filename().string();
    if (it->is_directory() && (skipped.count(name) || name.rfind("build", 0) == 0)) {
      it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file() ||
        (!text.count(it->path().extension().string()) && name != "CMakeLists.txt" && name != "run"))
      continue;
    const std::string content = Read(it->path());
    const std::string where = fs::relative(it->path(), kRoot).string();
    if (content.find(work) != std::string::npos)
      found.push_back(where + ": an absolute path under " + work);
    for (std::sregex_iterator m(content.begin(), content.end(), relative), end; m != end; ++m) {
      const fs::path base = (*m)[1].length() ? kRoot : it->path().parent_path();
      const fs::path target = (base / (*m)[2].str()).lexically_normal();
      if (fs::relative(target, kRoot).string().rfind("..", 0) == 0)
        found.push_back(where + ": " + (*m)[0].str());
    }
  }
  EXPECT_EQ(found, std::vector<std::string>{});
}

}  // namespace
}  // namespace readforge
