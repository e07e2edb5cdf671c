// Baselines (docs/baseline.md): the findings of a run as a JSON file, read back and matched with
// the reports of a later run by fingerprint.
#include "fzcheck/baseline.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <tuple>
#include <utility>

#include <nlohmann/json.hpp>

#include "fzcheck/i18n.hpp"
#include "readers/file.hpp"
#include "text/utf8.hpp"

#ifndef FZCHECK_VERSION
#error "FZCHECK_VERSION must be defined for the library (CMakeLists.txt)"
#endif

namespace fzcheck {

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

constexpr int kBaselineFormat = 1;  // the value of "fzcheck_baseline"

BaselineFinding to_entry(const Finding& f) {
  return {f.fingerprint, f.rule_id, f.begin.line, f.excerpt};
}

// The components of a path, "." and ".." removed where they can be, without its root.
std::vector<std::string> components(std::string_view file) {
  std::vector<std::string> out;
  const fs::path normal = fs::path(std::string(file)).lexically_normal();
  for (const fs::path& part : normal.relative_path()) {
    std::string s = part.generic_string();
    if (!s.empty() && s != ".") out.push_back(std::move(s));
  }
  return out;
}

// 1-based line and code-point column of byte `offset` of `text`.
Position position_of(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  Position pos{1, 1};
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++pos.line;
      line_start = i + 1;
    }
  }
  std::string_view line = text.substr(line_start, offset - line_start);
  for (std::size_t i = 0; i < line.size(); ++pos.column) utf8::next(line, i);
  return pos;
}

// nlohmann's "[json.exception.parse_error.101] parse error at line 1, column 2: reason; last
// read: '…'" without its prefix and position (which count bytes; the error's position counts code
// points) nor what it read last (which may end inside a character).
std::string parse_reason(const std::string& what) {
  std::string reason = what;
  if (auto bracket = reason.find("] ");
      reason.starts_with("[json.exception.") && bracket != std::string::npos)
    reason = reason.substr(bracket + 2);
  if (auto colon = reason.find(": ");
      reason.starts_with("parse error") && colon != std::string::npos)
    reason = reason.substr(colon + 2);
  if (auto last = reason.find("; last read:"); last != std::string::npos) reason.resize(last);
  return reason;
}

// Where a baseline is not what it should be: the key of the message, the JSON pointer.
struct Malformed {
  std::string key;
  std::string pointer;
};

const Json& field(const Json& object, const std::string& name, const std::string& pointer,
                  bool (Json::*is_kind)() const noexcept, const char* key) {
  auto it = object.find(name);
  if (it == object.end() || !((*it).*is_kind)()) throw Malformed{key, pointer + "/" + name};
  return *it;
}

Baseline from_json(const Json& j) {
  if (!j.is_object() || !j.contains("fzcheck_baseline"))
    throw Malformed{"error_baseline_not_baseline", ""};
  Baseline baseline;
  const Json& files = field(j, "files", "", &Json::is_array, "error_baseline_want_array");
  for (std::size_t i = 0; i < files.size(); ++i) {
    const std::string at = "/files/" + std::to_string(i);
    if (!files[i].is_object()) throw Malformed{"error_baseline_want_object", at};
    BaselineFile file;
    file.file = field(files[i], "file", at, &Json::is_string, "error_baseline_want_string");
    const Json& findings =
        field(files[i], "findings", at, &Json::is_array, "error_baseline_want_array");
    for (std::size_t k = 0; k < findings.size(); ++k) {
      const std::string fat = at + "/findings/" + std::to_string(k);
      const Json& f = findings[k];
      if (!f.is_object()) throw Malformed{"error_baseline_want_object", fat};
      BaselineFinding entry;
      entry.fingerprint =
          field(f, "fingerprint", fat, &Json::is_string, "error_baseline_want_string");
      // For people only: read when they are there and of the right type.
      if (auto it = f.find("rule"); it != f.end() && it->is_string()) entry.rule_id = *it;
      if (auto it = f.find("line"); it != f.end() && it->is_number_unsigned())
        entry.line = it->get<std::uint32_t>();
      if (auto it = f.find("excerpt"); it != f.end() && it->is_string()) entry.excerpt = *it;
      file.findings.push_back(std::move(entry));
    }
    baseline.files.push_back(std::move(file));
  }
  return baseline;
}

}  // namespace

BaselineFile to_baseline(const Report& report) {
  BaselineFile out;
  out.file = report.file;
  static const std::vector<Finding> kNone;
  const std::vector<Finding>& known = report.baseline ? report.baseline->known : kNone;
  // Both lists are in the order check() sorts findings in.
  std::vector<const Finding*> all;
  for (const Finding& f : report.findings) all.push_back(&f);
  for (const Finding& f : known) all.push_back(&f);
  std::stable_sort(all.begin(), all.end(), [](const Finding* a, const Finding* b) {
    return std::tie(a->begin, a->rule_id, a->end) < std::tie(b->begin, b->rule_id, b->end);
  });
  for (const Finding* f : all) out.findings.push_back(to_entry(*f));
  return out;
}

void Baseline::add(BaselineFile file) {
  auto same = std::find_if(files.begin(), files.end(),
                           [&](const BaselineFile& f) { return f.file == file.file; });
  if (same != files.end()) {
    *same = std::move(file);
  } else {
    files.push_back(std::move(file));
  }
}

