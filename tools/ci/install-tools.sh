#!/usr/bin/env bash
# Installs the external tools validate cross-checks against, at pinned versions (the one place
# they are pinned), with their own install method from the Go module proxy:
#   kubeconform  go install github.com/yannh/kubeconform/cmd/kubeconform@<version>
# into $GITOPS_TOOLS_DIR/bin (default: <repo>/.tools/bin, git-ignored). A tool already there at its
# pinned version is kept, so a warm run costs nothing and needs no Go at all.
# The flux CLI is not installed: `go install github.com/fluxcd/flux2/v2/cmd/flux@<version>` is
# refused (its go.mod has a replace directive; cmd/flux embeds manifests the module lacks). Point
# GITOPS_FLUX at a flux binary of your own to cross-check with it.
# Prints `export PATH=...` for `eval`; on GitHub Actions also writes it to $GITHUB_PATH.
set -euo pipefail

# renovate: datasource=go depName=github.com/yannh/kubeconform
KUBECONFORM_VERSION=v0.7.0

root=$(cd "$(dirname "$0")/../.." && pwd)
tools=${GITOPS_TOOLS_DIR:-$root/.tools}
bin=$tools/bin
mkdir -p "$bin"
log() { echo "install-tools: $*" >&2; }

go_cmd() {
  if command -v go >/dev/null 2>&1; then go "$@"
  elif [ -x /usr/local/go/bin/go ]; then /usr/local/go/bin/go "$@"
  else log "no Go toolchain (go on PATH or /usr/local/go/bin/go) to install kubeconform"; exit 1
  fi
}

# The version the binary reports: stamped in at build (-X), as go install alone says "development".
if [ -x "$bin/kubeconform" ] && [ "$("$bin/kubeconform" -v 2>/dev/null)" = "$KUBECONFORM_VERSION" ]; then
  log "kubeconform $KUBECONFORM_VERSION already in $bin"
else
  log "installing kubeconform $KUBECONFORM_VERSION"
  GOBIN=$bin CGO_ENABLED=0 go_cmd install -trimpath -ldflags "-s -w -X main.version=$KUBECONFORM_VERSION" \
    "github.com/yannh/kubeconform/cmd/kubeconform@$KUBECONFORM_VERSION"
fi

"$bin/kubeconform" -v >&2
if [ -n "${GITHUB_PATH:-}" ]; then echo "$bin" >>"$GITHUB_PATH"; fi
printf 'export PATH=%q:"$PATH"\n' "$bin"
