#!/usr/bin/env bash
# The bench's short rows as [ModelTheory] methods under `dotnet test` (bench/TestHost), one test-host
# process per row, so that each starts cold as a user's test run does. Prints each row's checker line
# ("Done. states=…, sec=…") and the test host's peak memory. Usage: bench/testhost.sh [FILTER]
#   FILTER: part of a method name (TwoPhaseCommit8, Paxos3Dfs_T2, …); empty runs every row.
# Environment: LIMIT (seconds a row, default 600). Measurements only; nothing is asserted.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/TestHost -c Release -nologo -v quiet
rows=$(grep -oE 'public static IModel [A-Za-z0-9_]+' bench/TestHost/BenchRows.cs | awk '{print $4}')
for row in $rows; do
  [[ -n "${1:-}" && "$row" != *"$1"* ]] && continue
  log=$(mktemp)
  # VSTest starts the test host as a child of `dotnet test`: /usr/bin/time's peak is the largest process of the tree.
  /usr/bin/time -f "peak=%M KB" timeout "${LIMIT:-600}" dotnet test bench/TestHost -c Release --no-build \
    --filter "FullyQualifiedName~BenchRows.$row" --logger "console;verbosity=detailed" >"$log" 2>&1 || true
  if done_line=$(grep -m1 -oE 'Done\. states=[^,]+, unique=[^,]+, depth=[^,]+, states/sec=[^,]+, sec=[0-9.]+' "$log"); then
    echo "$row: $done_line, $(grep -oE 'peak=[0-9]+ KB' "$log" | tail -1)"
  else
    tail -20 "$log"; echo "$row: no Done line"
  fi
  rm -f "$log"
done
