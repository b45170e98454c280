#!/usr/bin/env bash
# Runs every test: the .NET projects one by one (unit, harness, and integration tests against a real PostgreSQL,
# RabbitMQ and SMTP server, started here when absent), then the dashboard's component tests, its build and the browser end-to-end
# tests in Debian's Chromium (installed here when absent).
#
# Every runner is guarded: a test that hangs is stopped by the test platform's hang guard (a dump and its stacks land
# under test-output/<project>/), and a runner that hangs anyway is stopped by `timeout`. A runner that crashed, hung,
# timed out or never started counts at least one failure and is named above the closing line.
set -uo pipefail
cd "$(dirname "$0")"
rm -rf test-output
mkdir -p test-output

summary=()
failures=()
total_passed=0
total_failed=0

# record NAME PASSED FAILED [PROBLEM]: one runner's result, with how long the last guarded command took; a problem
# with no failed test still counts as one failure.
record() {
  local name=$1 passed=$2 failed=$3 problem=${4:-}
  if [ -n "$problem" ] && [ "$failed" -eq 0 ]; then failed=1; fi
  total_passed=$((total_passed + passed)); total_failed=$((total_failed + failed))
  local took="${last_took:-0} s"; last_took=0
  if [ -n "$problem" ]; then summary+=("FAILED  $name: $problem ($passed passed, $failed failed, $took)")
  else summary+=("        $name: $passed passed, $failed failed, $took"); fi
}

# guarded SECONDS LOG COMMAND...: runs the command with a time limit, its output to the terminal and the log.
guarded() {
  local limit=$1 log=$2 started=$SECONDS; shift 2
  timeout --kill-after=30s "$limit" "$@" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  last_took=$((SECONDS - started)); last_rc=$rc
  return "$rc"
}

# test_args OUT HANG: dotnet test's options for a run whose results, hang dumps and stacks go under OUT; the test
# platform's hang guard stops a test that hangs for HANG.
test_args() {
  mkdir -p "$1"
  echo "-c Release --no-build --blame-hang-timeout $2 --blame-hang-dump-type full --results-directory $1 --logger trx;LogFileName=results.trx --logger console;verbosity=normal"
}

# record_tests NAME OUT LIMIT: records a dotnet test run from its results and console log; its exit status is
# guarded_rc (or the last guarded command's). A run that hung, crashed, timed out or exited badly counts a failure.
record_tests() {
  local name=$1 out=$2 limit=$3 rc=${guarded_rc:-$last_rc} passed=0 failed=0 problem=""
  if [ -f "$out/results.trx" ]; then
    local counters
    counters=$(grep -o '<Counters [^>]*>' "$out/results.trx" | head -n 1)
    attr() { echo "$counters" | grep -oE " $1=\"[0-9]+\"" | grep -oE '[0-9]+' || echo 0; }
    passed=$(attr passed)
    failed=$(( $(attr failed) + $(attr error) + $(attr timeout) + $(attr aborted) ))
  fi
  if grep -qE "inactivity time|Test host process crashed|test run was aborted" "$out/console.log" 2>/dev/null; then
    # VSTest lists the tests that were running when it stopped the host between these two lines.
    local running
    running=$(sed -n '/host process exited unexpectedly/,/hangdump\|^Results File/p' "$out/console.log" \
      | grep -E '^[A-Za-z_][A-Za-z0-9_.]+(\(.*\))?$' | sort -u | paste -sd ' ' -)
    problem="a test hung or crashed the test host: ${running:-unknown} (see $out)"
  elif [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
    problem="timed out after $limit"
  elif [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
    problem="exited with status $rc"
  fi
  record "$name" "$passed" "$failed" "$problem"
  # CI shows only the tail of the run, so each failed test is named again below the closing counts.
  while IFS= read -r line; do failures+=("$line"); done < <(failed_tests "$out/console.log")
}

# failed_tests LOG: "name: first line of its error" for each test VSTest's console logger reported as failed.
failed_tests() {
  awk '/^  Failed [A-Za-z_]/ { name = $2; want = 1; next }
       want && /^  Error Message:/ { getline; sub(/^ +/, ""); print "  " name ": " substr($0, 1, 300); want = 0 }' "$1" 2>/dev/null
}

problem_of() { # a runner's exit status in words
  case $1 in
    0) echo "" ;;
    124|137) echo "timed out after $2" ;;
    *) echo "exited with status $1" ;;
  esac
}

