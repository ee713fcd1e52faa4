#include "engine/quality_profile.h"

#include <algorithm>
#include <map>

#include "formats/text.h"

namespace readforge {
namespace {

constexpr std::string_view kMagic = "#readforge-profile";
constexpr int64_t kVersion = 1;

// 10^(-k/10) for k = 0..9, correctly rounded doubles.
constexpr double kTenths[10] = {1.0,
                                0.79432823472428150207,
                                0.63095734448019324943,
                                0.50118723362727228500,
                                0.39810717055349725077,
                                0.31622776601683793320,
                                0.25118864315095801111,
                                0.19952623149688796014,
                                0.15848931924611134852,
                                0.12589254117941672104};

int EndIndex(std::string_view name) {
  return name == "R1" ? 0 : name == "R2" ? 1 : -1;
}

int BaseIndex(std::string_view name) {
  return name == "A" ? 0 : name == "C" ? 1 : name == "G" ? 2 : name == "T" ? 3 : -1;
}

uint64_t Sum(const uint64_t* v, int n) {
  uint64_t total = 0;
  for (int i = 0; i < n; ++i)
    total += v[i];
  return total;
}

// Reads `n` counts from the rest of a line.
bool ParseCounts(std::string_view* line, int n, uint64_t* out) {
  for (int i = 0; i < n; ++i) {
    if (line->empty() || !ParseUint64(NextTabField(line), &out[i]))
      return false;
  }
  return line->empty();
}

Status ParseArt(std::string_view text, QualityProfile* profile);

}  // namespace

double PhredErrorProbability(int q) {
  double p = kTenths[q % 10];
  for (int tens = q / 10; tens > 0; --tens)
    p /= 10;
  return p;
}

double QualityProfile::MeanQuality(int mate, int64_t cycle) const {
  const ReadEndProfile& e = end(mate);
  const uint64_t* c = &e.counts[static_cast<size_t>(cycle * states())];
  double weighted = 0;
  double total = 0;
  for (int s = 0; s < states(); ++s) {
    weighted += static_cast<double>(c[s]) * alphabet[static_cast<size_t>(s)];
    total += static_cast<double>(c[s]);
  }
  return total > 0 ? weighted / total : 0;
}

double QualityProfile::ExpectedErrorRate(int mate, int64_t length) const {
  const ReadEndProfile& e = end(mate);
  double sum = 0;
  for (int64_t cycle = 0; cycle < length && cycle < e.cycles; ++cycle) {
    const uint64_t* c = &e.counts[static_cast<size_t>(cycle * states())];
    double total = static_cast<double>(Sum(c, states()));
    for (int s = 0; s < states(); ++s)
      sum += static_cast<double>(c[s]) / total *
             PhredErrorProbability(alphabet[static_cast<size_t>(s)]);
  }
  return length > 0 ? sum / static_cast<double>(length) : 0;
}

Status QualityProfile::CheckReadLengths(int64_t read1_length, int64_t read2_length) const {
  for (int mate = 0; mate < 2; ++mate) {
    const int64_t length = mate == 0 ? read1_length : read2_length;
    const int64_t cycles = end(mate).cycles;
    if (length > cycles) {
      const bool own = mate < static_cast<int>(ends.size());
      return Status::Error("read " + std::to_string(mate + 1) + " is " + std::to_string(length) +
                           " bases long, but the quality profile's " + (own && mate ? "R2" : "R1") +
                           " has only " + std::to_string(cycles) +
                           " cycles (use shorter reads, or a profile of longer ones)");
    }
  }
  return Status::Ok();
}

Status QualityProfile::Parse(std::string_view text, QualityProfile* profile) {
  *profile = QualityProfile();
  std::string_view peek = text;
  std::string_view first;
  NextLine(&peek, &first);
  if (first.substr(0, kMagic.size()) != kMagic) {
    if (!first.empty() && (first[0] == '.' || first[0] == '#'))
      return ParseArt(text, profile);
    return Status::Error(
        "line 1: expected '#readforge-profile<TAB>1' or an ART Illumina profile (is this a "
        "quality profile?)");
  }
  int64_t line_number = 0;
  std::string_view line;
  int states = 0;
  while (NextLine(&text, &line)) {
    ++line_number;
    auto fail = [&](const std::string& what) {
      return Status::Error("line " + std::to_string(line_number) + ": " + what);
    };
    if (line_number == 1) {
      NextTabField(&line);
      int64_t version = 0;
      if (!ParseInt64(NextTabField(&line), &version))
        return fail("expected '#readforge-profile<TAB>1'");
      if (version != kVersion) {
        return fail("format version " + std::to_string(version) +
                    " is not one this readforge reads (1)");
      }
      continue;
    }
    if (line.empty() || line[0] == '#')
      continue;
    const std::string_view kind = NextTabField(&line);
    if (kind == "meta") {
      std::string key(NextTabField(&line));
      profile->meta.emplace_back(key, std::string(line));
      continue;
    }
    if (kind == "alphabet") {
      if (states > 0)
        return fail("a second 'alphabet' line");
      while (!line.empty()) {
        int64_t q = -1;
        if (!ParseInt64(NextTabField(&line), &q) || q < 0 || q > kMaxPhred)
          return fail("alphabet: Phred values from 0 to 93 expected");
        if (!profile->alphabet.empty() && q <= profile->alphabet.back())
          return fail("alphabet: values must be ascending, each once");
        profile->alphabet.push_back(static_cast<int>(q));
      }
      states = profile->states();
      if (states == 0 || states > kMaxQualityStates)
        return fail("alphabet: 1 to 64 quality values expected");
      continue;
    }
    if (states == 0)
      return fail("'" + std::string(kind) + "' before the 'alphabet' line");
    const int e = EndIndex(NextTabField(&line));
    if (e < 0)
      return fail("expected R1 or R2 after '" + std::string(kind) + "'");
    if (kind == "end") {
      if (e != static_cast<int>(profile->ends.size()))
        return fail("'end' lines come once each, R1 first");
      ReadEndProfile end;
      int64_t n_quality = 0;
      if (!ParseInt64(NextTabField(&line), &end.cycles) || end.cycles < 1 ||
          end.cycles > kMaxProfileCycles || !ParseInt64(NextTabField(&line), &n_quality) ||
          n_quality < 0 || n_quality > kMaxPhred || !line.empty()) {
        return fail("expected 'end<TAB>R1|R2<TAB>CYCLES (1 to 1000)<TAB>N_QUALITY'");
      }
      end.n_quality = static_cast<int>(n_quality);
      end.counts.assign(static_cast<size_t>(end.cycles * states), 0);
      profile->ends.push_back(std::move(end));
      continue;
    }
    if (e >= static_cast<int>(profile->ends.size()))
      return fail("'" + std::string(kind) + "' for an end not declared by an 'end' line");
    ReadEndProfile& end = profile->ends[static_cast<size_t>(e)];
    if (kind == "cycle" || kind == "trans") {
      int64_t cycle = -1;
      int64_t previous = 0;
      if (!ParseInt64(NextTabField(&line), &cycle) || cycle < 0 || cycle >= end.cycles)
        return fail("cycle out of range (0 to " + std::to_string(end.cycles - 1) + ")");
      uint64_t* row = &end.counts[static_cast<size_t>(cycle * states)];
      if (kind == "trans") {
        if (cycle == 0 || !ParseInt64(NextTabField(&line), &previous) || previous < 0 ||
            previous >= states) {
          return fail("trans: expected a cycle from 1 and a previous state from 0 to " +
                      std::to_string(states - 1));
        }
        if (end.trans.empty())
          end.trans.assign(static_cast<size_t>(end.cycles * states * states), 0);
        row = &end.At(cycle, static_cast<int>(previous), 0, states);
      }
      if (!ParseCounts(&line, states, row))
        return fail("expected " + std::to_string(states) + " counts, one per quality value");
      continue;
    }
    if (kind == "sub") {
      const int base = BaseIndex(NextTabField(&line));
      if (base < 0 || !ParseCounts(&line, 4, end.substitutions[static_cast<size_t>(base)].data()))
        return fail("expected 'sub<TAB>R1|R2<TAB>BASE<TAB>' and 4 counts (A C G T)");
      continue;
    }
    if (kind == "indel") {
      if (!ParseDouble(NextTabField(&line), &end.insertion_rate) ||
          !ParseDouble(NextTabField(&line), &end.deletion_rate) || !line.empty() ||
          !(end.insertion_rate >= 0 && end.insertion_rate <= 0.1) ||
          !(end.deletion_rate >= 0 && end.deletion_rate <= 0.1)) {
        return fail(
            "expected 'indel<TAB>R1|R2<TAB>INSERTION_RATE<TAB>DELETION_RATE', each 0 to 0.1");
      }
      continue;
    }
    return fail("unknown record '" + std::string(kind) + "'");
  }
  if (states == 0 || profile->ends.empty())
    return Status::Error("no 'alphabet' and 'end' lines: an empty or truncated profile");
  for (size_t e = 0; e < profile->ends.size(); ++e) {
    const ReadEndProfile& end = profile->ends[e];
    for (int64_t cycle = 0; cycle < end.cycles; ++cycle) {
      if (Sum(&end.counts[static_cast<size_t>(cycle * states)], states) == 0) {
        return Status::Error("R" + std::to_string(e + 1) + " cycle " + std::to_string(cycle) +
                             " has no counts: the profile is truncated or edited");
      }
    }
  }
  return Status::Ok();
}

std::string QualityProfile::Format() const {
  std::string out = std::string(kMagic) + "\t" + std::to_string(kVersion) + "\n";
  for (const auto& [key, value] : meta)
    out += "meta\t" + key + "\t" + value + "\n";
  out += "alphabet";
  for (int q : alphabet)
    out += "\t" + std::to_string(q);
  out += "\n";
  const int k = states();
  auto counts = [&](const uint64_t* row, int n) {
    std::string text;
    for (int i = 0; i < n; ++i)
      text += "\t" + std::to_string(row[i]);
    return text + "\n";
  };
  for (size_t e = 0; e < ends.size(); ++e) {
    const ReadEndProfile& end = ends[e];
    const std::string name = e == 0 ? "R1" : "R2";
    out += "end\t" + name + "\t" + std::to_string(end.cycles) + "\t" +
           std::to_string(end.n_quality) + "\n";
    for (int64_t c = 0; c < end.cycles; ++c)
      out += "cycle\t" + name + "\t" + std::to_string(c) + counts(&end.counts[c * k], k);
    for (int64_t c = 1; !end.trans.empty() && c < end.cycles; ++c) {
      for (int p = 0; p < k; ++p) {
        const uint64_t* row = end.Row(c, p, k);
        if (Sum(row, k) > 0)
          out += "trans\t" + name + "\t" + std::to_string(c) + "\t" + std::to_string(p) +
                 counts(row, k);
      }
    }
    for (int b = 0; b < 4; ++b) {
      if (Sum(end.substitutions[b].data(), 4) > 0)
        out += "sub\t" + name + "\t" + "ACGT"[b] + counts(end.substitutions[b].data(), 4);
    }
    if (end.insertion_rate > 0 || end.deletion_rate > 0) {
      out += "indel\t" + name + "\t" + FormatNumber(end.insertion_rate) + "\t" +
             FormatNumber(end.deletion_rate) + "\n";
    }
  }
  return out;
}

Status ProfileFromTexts(const std::vector<std::string>& names,
                        const std::vector<std::string>& texts,
                        std::shared_ptr<const QualityProfile>* profile) {
  if (texts.empty() || texts.size() > 2 || names.size() != texts.size())
    return Status::Error("--profile takes one file, or two separated by a comma (R1,R2)");
  std::vector<QualityProfile> parsed(texts.size());
  for (size_t i = 0; i < texts.size(); ++i) {
    Status s = QualityProfile::Parse(texts[i], &parsed[i]);
    if (!s.ok())
      return Status::Error(names[i] + ": " + s.message());
  }
  QualityProfile made =
      parsed.size() == 2 ? QualityProfile::Pair(parsed[0], parsed[1]) : std::move(parsed[0]);
  for (const std::string& n : names)
    made.name += (made.name.empty() ? "" : ",") + std::string(BaseName(n));
  *profile = std::make_shared<const QualityProfile>(std::move(made));
  return Status::Ok();
}

QualityProfile QualityProfile::Pair(const QualityProfile& first, const QualityProfile& second) {
  QualityProfile out;
  out.meta = first.meta;
  out.alphabet = first.alphabet;
  for (int q : second.alphabet) {
    if (!std::binary_search(out.alphabet.begin(), out.alphabet.end(), q))
      out.alphabet.insert(std::upper_bound(out.alphabet.begin(), out.alphabet.end(), q), q);
  }
  const int k = out.states();
  for (const QualityProfile* from : {&first, &second}) {
    const ReadEndProfile& in = from->ends[0];
    const int n = from->states();
    std::vector<int> map(static_cast<size_t>(n));
    for (int s = 0; s < n; ++s) {
      map[static_cast<size_t>(s)] = static_cast<int>(
          std::lower_bound(out.alphabet.begin(), out.alphabet.end(), from->alphabet[s]) -
          out.alphabet.begin());
    }
    ReadEndProfile end = in;
    end.counts.assign(static_cast<size_t>(in.cycles * k), 0);
    for (int64_t c = 0; c < in.cycles; ++c)
      for (int s = 0; s < n; ++s)
        end.counts[static_cast<size_t>(c * k + map[s])] = in.counts[static_cast<size_t>(c * n + s)];
    if (!in.trans.empty()) {
      end.trans.assign(static_cast<size_t>(in.cycles * k * k), 0);
      for (int64_t c = 1; c < in.cycles; ++c)
        for (int p = 0; p < n; ++p)
          for (int s = 0; s < n; ++s)
            end.At(c, map[p], map[s], k) = in.At(c, p, s, n);
    }
    out.ends.push_back(std::move(end));
  }
  return out;
}

namespace {

// ART's Illumina profiles: pairs of lines "SYM CYCLE Q1 .. Qk" and "SYM CYCLE C1 .. Ck" with
// cumulative counts, SYM '.' for all calls (read here), A/C/G/T per base, N for N calls (their
// quality is read here too).
Status ParseArt(std::string_view text, QualityProfile* profile) {
  std::map<int64_t, std::vector<std::pair<int, uint64_t>>> cycles;  // cycle -> (Q, count)
  std::map<int, uint64_t> n_qualities;
  int64_t line_number = 0;
  std::string_view line;
  std::string_view pending;  // the Q line waiting for its counts
  int64_t pending_line = 0;
  int64_t expected_cycle = 0;
  while (NextLine(&text, &line)) {
    ++line_number;
    if (line.empty() || line[0] == '#')
      continue;
    auto fail = [&](const std::string& what) {
      return Status::Error("line " + std::to_string(line_number) + ": " + what +
                           " (an ART profile has pairs of lines: SYM CYCLE QUALITIES, then SYM "
                           "CYCLE CUMULATIVE COUNTS)");
    };
    if (pending.empty()) {
      pending = line;
      pending_line = line_number;
      continue;
    }
    std::string_view q_line = pending;
    pending = {};
    const std::string_view symbol = NextTabField(&q_line);
    const std::string_view symbol2 = NextTabField(&line);
    int64_t cycle = -1;
    int64_t cycle2 = -2;
    if (symbol != symbol2 || !ParseInt64(NextTabField(&q_line), &cycle) ||
        !ParseInt64(NextTabField(&line), &cycle2) || cycle != cycle2 || cycle < 0) {
      return fail("lines " + std::to_string(pending_line) + " and " + std::to_string(line_number) +
                  " do not pair up");
    }
    std::vector<std::pair<int, uint64_t>> values;
    uint64_t previous = 0;
    while (!q_line.empty() || !line.empty()) {
      int64_t q = -1;
      uint64_t cumulative = 0;
      if (q_line.empty() || line.empty() || !ParseInt64(NextTabField(&q_line), &q) ||
          !ParseUint64(NextTabField(&line), &cumulative) || q < 0 || q > kMaxPhred ||
          cumulative < previous || (!values.empty() && q <= values.back().first)) {
        return fail("cycle " + std::to_string(cycle) + ": qualities and counts do not match");
      }
      values.emplace_back(static_cast<int>(q), cumulative - previous);
      previous = cumulative;
    }
    if (symbol == "N") {
      for (const auto& [q, count] : values)
        n_qualities[q] += count;
    }
    if (symbol != ".")
      continue;
    if (cycle != expected_cycle)
      return fail("cycle " + std::to_string(cycle) + " where " + std::to_string(expected_cycle) +
                  " was expected");
    if (cycle >= kMaxProfileCycles || values.empty() || previous == 0)
      return fail("cycle " + std::to_string(cycle) + " has no counts, or too many cycles");
    cycles[cycle] = std::move(values);
    ++expected_cycle;
  }
  if (!pending.empty())
    return Status::Error("line " + std::to_string(pending_line) +
                         ": a quality line without its counts (a truncated profile?)");
  if (cycles.empty())
    return Status::Error("no '.' lines: an empty or truncated ART profile");
  for (const auto& [cycle, values] : cycles)
    for (const auto& [q, count] : values)
      if (!std::binary_search(profile->alphabet.begin(), profile->alphabet.end(), q))
        profile->alphabet.insert(
            std::upper_bound(profile->alphabet.begin(), profile->alphabet.end(), q), q);
  if (profile->states() > kMaxQualityStates)
    return Status::Error("more than 64 quality values");
  const int k = profile->states();
  ReadEndProfile end;
  end.cycles = static_cast<int64_t>(cycles.size());
  end.counts.assign(static_cast<size_t>(end.cycles * k), 0);
  for (const auto& [cycle, values] : cycles) {
    for (const auto& [q, count] : values) {
      auto s = std::lower_bound(profile->alphabet.begin(), profile->alphabet.end(), q) -
               profile->alphabet.begin();
      end.counts[static_cast<size_t>(cycle * k + s)] = count;
    }
  }
  end.n_quality = profile->alphabet.front();
  uint64_t best = 0;
  for (const auto& [q, count] : n_qualities) {
    if (count > best) {
      best = count;
      end.n_quality = q;
    }
  }
  profile->meta.emplace_back("kind", "ART Illumina profile");
  profile->ends.push_back(std::move(end));
  return Status::Ok();
}

}  // namespace

}  // namespace readforge
