// --community TABLE: the table's genomes joined into one temporary FASTA (community_joiner.h:
// contigs renamed GENOME|NAME), with the genome map and abundances that follow, so that the rest
// of the run is a run on one reference with --genome-map and --abundance. The file is removed
// when the object goes (and on an interrupt).
#ifndef READFORGE_CLI_COMMUNITY_INPUT_H_
#define READFORGE_CLI_COMMUNITY_INPUT_H_

#include <string>

#include "formats/status.h"

namespace readforge {

class JoinedCommunity {
 public:
  JoinedCommunity() = default;
  JoinedCommunity(const JoinedCommunity&) = delete;
  JoinedCommunity& operator=(const JoinedCommunity&) = delete;
  ~JoinedCommunity();

  // Reads the table at `table_path` and joins its genomes' files (paths relative to the
  // table's folder; plain, gzip or bgzip) into a temporary file.
  Status Join(const std::string& table_path);

  const std::string& path() const { return path_; }
  const std::string& map_text() const { return map_text_; }
  // An --abundance table's text, or "" when the table gives no amounts.
  const std::string& abundance_text() const { return abundance_text_; }

 private:
  std::string path_;
  std::string map_text_;
  std::string abundance_text_;
};

}  // namespace readforge

#endif  // READFORGE_CLI_COMMUNITY_INPUT_H_
