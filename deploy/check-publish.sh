#!/usr/bin/env bash
# What deploy/Dockerfile copies into the image, checked without Docker: publishes src/AdWatch.Web exactly as its build
# stage does, checks the layout the image relies on, then starts it the way the image does — from another working
# directory, with the image's settings pointing at fresh data and key folders — and probes the health endpoint.
# Also checks that nothing was written next to the binary or into the working directory (both are read-only in the
# Helm chart's pods). Ends with "deploy: publish layout ok" (exit 0) or the first problem (exit 1).
# SERVE_ARGS and HEALTH_PATH override `serve --role all` and /health/live.
set -uo pipefail
cd "$(dirname "$0")/.."
serve_args=${SERVE_ARGS:-serve --role all}
health_path=${HEALTH_PATH:-/health/live}
scratch=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$scratch"; }
trap cleanup EXIT
fail() { echo "deploy: $*"; exit 1; }

out="$scratch/opt-adwatch"
dotnet publish src/AdWatch.Web -c Release -r linux-x64 --self-contained -p:DebugType=none -o "$out" -nologo -v q \
  >"$scratch/publish.log" 2>&1 || { cat "$scratch/publish.log"; fail "dotnet publish failed (as in deploy/Dockerfile)"; }

for path in adwatch config/adwatch.json config/analysis.yaml config/indicators.yaml config/licensed-venues.csv \
    config/organisations.yaml config/privacy-inventory.yaml config/referrals.yaml config/region/veluwe-west/ATTRIBUTION.md \
    crawlers/kontaktbord.yaml wwwroot .playwright/node/linux-x64/node; do
  [ -e "$out/$path" ] || fail "the publish output lacks $path, which the image needs"
done
[ -x "$out/adwatch" ] || fail "$out/adwatch is not executable"
# As deploy/Dockerfile does; then the image's UID (not the files' owner) must be able to run the app and Playwright's driver.
chmod -R a+rX "$out"
chmod 755 "$scratch"
if [ "$(id -u)" = 0 ]; then
  # All three UIDs, so no root capability (which would ignore the file modes) survives.
  as_app() { python3 -c 'import os, sys; os.setgroups([]); os.setresgid(10001, 10001, 10001); os.setresuid(10001, 10001, 10001); os.execv(sys.argv[1], sys.argv[1:])' "$@"; }
  as_app "$out/.playwright/node/linux-x64/node" --version >/dev/null 2>&1 \
    || fail "UID 10001 cannot run .playwright/node/linux-x64/node (Chromium would not start in the image)"
  (cd / && as_app "$out/adwatch" --help >/dev/null 2>&1) || fail "UID 10001 cannot run adwatch --help"
fi

mkdir -p "$scratch/cwd" "$scratch/home"
touch "$scratch/marker"
sleep 1
cd "$scratch/cwd"
"$out/adwatch" --help >"$scratch/help.txt" 2>&1 || fail "adwatch --help failed: $(head -3 "$scratch/help.txt")"
grep -q "serve" "$scratch/help.txt" || fail "adwatch --help does not list serve"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# shellcheck disable=SC2086
HOME="$scratch/home" ASPNETCORE_URLS="http://127.0.0.1:$port" \
  ADWATCH__Storage__DatabasePath="$scratch/data/adwatch.db" ADWATCH__Dashboard__KeysPath="$scratch/keys" \
  "$out/adwatch" $serve_args >"$scratch/serve.log" 2>&1 &
pid=$!
healthy=
for _ in $(seq 1 60); do
  if curl -fsS "http://127.0.0.1:$port$health_path" >/dev/null 2>&1; then healthy=1; break; fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 1
done
[ -n "$healthy" ] || { tail -20 "$scratch/serve.log"; fail "adwatch $serve_args did not answer $health_path within 60 s"; }
kill "$pid"; wait "$pid" 2>/dev/null; pid=

[ -f "$scratch/data/adwatch.db" ] || fail "serve did not create the database at ADWATCH__Storage__DatabasePath"
[ -n "$(ls -A "$scratch/keys" 2>/dev/null)" ] || fail "serve wrote no data-protection key to ADWATCH__Dashboard__KeysPath"
written=$(find "$out" "$scratch/cwd" -newer "$scratch/marker" ! -path "$scratch/cwd" | head -5)
[ -z "$written" ] || fail "serve wrote where the image is read-only: $written"
echo "deploy: publish layout ok ($(du -sh "$out" | cut -f1), $serve_args answered $health_path from another directory)"
