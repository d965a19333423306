#!/usr/bin/env bash
# Installs a real VS Code for the end-to-end tests: code-server (VS Code's own server + web workbench, from the
# npm registry) into a cache OUTSIDE the clone keyed on its version, plus Debian's Chromium and CJK fonts.
# VS Code desktop cannot be downloaded here (only npm and Debian are reachable), so this is the real thing we can run.
# Steps that would download binaries (ripgrep, argon2 prebuilt, node-pty prebuilt) are skipped and redone from
# source / Debian. Idempotent: a finished install is marked with .ready and reused. Prints the install dir last.
set -euo pipefail

# 4.100.x (VS Code 1.100) is the last code-server line whose install accepts Node 20; keep in step with engines.vscode.
CS_VERSION=${CS_VERSION:-4.100.3}
CS_DIR=${CS_DIR:-${XXGK_E2E_CACHE:-$HOME/.cache/xxgk-e2e}/code-server-$CS_VERSION}
log() { echo "[setup-code-server] $*" >&2; }

# Debian packages: native-module build deps for code-server, ripgrep (VS Code's search), the browser and CJK fonts
# (without fonts-noto-cjk every Chinese character in a screenshot is an empty box).
bash "$(dirname "$0")/apt-install.sh" libkrb5-dev libxkbfile-dev libsecret-1-dev libx11-dev pkg-config ripgrep chromium fonts-noto-cjk

if [ -f "$CS_DIR/.ready" ] && [ -x "$CS_DIR/node_modules/.bin/code-server" ]; then
  log "code-server $CS_VERSION ready (cached) in $CS_DIR"; echo "$CS_DIR"; exit 0
fi

log "installing code-server $CS_VERSION into $CS_DIR (first run only, a few minutes)"
rm -rf "$CS_DIR.partial" && mkdir -p "$CS_DIR.partial" && cd "$CS_DIR.partial"
# The compilers' chatter goes to a log, shown only when a step fails.
LOG="$CS_DIR.partial/setup.log"
trap 'rc=$?; if [ $rc -ne 0 ]; then log "failed (exit $rc); last lines of $LOG:"; tail -40 "$LOG" >&2; fi' EXIT
exec 3>&2 2>>"$LOG"
log() { echo "[setup-code-server] $*" >&3; }
echo '{"name":"xxgk-e2e-code-server","private":true}' > package.json
# --ignore-scripts: code-server's postinstall refuses to run as root and downloads ripgrep; redone by hand below.
npm install --no-audit --no-fund --ignore-scripts --loglevel=error "code-server@$CS_VERSION" >&2

# argon2 (password auth; loaded at startup even with --auth none): build its binding from source.
(cd node_modules/argon2 && npm_config_nodedir=/usr ../.bin/node-pre-gyp install --build-from-source --nodedir=/usr >&2)

cd node_modules/code-server/lib/vscode
npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error >&2
mkdir -p node_modules/@vscode/ripgrep/bin && cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
for m in kerberos node-pty @vscode/spdlog native-watchdog @parcel/watcher @vscode/deviceid; do
  if [ -d "node_modules/$m" ]; then
    log "node-gyp rebuild $m"
    (cd "node_modules/$m" && npx --yes node-gyp rebuild >&2) || log "warn: $m did not build (see $CS_DIR/setup.log)"
  fi
done
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
(cd extensions && npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error >&2)

cd /
exec 2>&3
touch "$CS_DIR.partial/.ready"
rm -rf "$CS_DIR" && mv "$CS_DIR.partial" "$CS_DIR"
log "code-server $CS_VERSION ready in $CS_DIR"
echo "$CS_DIR"
