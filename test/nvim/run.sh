#!/usr/bin/env bash
# Neovim smoke test for the language server (see smoke.lua). Installs Debian's neovim if missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash scripts/e2e/apt-install.sh neovim
[ -f server/out/server.js ] || { echo "server/out/server.js missing: run npm run build" >&2; exit 1; }
echo "nvim: $(nvim --version | head -1)"
# timeout: a hung editor or server fails the test instead of hanging CI.
exec timeout --kill-after=10 180 nvim --headless -u NONE -i NONE -n -c 'luafile test/nvim/smoke.lua'
