#!/usr/bin/env bash
# Neovim smoke test for the language server (see smoke.lua). Installs Debian's neovim if missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v nvim >/dev/null; then
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends neovim >/dev/null
fi
[ -f server/out/server.js ] || { echo "server/out/server.js missing: run npm run build" >&2; exit 1; }
echo "nvim: $(nvim --version | head -1)"
# timeout: a hung editor or server fails the test instead of hanging CI.
exec timeout --kill-after=10 180 nvim --headless -u NONE -i NONE -n -c 'luafile test/nvim/smoke.lua'
