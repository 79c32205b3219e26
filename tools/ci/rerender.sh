#!/usr/bin/env bash
# Re-renders every cluster and commits the YAML that changed, on the current branch: the rerender
# workflow runs it on Renovate's pull requests, so a version bump in TypeScript never leaves the
# committed YAML behind. Prints `changed` (a commit was made) or `unchanged`.
#   RENDER_COMMAND  how to render (default: npx nx run-many -t render)
set -euo pipefail
render=${RENDER_COMMAND:-npx nx run-many -t render --outputStyle=static}

$render >&2
if [ -z "$(git status --porcelain -- kubernetes)" ]; then
  echo unchanged
  exit 0
fi
git add -- kubernetes
subject=$(git log -1 --format=%s)
git -c user.name="${GIT_AUTHOR_NAME:-gitops-render}" -c user.email="${GIT_AUTHOR_EMAIL:-gitops-render@users.noreply.github.com}" \
  commit --quiet -m "render: YAML for \"$subject\""
echo changed
