// --community: the genomes' FASTA files joined into one reference, each contig renamed
// GENOME|NAME (so names never clash across genomes, and each read's name carries its genome),
// with the genome map that follows from it. Every host joins the files with this class, so the
// joined bytes, and the reads, are the same everywhere.
#ifndef READFORGE_FORMATS_COMMUNITY_JOINER_H_
#define READFORGE_FORMATS_COMMUNITY_JOINER_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace readforge {

class CommunityJoiner {
 public:
  // The next genome's FASTA bytes follow (plain text: hosts inflate gzip first).
  void StartGenome(std::string_view genome);
  // Appends the bytes pushed, renamed, to `out`.
  void Push(const char* data, size_t size, std::string* out);
  // After each genome's last bytes: ends its last line.
  void EndGenome(std::string* out);

  // "GENOME|NAME<TAB>GENOME" for every contig seen: the run's genome map.
  const std::string& map_text() const { return map_; }

 private:
  void EndName();

  std::string genome_;
  bool line_start_ = true;
  bool in_name_ = false;
  bool written_ = false;  // the genome has written a byte
  std::string name_;
  std::string map_;
};

}  // namespace readforge

#endif  // READFORGE_FORMATS_COMMUNITY_JOINER_H_
