#!/usr/bin/env bash
# Installs code-server (a real VS Code in the browser) into ~/.cache/handreiking/code-server for the end-to-end
# test, following the machine notes: libkrb5-dev for its kerberos module, Chromium to drive it,
# Node 24 inside the folder (code-server 4.139 refuses older Node), then code-server from npm.
# Idempotent: does nothing when a working install is there; removes a half-finished one first.
# Never touches the project's own dependencies. Usage: scripts/e2e/install-code-server.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

# Run from `npm test`, this script inherits npm's environment (NODE, npm_node_execpath, npm_config_*)
# naming the Node that runs npm (20 here); code-server's install scripts would then refuse to run.
for variable in $(compgen -e | grep -E '^(npm_|NODE$)'); do unset "$variable"; done

VERSION="${CODE_SERVER_VERSION:-4.139.1}"
NODE_VERSION="${CODE_SERVER_NODE_VERSION:-24}"
# Outside the project, in the user's cache folder: every clone on this machine (CI's fresh clones
# too) shares one install instead of spending ~5 minutes and 800 MB on its own. The test's user
# data and extensions go into temporary folders, so clones never share state through it.
DIR="${CODE_SERVER_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/handreiking/code-server}"
BIN="$DIR/node_modules/.bin/code-server"
STAMP="$DIR/.installed"

# code-server's version line ("4.139.1 <commit> with Code 1.139.1"). Its config and logs go into
# the cache folder: by default even `--version` writes ~/.config/code-server/config.yaml.
reported_version() {
    XDG_CONFIG_HOME="$DIR/home/config" XDG_DATA_HOME="$DIR/home/data" PATH="$DIR/node_modules/.bin:$PATH" \
        "$BIN" --version 2>/dev/null | grep -E '^[0-9]+\.[0-9]+\.[0-9]+ ' | head -n 1
}

works() {
    [[ -f "$STAMP" && "$(cat "$STAMP")" == "$VERSION" && -x "$BIN" ]] || return 1
    [[ "$(reported_version)" == "$VERSION "* ]]
}

# One install at a time (two test runs starting together would otherwise both install).
mkdir -p "$(dirname "$DIR")"
exec 9>"$DIR.lock"
flock 9

if works; then
    echo "code-server $VERSION is already installed in $DIR"
    exit 0
fi

missing=()
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
if ((${#missing[@]} > 0)); then
    echo "== apt-get install ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# A failed install leaves broken pieces (e.g. a non-executable cross-env): start from nothing.
if [[ -e "$DIR" ]]; then
    echo "== removing the unfinished install in $DIR"
    # An interrupted npm may still be finishing a child process for a moment: try again once.
    rm -rf "$DIR" 2>/dev/null || { sleep 3; rm -rf "$DIR"; }
fi

started=$SECONDS
echo "== node@$NODE_VERSION and code-server@$VERSION into $DIR (several minutes)"
mkdir -p "$DIR"
cd "$DIR"
# Not `npm init -y`: that would name the folder's package "code-server", like the one installed.
echo '{ "name": "handreiking-e2e-code-server", "private": true }' >package.json
npm install --no-audit --no-fund --loglevel=error --save-exact "node@$NODE_VERSION"
PATH="$DIR/node_modules/.bin:$PATH" npm install --no-audit --no-fund --loglevel=error --save-exact "code-server@$VERSION"

reported="$(reported_version)"
if [[ "$reported" != "$VERSION "* ]]; then
    echo "code-server reports '$reported', expected $VERSION" >&2
    exit 1
fi
echo "$VERSION" >"$STAMP"
echo "code-server $reported installed in $((SECONDS - started)) s"
