#!/usr/bin/env bash
# Runs every test: .NET unit, harness and integration tests against a real PostgreSQL and RabbitMQ
# (started here when absent), then the dashboard's component tests and browser end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p test-output

source scripts/test-services.sh

status=0
dotnet test InvestmentPlatform.sln -c Release 2>&1 | tee test-output/dotnet-test.log || status=1

(
  cd frontend
  npm ci --no-audit --no-fund --loglevel=error
  npm test 2>&1 | tee ../test-output/frontend-test.log
  npm run build 2>&1 | tee ../test-output/frontend-build.log
  if [ -f e2e/run.mjs ]; then npm run e2e 2>&1 | tee ../test-output/e2e.log; fi
) || status=1

# One closing line over every runner: "N passed, N failed".
passed=0; failed=0
while read -r f p; do passed=$((passed + p)); failed=$((failed + f)); done < <(
  grep -hoE 'Failed: +[0-9]+, Passed: +[0-9]+' test-output/dotnet-test.log | sed -E 's/Failed: +([0-9]+), Passed: +([0-9]+)/\1 \2/')
for log in test-output/frontend-test.log test-output/e2e.log; do
  [ -f "$log" ] || continue
  line=$(sed -E 's/\x1b\[[0-9;]*m//g' "$log" | grep -E '^ *Tests ' | tail -n 1 || true)
  p=$(echo "$line" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+' || echo 0)
  f=$(echo "$line" | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+' || echo 0)
  passed=$((passed + p)); failed=$((failed + f))
done
[ "$failed" -gt 0 ] && status=1
echo "$passed passed, $failed failed"
exit $status
