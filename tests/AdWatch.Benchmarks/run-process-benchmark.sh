#!/usr/bin/env bash
# Whole-process figures of `adwatch extract` beside the Python peer (python/extract_baseline.py --jsonl): start-up on one ad,
# and `extract --jsonl` of 100,000 synthetic ads. adwatch is published as deploy/Dockerfile does (for linux-x64, so ReadyToRun).
# Usage: tests/AdWatch.Benchmarks/run-process-benchmark.sh [STARTUP_RUNS] [ADS] [THROUGHPUT_RUNS] [CORE]
#   CORE (optional) pins both programs to one core with taskset; by default they run unpinned, as a user runs them.
# Needs: dotnet SDK, /usr/bin/python3 with Debian python3-phonenumbers and python3-parsel.
set -euo pipefail
cd "$(dirname "$0")/../.."

STARTUP_RUNS="${1:-10}"
ADS="${2:-100000}"
RUNS="${3:-3}"
CORE="${4:-}"
OUT="artifacts/process-benchmark/adwatch"

dotnet publish src/AdWatch.Web -c Release -r linux-x64 --self-contained false -o "$OUT" -nologo -v quiet >/dev/null
dotnet build -c Release tests/AdWatch.Benchmarks -v quiet -nologo >/dev/null
BENCH=(dotnet tests/AdWatch.Benchmarks/bin/Release/net10.0/AdWatch.Benchmarks.dll)
PIN=()
if [ -n "$CORE" ]; then PIN=(--core "$CORE"); fi

"${BENCH[@]}" startup --adwatch "$OUT/adwatch" --runs "$STARTUP_RUNS" "${PIN[@]}"
"${BENCH[@]}" extract-process --adwatch "$OUT/adwatch" --ads "$ADS" --runs "$RUNS" "${PIN[@]}"
