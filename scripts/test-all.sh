#!/usr/bin/env bash
# The whole test suite, as `npm test` runs it (README's second command, and CI's):
#   typecheck + lint → build → unit → storage & API on PGlite → storage & API on PostgreSQL 15 → CLI (the built
#   binary) → browser e2e.
# PostgreSQL: uses TEST_DATABASE_URL when set, otherwise starts a throw-away Debian PostgreSQL 15
# (scripts/start-test-postgres.sh, which installs it when missing and run as root).
# Chromium: /usr/bin/chromium (Debian), installed with CJK fonts when missing and run as root.
# Outside CI a missing PostgreSQL or Chromium is skipped with a message; in CI (CI=true) it fails the run.
set -uo pipefail
cd "$(dirname "$0")/.."
results=.tmp/test-results
rm -rf "$results" && mkdir -p "$results"
failed_stages=()
skipped_stages=()

stage() { printf '\n\033[1m== %s ==\033[0m\n' "$1"; }
run_vitest() { # name, env..., -- projects...
  local name=$1; shift
  local envs=()
  while [[ $# -gt 0 && $1 != -- ]]; do envs+=("$1"); shift; done
  shift
  local projects=()
  for project in "$@"; do projects+=(--project "$project"); done
  # Vitest's default is one worker fewer than the cores: one on a 2-core machine. The unit, storage and API files
  # are independent (a database of their own each, ports from the system), so both cores take files.
  local workers=()
  [[ $name == pglite || $name == postgres ]] && workers=(--maxWorkers=2)
  env "${envs[@]}" npx vitest run "${projects[@]}" "${workers[@]}" --reporter=default --reporter=json --outputFile.json="$results/$name.json" \
    || failed_stages+=("$name")
}
need_or_skip() { # what, message
  if [[ "${CI:-}" == "true" ]]; then echo "CI: $2" >&2; failed_stages+=("$1"); else echo "SKIPPED: $2" >&2; skipped_stages+=("$1"); fi
}

stage "typecheck and lint"
npx tsc -p tsconfig.json --noEmit || failed_stages+=(typecheck)
npx eslint . || failed_stages+=(lint)
npx prettier --check . >/dev/null || { npx prettier --list-different .; failed_stages+=(format); }

stage "build"
# Built once, early: the CLI stage runs the built `zerodock` (as users do), the browser stage serves the built app.
built=""
if npm run build --silent; then built=1; else failed_stages+=(build); fi

stage "unit, storage and API on PGlite"
run_vitest pglite ZERODOCK_TEST_BACKEND=pglite -- unit storage api

stage "storage and API on PostgreSQL"
started_pg=""
if [[ -z "${TEST_DATABASE_URL:-}" ]]; then
  if pg_env=$(bash scripts/start-test-postgres.sh); then
    eval "$pg_env"
    started_pg=1
  fi
fi
if [[ -n "${TEST_DATABASE_URL:-}" ]]; then
  run_vitest postgres ZERODOCK_TEST_BACKEND=postgres "TEST_DATABASE_URL=$TEST_DATABASE_URL" -- storage api
else
  need_or_skip postgres "no PostgreSQL server could be started (set TEST_DATABASE_URL or install postgresql-15)"
fi

stage "CLI"
# The PostgreSQL backup/restore round trip of e2e/cli runs when TEST_DATABASE_URL is set.
run_vitest cli "TEST_DATABASE_URL=${TEST_DATABASE_URL:-}" "ZERODOCK_CLI_BUILT=${built:-0}" -- cli
[[ -n "$started_pg" ]] && bash scripts/stop-test-postgres.sh

stage "browser e2e"
if [[ -z "$built" ]]; then
  echo "SKIPPED: the build failed" >&2
else
  if [[ ! -x /usr/bin/chromium && $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "Installing Debian chromium and CJK fonts for the browser tests…"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei) >/dev/null 2>&1
  fi
  if [[ -x /usr/bin/chromium ]]; then
    run_vitest e2e -- e2e
  else
    need_or_skip e2e "/usr/bin/chromium is missing (apt-get install chromium fonts-wqy-microhei)"
  fi
fi

stage "summary"
node -e '
  const fs = require("fs"); const dir = process.argv[1];
  let passed = 0, failed = 0, skipped = 0;
  for (const file of fs.readdirSync(dir)) {
    const r = JSON.parse(fs.readFileSync(dir + "/" + file, "utf8"));
    // A test file that fails before any test runs (an import or a beforeAll throws) counts as one failure.
    const broken = (r.testResults || []).filter(
      (f) => f.status === "failed" && !(f.assertionResults || []).some((a) => a.status === "failed"),
    ).length;
    const failedHere = r.numFailedTests + broken;
    passed += r.numPassedTests; failed += failedHere; skipped += r.numPendingTests + (r.numTodoTests || 0);
    console.log(`${file.replace(".json", "").padEnd(10)} ${r.numPassedTests} passed, ${failedHere} failed`);
  }
  console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
' "$results"
if ((${#skipped_stages[@]})); then echo "skipped stages: ${skipped_stages[*]}"; fi
if ((${#failed_stages[@]})); then
  echo "FAILED stages: ${failed_stages[*]}"
  exit 1
fi
echo "all stages passed"
