#!/usr/bin/env bash
# Installs the pinned Hyperledger Fabric binaries (peer, orderer, configtxgen, cryptogen, osnadmin) and the
# chaincode-as-a-service builder with `go install` into the project-local .tools/fabric. Idempotent: does nothing
# when the pinned binaries are already there.
#
#   network/install.sh            install (or verify) the pinned release
#   FABRIC_RELEASE=v2.5.16 network/install.sh   the fallback release
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Fabric's go.mod has no /v3 suffix, so Go refuses `@v3.1.5`; the release is pinned by its commit.
declare -A COMMITS=([v3.1.5]=86c1172bec37 [v2.5.16]=f871cf92a026)
release="${FABRIC_RELEASE:-v3.1.5}"
commit="${COMMITS[$release]:-}"
[ -n "$commit" ] || { echo "install.sh: unknown FABRIC_RELEASE '$release' (known: ${!COMMITS[*]})" >&2; exit 2; }

bin="$root/.tools/fabric/$release/bin"
stamp="$bin/.installed-$commit"
tools=(peer orderer configtxgen cryptogen osnadmin)
if [ -f "$stamp" ]; then
  echo "Fabric $release ($commit) already installed in $bin"
  exit 0
fi
command -v go >/dev/null || { echo "install.sh: Go is required (go install builds Fabric from source)" >&2; exit 2; }

mkdir -p "$bin"
echo "Building Fabric $release ($commit) into $bin — the first build takes several minutes..."
pkgs=()
for t in "${tools[@]}"; do pkgs+=("github.com/hyperledger/fabric/cmd/$t@$commit"); done
for t in build detect release; do pkgs+=("github.com/hyperledger/fabric/ccaas_builder/cmd/$t@$commit"); done

log="$(mktemp)"
for p in "${pkgs[@]}"; do
  name="${p%@*}"; name="${name##*/}"
  case "$p" in */ccaas_builder/*) dest="$root/.tools/fabric/$release/ccaas/bin" ;; *) dest="$bin" ;; esac
  mkdir -p "$dest"
  echo "  go install $p"
  if ! GOBIN="$dest" GOFLAGS=-mod=mod go install "$p" >"$log" 2>&1; then
    echo "install.sh: cannot build $p" >&2
    if grep -q "not available\|403" "$log"; then
      echo "install.sh: the Go module proxy refuses module github.com/hyperledger/fabric at commit $commit" \
           "(Fabric $release); its dependencies resolve, the module itself does not." >&2
      [ "$release" = v3.1.5 ] && echo "install.sh: try the fallback: FABRIC_RELEASE=v2.5.16 $0" >&2
    fi
    sed 's/^/    /' "$log" >&2
    rm -f "$log"
    exit 1
  fi
done
rm -f "$log"
# Fabric's default node configuration (core.yaml, orderer.yaml), which network/fabric.sh starts from.
src="$(GOFLAGS=-mod=mod go mod download -json "github.com/hyperledger/fabric@$commit" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')"
mkdir -p "$root/.tools/fabric/$release/config"
cp "$src"/sampleconfig/core.yaml "$src"/sampleconfig/orderer.yaml "$root/.tools/fabric/$release/config/"
touch "$stamp"
echo "Fabric $release installed: $(ls "$bin" | tr '\n' ' ')"
