// Many threads, one shared RuleSet: every thread reads every document itself and checks it with
// the built-in rule set (first used by all threads at once, so its lazy loading races too) and
// with a rule set loaded from rules/; each must give exactly the findings one thread gives. Run as
// the CTest thread-stress, and under ThreadSanitizer by scripts/tsan.sh (docs/robustness.md).
//   fzcheck_thread_stress SOURCE_DIR [THREADS] [ROUNDS]
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "fzcheck/check.hpp"
#include "fzcheck/read.hpp"
#include "fzcheck/rules.hpp"

namespace fs = std::filesystem;

namespace {

// The findings of one document, one line each.
std::string show(const fzcheck::Report& report) {
  std::string out = report.file + " " + report.type.id + "\n";
  for (const fzcheck::Finding& f : report.findings) {
    out += f.rule_id + " " + std::to_string(f.begin_offset) + "-" + std::to_string(f.end_offset) +
           " " + f.fingerprint + " " + f.message + "\n";
  }
  return out;
}

// Every document, checked with both rule sets: one string per document.
std::vector<std::string> check_all(const std::vector<fs::path>& files,
                                   const fzcheck::RuleSet& loaded, std::size_t start) {
  std::vector<std::string> out(files.size());
  for (std::size_t k = 0; k < files.size(); ++k) {
    const std::size_t i = (start + k) % files.size();  // threads start at different documents
    auto doc = fzcheck::read_document(files[i]);
    if (!doc) {
      out[i] = files[i].string() + ": " + doc.error().message + "\n";
      continue;
    }
    out[i] = show(fzcheck::check(*doc, fzcheck::RuleSet::builtin())) +
             show(fzcheck::check(*doc, loaded));
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: fzcheck_thread_stress SOURCE_DIR [THREADS] [ROUNDS]\n");
    return 2;
  }
  const fs::path source = argv[1];
  const int threads = argc > 2 ? std::atoi(argv[2]) : 8;
  const int rounds = argc > 3 ? std::atoi(argv[3]) : 2;
  std::vector<fs::path> files;
  for (const char* dir : {"examples/reports", "tests/corpus", "tests/fixtures/docx"}) {
    for (const auto& e : fs::recursive_directory_iterator(source / dir)) {
      const auto ext = e.path().extension();
      if (e.is_regular_file() && (ext == ".txt" || ext == ".docx")) files.push_back(e.path());
    }
  }
  std::sort(files.begin(), files.end());
  auto loaded = fzcheck::RuleSet::load({source / "rules"});
  if (!loaded || files.empty()) {
    std::fprintf(stderr, "thread stress: cannot load rules/ or find documents\n");
    return 2;
  }

  std::atomic<bool> go{false};
  std::vector<std::vector<std::string>> results(static_cast<std::size_t>(threads));
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      while (!go.load()) std::this_thread::yield();
      for (int r = 0; r < rounds; ++r)
        results[static_cast<std::size_t>(t)] =
            check_all(files, *loaded, static_cast<std::size_t>(t * 7 + r));
    });
  }
  go = true;
  for (auto& th : pool) th.join();

  const std::vector<std::string> expected = check_all(files, *loaded, 0);
  std::size_t findings = 0;
  for (const std::string& s : expected)
    findings += static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n'));
  int differing = 0;
  for (int t = 0; t < threads; ++t) {
    if (results[static_cast<std::size_t>(t)] != expected) {
      ++differing;
      std::fprintf(stderr, "thread %d: findings differ from one thread's\n", t);
    }
  }
  std::printf("thread stress: %d threads x %d rounds x %zu documents (%zu lines of findings): %s\n",
              threads, rounds, files.size(), findings,
              differing == 0 ? "same findings as one thread" : "DIFFERENT");
  return differing == 0 ? 0 : 1;
}
