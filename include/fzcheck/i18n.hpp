// The words of the user interface (severity labels, summaries, messages of the command-line
// tool, errors about documents that cannot be read) in each language fzcheck speaks. The
// catalogues are i18n/*.yaml, compiled in; rule messages are in their pack's own language.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "fzcheck/api.hpp"
#include "fzcheck/error.hpp"

namespace FZCHECK_API fzcheck {

// The text of `key` in `language` ("zh-CN", "en"), with {placeholders} filled in from `values`.
// Falls back to zh-CN, then to the key itself.
std::string ui_text(std::string_view language, std::string_view key,
                    const MessageValues& values = {});

// Whether a catalogue exists for `language`.
bool ui_language_known(std::string_view language);

// Every language with a catalogue, sorted ("en", "zh-CN").
std::vector<std::string> ui_languages();

// An error whose message is the text of `key` in the catalogues: `message` in English, `key` and
// `args` kept so that error_text() can say it in another language.
Error ui_error(ErrorCode code, std::string key, MessageValues args, std::string file,
               Position pos = {});

// The message of `error` in `language`: the text of its key when the catalogue has it, else the
// English `message`.
std::string error_message(const Error& error, std::string_view language);

// "file:line:column: message", as Error::to_string(), with the message in `language`.
std::string error_text(const Error& error, std::string_view language);

}  // namespace fzcheck
