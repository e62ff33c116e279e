#!/usr/bin/env bash
# Runs the Rust library's bench.sh workloads, plus 2pc 8 / 9, paxos 3 by BFS and DFS, the packed 2pc
# (8 and 10) and a 20,000-state chain, at 1 and 2 threads, and prints each run's report line
# and measurements. Usage: bench/bench.sh [FILTER]   (e.g. bench/bench.sh paxos)
# LIMIT (seconds, default 600) bounds each run; a run over the limit is reported and skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
FILTER=${1:-}
LIMIT=${LIMIT:-600}
dotnet build -c Release bench -v quiet -nologo >/dev/null
bench() {
    [[ "$*" == *"$FILTER"* ]] || return 0
    for threads in 1 2; do
        echo "== $* --threads $threads =="
        if ! timeout "$LIMIT" dotnet bench/bin/Release/net10.0/Stateright.Bench.dll "$@" --threads "$threads" | grep -E "^(Done|wall|gc-pause)"; then
            echo "(did not finish within ${LIMIT} s)"
        fi
    done
}
bench 2pc 8
bench 2pc 9
bench paxos 3 --bfs
bench paxos 3 --dfs
bench chain 20000
bench 2pc-packed 8
bench 2pc-packed 10
bench 2pc 10
bench paxos 6
bench single-copy-register 4
bench linearizable-register 2
