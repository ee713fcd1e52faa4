#include "formats/community_tables.h"

#include <cmath>
#include <unordered_set>

#include "formats/text.h"

namespace readforge {
namespace {

// Splits a line into exactly two words; false for a blank or comment line (`*skip`) or a line
// of another shape.
bool TwoWords(std::string_view line, std::string_view* a, std::string_view* b, bool* skip) {
  *a = NextWord(&line);
  *skip = a->empty() || (*a)[0] == '#';
  if (*skip)
    return false;
  *b = NextWord(&line);
  return !b->empty() && NextWord(&line).empty();
}

std::string LineName(const char* table, int64_t number) {
  return std::string(table) + " line " + std::to_string(number) + ": ";
}

}  // namespace

Status ParseGenomeMap(std::string_view text, std::vector<GenomeMapEntry>* entries) {
  entries->clear();
  std::unordered_set<std::string_view> seen;
  std::string_view line;
  int64_t number = 0;
  bool first = true;
  while (NextLine(&text, &line)) {
    ++number;
    std::string_view contig, genome;
    bool skip = false;
    const bool two = TwoWords(line, &contig, &genome, &skip);
    if (skip)
      continue;
    if (!two)
      return Status::Error(LineName("genome map", number) + "expected 'contig genome'");
    if (first && contig == "contig" && genome == "genome") {
      first = false;
      continue;
    }
    first = false;
    if (!seen.insert(contig).second) {
      return Status::Error(LineName("genome map", number) + "contig '" + std::string(contig) +
                           "' is listed twice");
    }
    entries->push_back(GenomeMapEntry{std::string(contig), std::string(genome)});
  }
  if (entries->empty())
    return Status::Error("genome map: no 'contig genome' lines");
  return Status::Ok();
}

Status ParseAbundanceTable(std::string_view text, AbundanceTable* table) {
  *table = AbundanceTable();
  std::unordered_set<std::string_view> seen;
  std::string_view line;
  int64_t number = 0;
  bool first = true;
  bool any_positive = false;
  while (NextLine(&text, &line)) {
    ++number;
    std::string_view genome, amount_text;
    bool skip = false;
    const bool two = TwoWords(line, &genome, &amount_text, &skip);
    if (skip)
      continue;
    if (!two) {
      return Status::Error(LineName("abundance table", number) +
                           "expected 'genome abundance' or 'genome coverage'");
    }
    if (first && genome == "genome") {
      first = false;
      if (amount_text == "coverage") {
        table->measure = AbundanceTable::Measure::kCoverage;
        continue;
      }
      if (amount_text == "abundance")
        continue;
      return Status::Error(LineName("abundance table", number) +
                           "the header's second column is 'abundance' or 'coverage', not '" +
                           std::string(amount_text) + "'");
    }
    first = false;
    double amount = 0;
    if (!ParseDouble(amount_text, &amount) || !std::isfinite(amount)) {
      return Status::Error(LineName("abundance table", number) + "'" + std::string(amount_text) +
                           "' is not a number");
    }
    if (amount > 1e12) {
      return Status::Error(LineName("abundance table", number) + "genome '" + std::string(genome) +
                           "' has an amount over 1e12 (" + std::string(amount_text) +
                           "); amounts are relative, scale them down");
    }
    if (amount < 0) {
      return Status::Error(LineName("abundance table", number) + "genome '" + std::string(genome) +
                           "' has a negative amount (" + std::string(amount_text) + ")");
    }
    if (!seen.insert(genome).second) {
      return Status::Error(LineName("abundance table", number) + "genome '" + std::string(genome) +
                           "' is listed twice");
    }
    any_positive |= amount > 0;
    table->rows.emplace_back(std::string(genome), amount);
  }
  if (table->rows.empty())
    return Status::Error("abundance table: no 'genome amount' lines");
  if (!any_positive)
    return Status::Error("abundance table: every amount is 0, so no genome would be sequenced");
  return Status::Ok();
}

}  // namespace readforge
