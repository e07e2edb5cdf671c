// Words of the user interface, from the catalogues in i18n/ (compiled in). Reporters and the
// command-line tool never spell interface words in a particular language themselves.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fzcheck::detail {

// The text of `key` in `language` ("zh-CN", "en"), with {placeholders} filled in. Falls back to
// zh-CN, then to the key itself.
std::string ui_text(std::string_view language, std::string_view key,
                    const std::vector<std::pair<std::string, std::string>>& values = {});

// Whether a catalogue exists for `language`.
bool ui_language_known(std::string_view language);

}  // namespace fzcheck::detail
