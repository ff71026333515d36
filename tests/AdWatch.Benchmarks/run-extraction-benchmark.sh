#!/usr/bin/env bash
# Extraction throughput (ads per CPU-second), .NET vs the Python baseline, on the same corpus and the same single core.
# Usage: tests/AdWatch.Benchmarks/run-extraction-benchmark.sh [SECONDS_PER_ROUND] [ROUNDS] [CORE]
# Needs: dotnet SDK, /usr/bin/python3 with Debian python3-scrapy (parsel) and python3-phonenumbers.
set -euo pipefail
cd "$(dirname "$0")/../.."

SECONDS_PER_ROUND="${1:-5}"
ROUNDS="${2:-3}"
CORE="${3:-0}"
CORPUS="tests/AdWatch.Tests/Extraction/EvalSet/evalset.jsonl"

dotnet build -c Release tests/AdWatch.Benchmarks -v quiet -nologo >/dev/null

# One core for both. .NET: workstation GC with one heap, so the runtime does not use other cores behind our back.
# Tiered compilation off: code runs fully optimised from the start, so warm-up does not bias the first figure.
export DOTNET_gcServer=0 DOTNET_GCHeapCount=1 DOTNET_gcConcurrent=0 DOTNET_GCHeapAffinitizeMask=1 DOTNET_TieredCompilation=0
DOTNET_OUT=$(taskset -c "$CORE" dotnet tests/AdWatch.Benchmarks/bin/Release/net10.0/AdWatch.Benchmarks.dll \
    extraction --corpus "$CORPUS" --seconds "$SECONDS_PER_ROUND" --rounds "$ROUNDS")
PY_OUT=$(taskset -c "$CORE" /usr/bin/python3 tests/AdWatch.Benchmarks/python/extract_baseline.py \
    --corpus "$CORPUS" --seconds "$SECONDS_PER_ROUND" --rounds "$ROUNDS")

echo "$DOTNET_OUT"
echo "$PY_OUT"

figure() { grep -F "$1 ads/s:" <<<"$2" | awk '{print $NF}'; }
for kind in html text; do
    dn=$(figure "dotnet $kind" "$DOTNET_OUT")
    py=$(figure "python $kind" "$PY_OUT")
    awk -v k="$kind" -v d="$dn" -v p="$py" \
        'BEGIN { printf "ratio %s: %.1fx (.NET %.1f ads/s vs Python %.1f ads/s; target >= 10x)\n", k, d / p, d, p }'
done