const BaselineFile* Baseline::find(std::string_view file, bool only_file) const {
  const std::vector<std::string> wanted = components(file);
  const BaselineFile* best = nullptr;
  std::size_t best_tail = 0;
  bool tie = false;
  for (const BaselineFile& entry : files) {
    if (entry.file == file) return &entry;
    const std::vector<std::string> have = components(entry.file);
    if (have == wanted &&
        fs::path(std::string(file)).is_absolute() == fs::path(entry.file).is_absolute())
      return &entry;
    std::size_t tail = 0;
    while (tail < have.size() && tail < wanted.size() &&
           have[have.size() - 1 - tail] == wanted[wanted.size() - 1 - tail])
      ++tail;
    if (tail == 0 || tail < best_tail) continue;
    tie = tail == best_tail;
    best = &entry;
    best_tail = tail;
  }
  if (best && !tie) return best;
  if (only_file && files.size() == 1) return &files.front();
  return nullptr;
}

void write_baseline(std::ostream& out, const Baseline& baseline) {
  // Pretty-printed but a finding a line, so that a person can read it and diff two of them.
  auto text = [](const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); };
  out << "{\n  \"fzcheck_baseline\": " << kBaselineFormat
      << ",\n  \"fingerprint_version\": " << kFingerprintVersion
      << ",\n  \"written_by\": " << text(std::string("fzcheck ") + FZCHECK_VERSION)
      << ",\n  \"files\": [";
  for (std::size_t i = 0; i < baseline.files.size(); ++i) {
    const BaselineFile& file = baseline.files[i];
    out << (i ? ",\n" : "\n") << "    {\n      \"file\": " << text(file.file)
        << ",\n      \"findings\": [";
    for (std::size_t k = 0; k < file.findings.size(); ++k) {
      const BaselineFinding& f = file.findings[k];
      Json entry = {{"fingerprint", f.fingerprint},
                    {"rule", f.rule_id},
                    {"line", f.line},
                    {"excerpt", f.excerpt}};
      out << (k ? ",\n" : "\n") << "        " << text(entry);
    }
    out << (file.findings.empty() ? "]" : "\n      ]") << "\n    }";
  }
  out << (baseline.files.empty() ? "]" : "\n  ]") << "\n}\n";
}

Result<Baseline> parse_baseline(std::string_view text, const std::string& name) {
  Json j;
  try {
    j = Json::parse(text.begin(), text.end());
  } catch (const Json::parse_error& e) {
    // e.byte is 1-based: the byte at which the parser gave up.
    const std::size_t offset = e.byte > 0 ? e.byte - 1 : 0;
    return ui_error(ErrorCode::corrupt, "error_baseline_json", {{"reason", parse_reason(e.what())}},
                    name, position_of(text, offset));
  }
  try {
    if (j.is_object() && j.contains("fzcheck_baseline")) {
      const Json& format = j["fzcheck_baseline"];
      if (!format.is_number_integer() || format.get<int>() != kBaselineFormat)
        return ui_error(ErrorCode::corrupt, "error_baseline_format", {{"found", format.dump()}},
                        name);
      const Json* version = j.contains("fingerprint_version") ? &j["fingerprint_version"] : nullptr;
      if (!version || !version->is_number_integer() || version->get<int>() != kFingerprintVersion) {
        return ui_error(ErrorCode::corrupt, "error_baseline_fingerprints",
                        {{"found", version ? version->dump() : "null"},
                         {"expected", std::to_string(kFingerprintVersion)}},
                        name);
      }
    }
    return from_json(j);
  } catch (const Malformed& m) {
    return ui_error(ErrorCode::corrupt, m.key, {{"pointer", m.pointer}}, name);
  }
}

Result<Baseline> read_baseline(const fs::path& path) {
  // A regular file of at most 64 MiB (a baseline of thousands of reports is a few MB): a FIFO or
  // a device is refused without being read.
  constexpr std::uint64_t kMaxBaselineBytes = 64ull << 20;
  auto bytes = detail::read_regular_file(path, kMaxBaselineBytes);
  if (!bytes) {
    if (bytes.error().code == ErrorCode::not_found)
      return ui_error(ErrorCode::not_found, "error_baseline_not_found", {}, path.string());
    return bytes.errors();
  }
  return parse_baseline(*bytes, path.string());
}

void apply_baseline(Report& report, const BaselineFile* entry) {
  BaselineMatch match;
  if (entry) {
    match.file = entry->file;
    std::set<std::string_view> known;
    for (const BaselineFinding& f : entry->findings) known.insert(f.fingerprint);
    std::vector<Finding> fresh;
    for (Finding& f : report.findings) {
      (known.count(f.fingerprint) ? match.known : fresh).push_back(std::move(f));
    }
    report.findings = std::move(fresh);
  }
  if (report.baseline) {  // applied twice: the first one's known findings stay known
    std::vector<Finding> known = std::move(report.baseline->known);
    known.insert(known.end(), std::make_move_iterator(match.known.begin()),
                 std::make_move_iterator(match.known.end()));
    match.known = std::move(known);
  }
  report.baseline = std::move(match);
}

}  // namespace fzcheck
