#include "formats/community_tables.h"

#include <cmath>
#include <cstdio>
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

Status ParseCommunityTable(std::string_view text, CommunityTable* table) {
  *table = CommunityTable();
  std::unordered_set<std::string> seen;
  std::string_view line;
  int64_t number = 0;
  bool header = false;
  bool any_positive = false;
  while (NextLine(&text, &line)) {
    ++number;
    std::string_view rest = line;
    const std::string_view genome = NextWord(&rest);
    if (genome.empty() || genome[0] == '#')
      continue;
    const std::string_view path = NextWord(&rest);
    const std::string_view amount = NextWord(&rest);
    const std::string where = LineName("community table", number);
    if (!NextWord(&rest).empty() || path.empty())
      return Status::Error(where + "expected 'genome path' or 'genome path amount'");
    if (!header) {
      if (genome != "genome" || path != "path" ||
          !(amount.empty() || amount == "abundance" || amount == "coverage")) {
        return Status::Error(where +
                             "the first line is a header: 'genome path', 'genome path abundance' "
                             "or 'genome path coverage'");
      }
      header = true;
      table->amounts = !amount.empty();
      if (amount == "coverage")
        table->measure = AbundanceTable::Measure::kCoverage;
      continue;
    }
    if (genome.find('|') != std::string_view::npos) {
      return Status::Error(where + "genome '" + std::string(genome) +
                           "': a genome's name holds no '|' (it prefixes its contigs' names)");
    }
    if (!seen.insert(std::string(genome)).second)
      return Status::Error(where + "genome '" + std::string(genome) + "' is listed twice");
    CommunityMember member{std::string(genome), std::string(path), 0};
    if (table->amounts != !amount.empty()) {
      return Status::Error(where + (table->amounts ? "the header asks for an amount in column 3"
                                                   : "the header has no amount column"));
    }
    if (table->amounts) {
      if (!ParseDouble(amount, &member.amount) || !std::isfinite(member.amount) ||
          member.amount < 0 || member.amount > 1e12) {
        return Status::Error(where + "the amount must be a number from 0 to 1e12, got '" +
                             std::string(amount) + "'");
      }
      any_positive |= member.amount > 0;
    }
    table->members.push_back(std::move(member));
  }
  if (table->members.empty())
    return Status::Error("community table: no genomes");
  if (table->amounts && !any_positive)
    return Status::Error("community table: every amount is 0, so no genome would be sequenced");
  return Status::Ok();
}

std::string CommunityTable::AbundanceText() const {
  if (!amounts)
    return "";
  std::string out =
      measure == AbundanceTable::Measure::kCoverage ? "genome\tcoverage\n" : "genome\tabundance\n";
  char number[32];
  for (const CommunityMember& m : members) {
    std::snprintf(number, sizeof number, "%.17g", m.amount);
    out += m.genome + "\t" + number + "\n";
  }
  return out;
}

}  // namespace readforge
