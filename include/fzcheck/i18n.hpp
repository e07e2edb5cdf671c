// The words of the user interface (severity labels, summaries, messages of the command-line
// tool) in each language fzcheck speaks. The catalogues are i18n/*.yaml, compiled in; rule
// messages are in their pack's own language.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fzcheck/api.hpp"

namespace FZCHECK_API fzcheck {

// The text of `key` in `language` ("zh-CN", "en"), with {placeholders} filled in from `values`.
// Falls back to zh-CN, then to the key itself.
std::string ui_text(std::string_view language, std::string_view key,
                    const std::vector<std::pair<std::string, std::string>>& values = {});

// Whether a catalogue exists for `language`.
bool ui_language_known(std::string_view language);

// Every language with a catalogue, sorted ("en", "zh-CN").
std::vector<std::string> ui_languages();

}  // namespace fzcheck
