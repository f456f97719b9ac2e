#!/usr/bin/env bash
# The steps of the GitHub Action (action.yml) after Node.js is set up: fetch okr, run okr check, and
# on a pull request run okr diff and keep it as one comment on the pull request. One script, so
# that the tests run exactly what a workflow runs (test/ci/action.test.ts).
#
# The inputs arrive as environment variables, never pasted into the script, so that a path or a
# format cannot run shell code:
#   OKR_PATHS OKR_FORMAT OKR_OUTPUT OKR_MAX_WARNINGS   okr check's inputs
#   OKR_VERSION   the okr version to run (default: this action's own, from its package.json)
#   OKR_PACKAGE   what to install instead of okr-cli@OKR_VERSION (any npm install spec: a tarball)
#   OKR_DIFF      "true": okr diff's section in the job summary on pull requests
#   OKR_COMMENT   "true": okr diff as one comment on the pull request, updated on every push
#   GH_TOKEN      for the comment, through the GitHub CLI (gh); needs pull-requests: write
#
# Nothing here writes to the job summary: okr check and okr diff append their own sections.
set -euo pipefail

action_path="${GITHUB_ACTION_PATH:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
marker='<!-- okr-diff -->'

# okr from the npm registry, the published release of this action's version: no build and no
# development dependencies at run time. Installed once per job and spec.
install_okr() {
  local name version spec dir
  name=$(node -p 'require(process.argv[1]).name' "$action_path/package.json")
  version="${OKR_VERSION:-}"
  if [ -z "$version" ]; then
    version=$(node -p 'require(process.argv[1]).version' "$action_path/package.json")
  fi
  spec="${OKR_PACKAGE:-$name@$version}"
  dir="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/okr-action"
  if [ ! -x "$dir/bin/okr" ] || [ "$(cat "$dir/spec" 2> /dev/null)" != "$spec" ]; then
    rm -rf "$dir"
    npm install --global --prefix "$dir" --no-audit --no-fund --loglevel=error "$spec" >&2
    printf '%s' "$spec" > "$dir/spec"
  fi
  okr="$dir/bin/okr"
}

run_check() {
  local args=(check --format "${OKR_FORMAT:-github}") paths=()
  if [ -n "${OKR_OUTPUT:-}" ]; then args+=(--output "$OKR_OUTPUT"); fi
  if [ -n "${OKR_MAX_WARNINGS:-}" ]; then args+=(--max-warnings "$OKR_MAX_WARNINGS"); fi
  read -r -a paths <<< "${OKR_PATHS:-}"
  "$okr" "${args[@]}" -- "${paths[@]}"
}

# Sets base to the commit the pull request started from; fails (with a warning) when the history
# is missing.
merge_base() {
  local base_ref="${GITHUB_BASE_REF:-}"
  if [ -z "$base_ref" ] && [ -n "${GITHUB_EVENT_PATH:-}" ]; then
    base_ref=$(node -p 'require(process.argv[1]).pull_request?.base?.ref ?? ""' "$GITHUB_EVENT_PATH")
  fi
  if ! git rev-parse --verify --quiet "origin/$base_ref" > /dev/null; then
    git fetch --no-tags --quiet origin "$base_ref:refs/remotes/origin/$base_ref" 2> /dev/null || true
  fi
  if ! base=$(git merge-base "origin/$base_ref" HEAD 2> /dev/null); then
    echo "::warning title=okr diff::okr diff needs the history of the pull request's base branch; check out with actions/checkout and fetch-depth: 0"
    return 1
  fi
}

# Posts the diff as the pull request's okr comment, or updates that comment when there is one.
comment_diff() {
  local diff_file="$1" pr repo ids id body
  pr=$(node -p 'require(process.argv[1]).pull_request?.number ?? ""' "${GITHUB_EVENT_PATH:-/dev/null}" 2> /dev/null || true)
  repo="${GITHUB_REPOSITORY:-}"
  if [ -z "$pr" ] || [ -z "$repo" ]; then
    echo '::warning title=okr diff::no pull request number in the event; the okr diff comment is skipped'
    return 0
  fi
  body=$(mktemp)
  # GitHub takes at most 65,536 characters in a comment; the job summary keeps the whole diff.
  node -e '
    const [marker, from, to] = process.argv.slice(1);
    const fs = require("node:fs");
    let text = fs.readFileSync(from, "utf8");
    if (text.length > 60000) text = `${text.slice(0, 60000)}\n\n…cut here: the job summary has the whole diff.\n`;
    fs.writeFileSync(to, `${marker}\n${text}`);
  ' "$marker" "$diff_file" "$body"
  if ! ids=$(gh api --paginate "repos/$repo/issues/$pr/comments?per_page=100" \
    --jq ".[] | select(.body | startswith(\"$marker\")) | .id"); then
    echo '::warning title=okr diff::cannot read the comments of the pull request; give the workflow "permissions: pull-requests: write", or set the input comment to false'
    return 0
  fi
  id=$(head -n 1 <<< "$ids")
  if [ -n "$id" ]; then
    gh api --method PATCH "repos/$repo/issues/comments/$id" -F "body=@$body" > /dev/null ||
      echo '::warning title=okr diff::cannot update the okr diff comment; the workflow needs "permissions: pull-requests: write"'
  else
    gh api --method POST "repos/$repo/issues/$pr/comments" -F "body=@$body" > /dev/null ||
      echo '::warning title=okr diff::cannot comment on the pull request; the workflow needs "permissions: pull-requests: write"'
  fi
  rm -f "$body"
}

run_diff() {
  local base diff_file
  merge_base || return 0
  diff_file=$(mktemp)
  # okr diff appends its own section to the job summary; with diff: false, it appends none.
  local summary="${GITHUB_STEP_SUMMARY:-}"
  if [ "${OKR_DIFF:-true}" != true ]; then summary=''; fi
  if ! GITHUB_STEP_SUMMARY="$summary" "$okr" diff --format markdown "$base" > "$diff_file"; then
    echo '::warning title=okr diff::okr diff failed; see its message above'
    rm -f "$diff_file"
    return 0
  fi
  if [ "${OKR_COMMENT:-true}" = true ]; then comment_diff "$diff_file"; fi
  rm -f "$diff_file"
}

install_okr
status=0
run_check || status=$?
# Even after a failed check: reviewers want to see what the change does either way.
case "${GITHUB_EVENT_NAME:-}" in
  pull_request | pull_request_target)
    if [ "${OKR_DIFF:-true}" = true ] || [ "${OKR_COMMENT:-true}" = true ]; then run_diff; fi
    ;;
esac
exit "$status"
