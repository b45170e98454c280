#!/usr/bin/env bash
# Merges a feature branch into the current branch, regenerating the solution file if both sides touched it.
set -uo pipefail
cd "$(dirname "$0")/.."
git merge --no-edit "$1" >/dev/null 2>&1
if git status --short | grep -qE '^UU InvestmentPlatform.sln'; then
  git checkout --ours InvestmentPlatform.sln && ./scripts/sln-sync.sh && git add InvestmentPlatform.sln
fi
if git status --short | grep -qE '^(UU|AA|DU|UD) '; then
  git status --short | grep -E '^(UU|AA|DU|UD) '; exit 1
fi
git diff --cached --quiet || git commit -qm "Merge branch '$1'"
echo "merged $1"
