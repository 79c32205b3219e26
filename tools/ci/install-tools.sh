#!/usr/bin/env bash
# Installs the external tools validate cross-checks against, at pinned versions (the one place
# they are pinned), built from the Go module proxy with the Go toolchain:
#   kubeconform  `go install ...@version`
#   flux         built from the flux2 module source in a temporary directory (see below)
# into $GITOPS_TOOLS_DIR (default: <repo>/.tools, git-ignored): kubeconform in bin/ (for PATH),
# flux in flux/, off PATH, named by GITOPS_FLUX (validate's CLI prints a hint on stderr whenever a
# flux is on PATH, which its tests do not expect). A tool already there at its pinned version is
# not rebuilt, so a warm run costs nothing and needs no Go at all.
# Prints `export PATH=... GITOPS_FLUX=...` for `eval`; on GitHub Actions also writes them to
# $GITHUB_PATH/$GITHUB_ENV. Needs `go` on PATH or /usr/local/go/bin/go only to build something.
set -euo pipefail

KUBECONFORM_VERSION=v0.7.0
FLUX_VERSION=v2.9.5

root=$(cd "$(dirname "$0")/../.." && pwd)
tools=${GITOPS_TOOLS_DIR:-$root/.tools}
bin=$tools/bin
flux_bin=$tools/flux
mkdir -p "$bin" "$flux_bin"
log() { echo "install-tools: $*" >&2; }

go_cmd() {
  if command -v go >/dev/null 2>&1; then go "$@"
  elif [ -x /usr/local/go/bin/go ]; then /usr/local/go/bin/go "$@"
  else log "no Go toolchain (go on PATH or /usr/local/go/bin/go) to build $tool"; exit 1
  fi
}

# The version the binary reports; both are built with it stamped in (-X ...), go install alone
# leaves kubeconform saying "development" and flux "0.0.0-dev.0".
installed() { [ -x "$1" ] && [ "$("$1" "$2" 2>/dev/null)" = "$3" ]; }

tool=kubeconform
if installed "$bin/kubeconform" -v "$KUBECONFORM_VERSION"; then
  log "kubeconform $KUBECONFORM_VERSION already in $bin"
else
  log "installing kubeconform $KUBECONFORM_VERSION"
  GOBIN=$bin CGO_ENABLED=0 go_cmd install -trimpath -ldflags "-s -w -X main.version=$KUBECONFORM_VERSION" \
    "github.com/yannh/kubeconform/cmd/kubeconform@$KUBECONFORM_VERSION"
fi

# flux cannot be `go install`ed from the proxy: the flux2 module's go.mod has a replace directive
# (gopkg.in/yaml.v3), which `go install pkg@version` refuses, and cmd/flux embeds
# manifests/*.yaml (//go:embed), which `make build` generates (manifests/scripts/bundle.sh, from
# the controllers' GitHub releases) and the module zip does not contain. So: the module source
# from the proxy (`go mod download`), copied to a temporary directory (never into this repo),
# with one placeholder for the embedded install manifests, built with its own go.mod/go.sum.
# `flux build`/`flux diff` never read those manifests; `flux install`/`bootstrap` of this binary
# would not work, and validate does not use them.
tool=flux
if installed "$flux_bin/flux" --version "flux version ${FLUX_VERSION#v}"; then
  log "flux $FLUX_VERSION already in $flux_bin"
else
  log "building flux $FLUX_VERSION from the flux2 module source"
  module_dir=$(cd "${TMPDIR:-/tmp}" && go_cmd mod download -json "github.com/fluxcd/flux2/v2@$FLUX_VERSION" |
    sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  [ -d "$module_dir" ] || { log "go mod download gave no module directory for flux2 $FLUX_VERSION"; exit 1; }
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  cp -R "$module_dir/." "$work/"
  chmod -R u+w "$work"
  mkdir -p "$work/cmd/flux/manifests"
  echo '# placeholder: the install manifests are not part of the flux2 module (tools/ci/install-tools.sh)' >"$work/cmd/flux/manifests/placeholder.yaml"
  (cd "$work" && CGO_ENABLED=0 go_cmd build -trimpath -ldflags "-s -w -X main.VERSION=${FLUX_VERSION#v}" -o "$flux_bin/flux" ./cmd/flux)
fi

"$bin/kubeconform" -v >&2
"$flux_bin/flux" --version >&2
if [ -n "${GITHUB_PATH:-}" ]; then echo "$bin" >>"$GITHUB_PATH"; fi
if [ -n "${GITHUB_ENV:-}" ]; then echo "GITOPS_FLUX=$flux_bin/flux" >>"$GITHUB_ENV"; fi
printf 'export PATH=%q:"$PATH" GITOPS_FLUX=%q\n' "$bin" "$flux_bin/flux"
