// Throughput of reading, parsing and checking with the full built-in rule set.
//
//   build/bench/fzcheck_bench [target-MB] [repetitions]
//
// Two workloads, both made of the five sample reports in examples/reports/ repeated to about the
// target size (20 MB by default):
//   * batch: each copy is its own document (the way a folder of reports is checked);
//   * single: one document of the whole size (a stress case for everything that is per document).
// Times are wall-clock on one thread, best of the repetitions; MB are 2^20 bytes of UTF-8 input.
// A third measurement adds a pack with one pattern rule of 500 terms (generated, a few of which
// occur in the samples a few times each) to the built-in packs: what a large term list costs.
// A fourth checks the corpus (tests/corpus/**/*.txt, each file its own document, repeated to
// about the target size) and, in the same run, times a plain UTF-8 decoding pass over the same
// bytes: check() as a multiple of the cheapest thing that reads every character, a figure that
// means the same on a faster or slower machine.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "fzcheck/check.hpp"
#include "fzcheck/read.hpp"
#include "fzcheck/rules.hpp"

namespace {

using Clock = std::chrono::steady_clock;

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// A plain UTF-8 decoder: every code point of `text` (a malformed byte counts as one), summed so
// that the work cannot be optimised away.
std::uint64_t decode_pass(const std::string& text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::uint64_t sum = 0;
  std::size_t i = 0;
  while (i < n) {
    const unsigned b = p[i];
    char32_t c;
    std::size_t len;
    if (b < 0x80) {
      c = b;
      len = 1;
    } else if ((b & 0xE0) == 0xC0 && i + 1 < n) {
      c = ((b & 0x1F) << 6) | (p[i + 1] & 0x3F);
      len = 2;
    } else if ((b & 0xF0) == 0xE0 && i + 2 < n) {
      c = ((b & 0x0F) << 12) | ((p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
      len = 3;
    } else if ((b & 0xF8) == 0xF0 && i + 3 < n) {
      c = ((b & 0x07) << 18) | ((p[i + 1] & 0x3F) << 12) | ((p[i + 2] & 0x3F) << 6) |
          (p[i + 3] & 0x3F);
      len = 4;
    } else {
      c = 0xFFFD;
      len = 1;
    }
    sum += c;
    i += len;
  }
  return sum;
}

}  // namespace

int main(int argc, char** argv) {
  double target_mb = argc > 1 ? std::atof(argv[1]) : 20.0;
  int repetitions = argc > 2 ? std::atoi(argv[2]) : 3;
  const char* names[] = {"000_564c8ac60a8ddf78", "001_0a9e7cee78fe9105", "002_761e60630c4c52e8",
                         "003_2ea09a882f67caa3", "004_982b1b364f1fe93d"};
  std::vector<std::string> samples;
  for (const char* n : names)
    samples.push_back(read(std::string(FZCHECK_SOURCE_DIR) + "/examples/reports/" + n + ".txt"));

  auto start = Clock::now();
  const fzcheck::RuleSet& rules = fzcheck::RuleSet::builtin();
  double load_seconds = seconds_since(start);

  std::vector<std::string> batch;
  std::string single;
  std::size_t total = 0;
  const auto target = static_cast<std::size_t>(target_mb * (1 << 20));
  while (total < target) {
    for (const std::string& s : samples) {
      batch.push_back(s);
      single += s;
      single += '\n';
      total += s.size();
    }
  }
  const double mb = static_cast<double>(total) / (1 << 20);

  double best_batch_parse = 1e9, best_batch_check = 1e9, best_single_parse = 1e9,
         best_single_check = 1e9;
  std::size_t findings = 0;
  for (int r = 0; r < repetitions; ++r) {
    double parse = 0, check = 0;
    findings = 0;
    for (const std::string& text : batch) {
      auto t0 = Clock::now();
      auto doc = fzcheck::parse_text(text, "bench");
      parse += seconds_since(t0);
      auto t1 = Clock::now();
      findings += fzcheck::check(*doc, rules).findings.size();
      check += seconds_since(t1);
    }
    best_batch_parse = std::min(best_batch_parse, parse);
    best_batch_check = std::min(best_batch_check, check);

    auto t0 = Clock::now();
    auto doc = fzcheck::parse_text(single, "bench");
    best_single_parse = std::min(best_single_parse, seconds_since(t0));
    auto t1 = Clock::now();
    auto report = fzcheck::check(*doc, rules);
    best_single_check = std::min(best_single_check, seconds_since(t1));
  }
  // The same batch with 500 more terms: one pattern rule, matched in the same single pass.
  std::filesystem::path pack = std::filesystem::temp_directory_path() / "fzcheck-bench-terms";
  std::filesystem::create_directories(pack / "many-terms");
  std::ofstream(pack / "pack.yaml") << "id: bench-terms\ntitle: bench\n";
  {
    std::ofstream rule(pack / "many-terms" / "rule.yaml");
    rule << "id: many-terms\nkind: pattern\nseverity: info\nmessage: '{match}'\nsource: "
            "bench\nterms:\n";
    const char32_t first = 0x4E00;
    for (int i = 0; i < 495; ++i) {  // three pseudo-random CJK characters each
      std::string term;
      for (int k = 0; k < 3; ++k) {
        char32_t c = first + static_cast<char32_t>((i * 7919 + k * 104729) % 20000);
        term += static_cast<char>(0xE0 | (c >> 12));
        term += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        term += static_cast<char>(0x80 | (c & 0x3F));
      }
      rule << "  - '" << term << "'\n";
    }
    // A few that the samples contain, each a handful of times (法制副校长, 依法治校, 三项制度).
    for (const char* t : {"\xE6\xB3\x95\xE5\x88\xB6\xE5\x89\xAF\xE6\xA0\xA1\xE9\x95\xBF",
                          "\xE4\xBE\x9D\xE6\xB3\x95\xE6\xB2\xBB\xE6\xA0\xA1",
                          "\xE4\xB8\x89\xE9\xA1\xB9\xE5\x88\xB6\xE5\xBA\xA6"}) {
      rule << "  - '" << t << "'\n";
    }
  }
  auto extended = fzcheck::RuleSet::load({pack}, true);
  if (!extended) {
    std::printf("cannot load the term pack: %s\n", extended.error().to_string().c_str());
    return 1;
  }
  double best_terms_check = 1e9;
  for (int r = 0; r < repetitions; ++r) {
    double check = 0;
    for (const std::string& text : batch) {
      auto doc = fzcheck::parse_text(text, "bench");
      auto t1 = Clock::now();
      fzcheck::check(*doc, *extended);
      check += seconds_since(t1);
    }
    best_terms_check = std::min(best_terms_check, check);
  }
  std::filesystem::remove_all(pack);

  // The corpus, and a decoding pass over the same bytes, in turn in each repetition.
  std::vector<std::string> corpus_files;
  for (const auto& e : std::filesystem::recursive_directory_iterator(
           std::string(FZCHECK_SOURCE_DIR) + "/tests/corpus")) {
    if (e.is_regular_file() && e.path().extension() == ".txt")
      corpus_files.push_back(read(e.path().string()));
  }
  std::vector<std::string> corpus;
  std::size_t corpus_bytes = 0;
  while (!corpus_files.empty() && corpus_bytes < target) {
    for (const std::string& text : corpus_files) {
      corpus.push_back(text);
      corpus_bytes += text.size();
    }
  }
  const double corpus_mb = static_cast<double>(corpus_bytes) / (1 << 20);
  std::vector<std::unique_ptr<fzcheck::Document>> corpus_docs;
  for (const std::string& text : corpus) {
    auto doc = fzcheck::parse_text(text, "bench");
    corpus_docs.push_back(std::make_unique<fzcheck::Document>(std::move(*doc)));
  }
  double best_corpus_check = 1e9, best_decode = 1e9;
  std::uint64_t checksum = 0;
  for (int r = 0; r < repetitions; ++r) {
    auto t0 = Clock::now();
    for (const auto& doc : corpus_docs) fzcheck::check(*doc, rules);
    best_corpus_check = std::min(best_corpus_check, seconds_since(t0));
    auto t1 = Clock::now();
    for (const std::string& text : corpus) checksum += decode_pass(text);
    best_decode = std::min(best_decode, seconds_since(t1));
  }

  std::printf("rules: %zu loaded in %.1f ms\n", rules.rules().size(), load_seconds * 1000);
  std::printf("input: %.1f MB (%zu documents)\n", mb, batch.size());
  std::printf(
      "batch  parse %7.1f MB/s   check %7.1f MB/s   parse+check %7.1f MB/s   (%zu findings)\n",
      mb / best_batch_parse, mb / best_batch_check, mb / (best_batch_parse + best_batch_check),
      findings);
  std::printf("single parse %7.1f MB/s   check %7.1f MB/s   parse+check %7.1f MB/s\n",
              mb / best_single_parse, mb / best_single_check,
              mb / (best_single_parse + best_single_check));
  std::printf("batch  check with 500 more terms %6.1f MB/s\n", mb / best_terms_check);
  std::printf(
      "corpus check %7.1f MB/s   UTF-8 decoding pass %7.1f MB/s   check = %.0f decoding passes "
      "(%.1f MB, %zu documents, checksum %llu)\n",
      corpus_mb / best_corpus_check, corpus_mb / best_decode, best_corpus_check / best_decode,
      corpus_mb, corpus_docs.size(), static_cast<unsigned long long>(checksum % 1000));
  return 0;
}