services_ok=1
if ! source scripts/test-services.sh; then services_ok=0; record "test services (PostgreSQL, RabbitMQ)" 0 1 "did not start"; fi
if [ "$services_ok" = 1 ] && ! source scripts/test-smtp.sh; then services_ok=0; record "test services (SMTP)" 0 1 "did not start"; fi
browser_ok=1
if ! source scripts/test-browser.sh; then browser_ok=0; record "browser (Chromium, fonts)" 0 1 "could not be installed"; fi

# --- .NET ---------------------------------------------------------------------------------------------------------
# The integration tests run as two shards at once, each on a virtual host of its own (message-type exchanges are per
# virtual host): they wait on hosts, brokers, child processes and outages enough for two to share the 2 cores, but more
# at once only slows every one of them (their hosts' start-up is CPU). Shards group features so that both take about
# as long; the last takes every feature the others do not name, so a new feature's tests always run.
integration_shards=(
  "processes:Resilience Ingestion Foundation Cli"
  "hosts:"
)
integration_project=tests/InvestmentPlatform.IntegrationTests/InvestmentPlatform.IntegrationTests.csproj

# shard_filter FEATURES: the test filter for the features named, or for every feature no other shard names.
shard_filter() {
  local features=$1 filter="" spec feature
  if [ -n "$features" ]; then
    for feature in $features; do filter+="${filter:+|}FullyQualifiedName~IntegrationTests.$feature."; done
  else
    for spec in "${integration_shards[@]}"; do
      for feature in ${spec#*:}; do filter+="${filter:+&}FullyQualifiedName!~IntegrationTests.$feature."; done
    done
  fi
  echo "$filter"
}

# run_tests OUT LIMIT HANG PROJECT [ARGS...]: one dotnet test run, in the background if called with &; its output
# lands in OUT/console.log, its duration in OUT/took and its exit status in OUT/rc.
run_tests() {
  local out=$1 limit=$2 hang=$3 project=$4 started=$SECONDS rc
  shift 4
  mkdir -p "$out"
  # shellcheck disable=SC2046 # the options are words without spaces
  timeout --kill-after=30s "$limit" dotnet test "$project" $(test_args "$out" "$hang") "$@" > "$out/console.log" 2>&1
  rc=$?
  echo $((SECONDS - started)) > "$out/took"
  echo "$rc" > "$out/rc"
}

# record_run NAME OUT LIMIT: records a run_tests run once it has ended.
record_run() {
  last_took=$(cat "$2/took" 2>/dev/null || echo 0)
  guarded_rc=$(cat "$2/rc" 2>/dev/null || echo 1) record_tests "$1" "$2" "$3"
}

if guarded 20m test-output/dotnet-build.log dotnet build InvestmentPlatform.sln -c Release; then
  record ".NET build" 1 0
  # The unit test projects one after another: run side by side they took as long, each slowed by the others.
  for project in tests/*/*.csproj; do
    name=$(basename "$project" .csproj)
    case $name in *IntegrationTests) continue ;; esac
    run_tests "test-output/$name" 15m "${IP_TEST_HANG_TIMEOUT:-3m}" "$project"
    tail -n 3 "test-output/$name/console.log"
    record_run "$name" "test-output/$name" 15m
  done

  if [ "$services_ok" = 0 ]; then
    record "InvestmentPlatform.IntegrationTests" 0 1 "not started: the test services are missing"
  else
    echo "integration tests: ${#integration_shards[@]} shards at once, their output in test-output/IntegrationTests.<shard>/console.log"
    shard_pids=()
    n=0
    for spec in "${integration_shards[@]}"; do
      n=$((n + 1))
      IP_TEST_RABBITMQ_VHOST="${IP_TEST_RABBITMQ_VHOST:-ip-tests}-$n" run_tests "test-output/IntegrationTests.${spec%%:*}" 40m \
        "${IP_TEST_HANG_TIMEOUT:-8m}" "$integration_project" --filter "$(shard_filter "${spec#*:}")" &
      shard_pids+=($!)
    done
    wait "${shard_pids[@]}"
    for spec in "${integration_shards[@]}"; do
      tail -n 3 "test-output/IntegrationTests.${spec%%:*}/console.log"
      record_run "InvestmentPlatform.IntegrationTests (${spec%%:*})" "test-output/IntegrationTests.${spec%%:*}" 40m
    done
  fi
  # A hang guard's dump is only evidence once it is readable: the async and thread stacks, the hung test among them.
  find test-output -name '*_hangdump.dmp' -not -path '*/_*' | while read -r dump; do
    dotnet tool restore >/dev/null 2>&1
    timeout 5m dotnet dump analyze "$dump" -c dumpasync -c "clrstack -all" -c exit > "${dump%.dmp}.stacks.txt" 2>&1
    echo "stacks of the hung test host: ${dump%.dmp}.stacks.txt"
  done
else
  record ".NET build" 0 1 "did not build (test-output/dotnet-build.log)"
fi

# --- Dashboard ----------------------------------------------------------------------------------------------------
# vitest and the e2e runner both end with a " Tests  N passed | N failed" line.
count_js() { sed -E 's/\x1b\[[0-9;]*m//g' "$1" | grep -E '^ *Tests ' | tail -n 1 | grep -oE "[0-9]+ $2" | grep -oE '[0-9]+' || echo 0; }
dashboard_built=0
if ! guarded 10m test-output/frontend-install.log bash -c "cd frontend && npm ci --no-audit --no-fund --loglevel=error"; then
  record "dashboard (npm ci)" 0 1 "dependencies did not install"
else
  guarded 10m test-output/frontend-test.log bash -c "cd frontend && npm test"
  rc=$?; record "dashboard component tests" "$(count_js test-output/frontend-test.log passed)" "$(count_js test-output/frontend-test.log failed)" "$(problem_of $rc 10m)"
  if guarded 10m test-output/frontend-build.log bash -c "cd frontend && npm run build"; then
    record "dashboard build" 1 0
    dashboard_built=1
  else
    record "dashboard build" 0 1 "did not build"
  fi
fi

# --- Browser end-to-end -------------------------------------------------------------------------------------------
if [ "$dashboard_built" = 0 ]; then
  record "browser end-to-end" 0 1 "not started: the dashboard did not build"
elif [ "$browser_ok" = 0 ]; then
  record "browser end-to-end" 0 1 "not started: no Chromium"
else
  guarded 15m test-output/e2e.log bash -c "cd frontend && npm run e2e"
  rc=$?; record "browser end-to-end" "$(count_js test-output/e2e.log passed)" "$(count_js test-output/e2e.log failed)" "$(problem_of $rc 15m)"
  # CI shows only the tail of the run, so each failed browser test is named again below the closing counts.
  while IFS= read -r line; do failures+=("  browser: $line"); done < <(sed -E 's/\x1b\[[0-9;]*m//g' test-output/e2e.log | grep -A1 -E '^ *✗ ' | grep -vE '^--$' | sed -E 's/^ +//' | paste -d' ' - - | cut -c1-300)
fi

echo
printf '%s\n' "${summary[@]}"
if [ ${#failures[@]} -gt 0 ]; then echo "Failed tests:"; printf '%s\n' "${failures[@]}"; fi
echo "$total_passed passed, $total_failed failed, in $((SECONDS / 60)) min $((SECONDS % 60)) s"
[ "$total_failed" -eq 0 ]
