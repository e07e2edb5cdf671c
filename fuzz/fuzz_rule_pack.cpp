// The YAML rule loader on a pack: the input is cut at each line "--- FILE" into pack.yaml (the
// part before the first such line) and the files named (such as "a/rule.yaml"), written to a
// fresh folder and loaded with the built-in packs it extends (`extends`, `overrides`): loading all
// of them for every input ran 5 inputs a second.
#include <string>

#include "common.hpp"
#include "fzcheck/rules.hpp"

namespace {

bool safe_name(const std::string& name) {
  if (name.empty() || name.size() > 40 || name.front() == '/') return false;
  if (name.find("..") != std::string::npos) return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '/' || c == '.' ||
          c == '_'))
      return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace fs = std::filesystem;
  static int counter = 0;
  const fs::path dir = fzcheck::fuzz::scratch() / ("pack" + std::to_string(counter++ % 2));
  std::error_code ec;
  fs::remove_all(dir, ec);
  fs::create_directories(dir);
  std::string_view in = fzcheck::fuzz::bytes(data, size);
  std::string name = "pack.yaml";
  std::size_t files = 0;
  while (true) {
    std::size_t cut = in.find("\n--- ");
    std::string_view part = in.substr(0, cut);
    if (safe_name(name) && files < 16) {
      fzcheck::fuzz::write_file(dir / name, part);
      ++files;
    }
    if (cut == std::string_view::npos) break;
    in.remove_prefix(cut + 5);
    std::size_t eol = in.find('\n');
    name = std::string(in.substr(0, eol));
    in.remove_prefix(eol == std::string_view::npos ? in.size() : eol + 1);
  }
  auto rules = fzcheck::RuleSet::load_with_extended_builtins(dir);
  if (!rules) {
    for (const auto& e : rules.errors()) FUZZ_ASSERT(!e.message.empty());
  }
  return 0;
}
