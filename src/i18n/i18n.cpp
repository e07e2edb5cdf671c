#include "fzcheck/i18n.hpp"

#include <map>

#include "i18n/catalogue_files.hpp"
#include "i18n/message.hpp"
#include "yaml/yaml_tree.hpp"

namespace fzcheck {

namespace {

using Catalogue = std::map<std::string, std::string, std::less<>>;

const std::map<std::string, Catalogue, std::less<>>& catalogues() {
  static const auto all = [] {
    std::map<std::string, Catalogue, std::less<>> out;
    // From the trees compiled at build time (tools/compile_yaml.cpp): no YAML is parsed here.
    for (std::size_t i = 0; i < detail::kUiTreesCount; ++i) {
      const detail::EmbeddedFile& f = detail::kUiTrees[i];
      std::string name = f.path;
      std::string language = name.substr(0, name.rfind('.'));
      detail::YamlNode root;
      if (!detail::deserialize(std::string_view(reinterpret_cast<const char*>(f.data), f.size),
                               root)) {
        continue;  // not in this build: a test fails
      }
      Catalogue& words = out[language];
      for (std::size_t k = 0; k + 1 < root.children.size(); k += 2)
        words[root.children[k].scalar] = root.children[k + 1].scalar;
    }
    return out;
  }();
  return all;
}

// The template of `key` in `language`, else in zh-CN; nullptr when neither has it.
const std::string* find_text(std::string_view language, std::string_view key) {
  const auto& all = catalogues();
  for (std::string_view lang : {language, std::string_view("zh-CN")}) {
    auto c = all.find(lang);
    if (c == all.end()) continue;
    auto w = c->second.find(key);
    if (w != c->second.end()) return &w->second;
  }
  return nullptr;
}

}  // namespace

bool ui_language_known(std::string_view language) {
  return catalogues().count(language) > 0;
}

std::vector<std::string> ui_languages() {
  std::vector<std::string> out;
  for (const auto& [language, words] : catalogues()) out.push_back(language);
  return out;
}

std::string ui_text(std::string_view language, std::string_view key, const MessageValues& values) {
  const std::string* text = find_text(language, key);
  return text ? detail::MessageTemplate(*text).format(values) : std::string(key);
}

Error ui_error(ErrorCode code, std::string key, MessageValues args, std::string file,
               Position pos) {
  std::string message = ui_text("en", key, args);
  return Error{code, std::move(message), std::move(file), pos, std::move(key), std::move(args)};
}

std::string error_message(const Error& error, std::string_view language) {
  const std::string* text = error.key.empty() ? nullptr : find_text(language, error.key);
  return text ? detail::MessageTemplate(*text).format(error.args) : error.message;
}

std::string error_text(const Error& error, std::string_view language) {
  return Error{error.code, error_message(error, language), error.file, error.pos}.to_string();
}

}  // namespace fzcheck
