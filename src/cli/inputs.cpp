// The files a command works on: the arguments as given, with folders walked for the files fzcheck
// can read and "-" for standard input.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <set>

#include "cli.hpp"

namespace fzcheck::cli {

namespace {

namespace fs = std::filesystem;

bool hidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return name.size() > 1 && name.front() == '.';
}

// Whether a folder's file with this extension (".docx", lower case) is checked.
bool readable_extension(const std::string& extension, bool convert) {
  static const std::set<std::string> kRead = {".txt", ".text", ".docx", ".html", ".htm"};
  static const std::set<std::string> kConverted = {".doc", ".wps", ".rtf", ".odt"};
  return kRead.count(extension) || (convert && kConverted.count(extension));
}

}  // namespace

std::string lower_extension(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

Inputs expand_inputs(const std::vector<std::string>& args, bool convert) {
  Inputs inputs;
  auto add = [&](std::string file) { inputs.files.push_back(std::move(file)); };
  for (const std::string& arg : args) {
    std::error_code ec;
    if (arg == "-" || !fs::is_directory(arg, ec)) {
      add(arg);  // a file, standard input, or a path whose error the reader reports
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(arg, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
      add(arg);  // unreadable folder: reported as an unreadable input
      continue;
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) break;
      const fs::path& path = it->path();
      if (hidden(path)) {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        ++inputs.hidden;
        continue;
      }
      if (!it->is_regular_file(ec)) continue;
      std::string ext = lower_extension(path);
      if (readable_extension(ext, convert)) {
        found.push_back(path.string());
      } else {
        ++inputs.skipped[ext.empty() ? std::string("-") : ext];
      }
    }
    std::sort(found.begin(), found.end());
    for (std::string& f : found) add(std::move(f));
  }
  return inputs;
}

void print_skipped(const Inputs& inputs) {
  std::size_t count = inputs.hidden;
  std::string kinds;
  const std::string separator = tr("list_separator");
  for (const auto& [kind, n] : inputs.skipped) {
    count += n;
    kinds += (kinds.empty() ? "" : separator) +
             tr("skipped_kind", {{"kind", kind}, {"count", std::to_string(n)}});
  }
  if (inputs.hidden) {
    kinds += (kinds.empty() ? "" : separator) +
             tr("skipped_hidden", {{"count", std::to_string(inputs.hidden)}});
  }
  if (count == 0) return;
  std::cerr << "fzcheck: " << tr("skipped", {{"count", std::to_string(count)}, {"kinds", kinds}})
            << '\n';
}

Result<std::string> read_stdin(std::uint64_t max_bytes) {
  std::string bytes;
  char buffer[1 << 16];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, stdin)) {
    bytes.append(buffer, n);
    if (bytes.size() > max_bytes) {
      return ui_error(ErrorCode::too_large, "cli_stdin_too_large",
                      {{"limit", std::to_string(max_bytes)}}, "-");
    }
  }
  if (std::ferror(stdin)) return ui_error(ErrorCode::io, "cli_cannot_read_stdin", {}, "-");
  return bytes;
}

Result<std::string> read_accepted_file(const std::string& file, const ReadOptions& options) {
  return read_file(file, options.max_file_bytes);
}

}  // namespace fzcheck::cli
