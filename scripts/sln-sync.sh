#!/usr/bin/env bash
# Rebuilds InvestmentPlatform.sln from every project in the tree (contracts, src, tests, bench).
set -euo pipefail
cd "$(dirname "$0")/.."
rm -f InvestmentPlatform.sln
dotnet new sln -n InvestmentPlatform --format sln >/dev/null
find contracts src tests bench -name '*.csproj' 2>/dev/null | sort | xargs dotnet sln InvestmentPlatform.sln add >/dev/null
