# The layers of src/, lowest first: a folder includes only folders before it (docs/design.md).
# capi/ is the C API over the public C++ one. The command-line tool (src/cli/) sits above them all
# and uses only the public headers.
set(FZCHECK_LAYERS base text yaml i18n match model readers facts checks rules engine report fix capi)
