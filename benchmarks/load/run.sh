#!/usr/bin/env bash
# Load test: samples/Quickstart.Api (Auth0.Generated) against benchmarks/StockApi (JwtBearer + policies), JIT and
# Native AOT, on 127.0.0.1, one local HTTPS issuer, one token for every route. See docs/benchmarks.md.
#
#   benchmarks/load/run.sh
#
# Environment (all optional): DURATION=10s WARMUP=3s CONNECTIONS=32 THREADS=1 MODES="jit aot" APPS="quickstart stock"
#   OUT=artifacts/load ISSUER_PORT=7443 QUICKSTART_PORT=5101 STOCK_PORT=5102
#   SERVER_CPUS / WRK_CPUS (taskset lists; default: server on CPU 0, wrk on the others when there are 2+ CPUs)
# Exit status: 0 when every app x mode x route was measured with only 2xx answers; 1 when any piece was missing or
# failed (the table still shows what was measured, and every problem is listed at the end).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-3s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-1}
MODES=${MODES:-"jit aot"}
APPS=${APPS:-"quickstart stock"}
OUT=${OUT:-$ROOT/artifacts/load}
ISSUER_PORT=${ISSUER_PORT:-7443}
AUDIENCE=https://load.example.com
ROUTES="/api/public /api/private-scoped /api/admin"
FIRST_RESPONSE_TIMEOUT=${FIRST_RESPONSE_TIMEOUT:-60}
# Extra environment for both apps, e.g. APP_ENV="DOTNET_gcServer=0 DOTNET_gcConcurrent=0" (GC settings, JIT and AOT).
APP_ENV=${APP_ENV:-}
# PUBLISH=0 reuses the binaries of the previous run (to measure another APP_ENV without publishing again).
PUBLISH=${PUBLISH:-1}

declare -A PROJECT=([quickstart]=samples/Quickstart.Api/Quickstart.Api.csproj [stock]=benchmarks/StockApi/StockApi.csproj)
declare -A ASSEMBLY=([quickstart]=Quickstart.Api [stock]=StockApi)
declare -A PORT=([quickstart]=${QUICKSTART_PORT:-5101} [stock]=${STOCK_PORT:-5102})
declare -A RESULT=()
PROBLEMS=()
STARTED=()

log() { printf '\n== %s\n' "$*" >&2; }
problem() { PROBLEMS+=("$*"); printf 'PROBLEM: %s\n' "$*" >&2; }

cleanup() {
  for pid in "${STARTED[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${STARTED[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT

# --- tools --------------------------------------------------------------------------------------------------------
if ! command -v wrk >/dev/null; then
  log "installing wrk (Debian package)"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq wrk >/dev/null
fi
command -v curl >/dev/null || { echo "curl is required" >&2; exit 1; }

CPUS=$(nproc)
if [ -z "${SERVER_CPUS+x}" ]; then
  if [ "$CPUS" -ge 2 ]; then SERVER_CPUS=0; WRK_CPUS=${WRK_CPUS:-1-$((CPUS - 1))}; else SERVER_CPUS=""; WRK_CPUS=""; fi
fi
# Command prefixes that pin a process to CPUs (taskset execs the command: the PID stays the server's own).
SERVER_PIN=(); WRK_PIN=()
if command -v taskset >/dev/null; then
  [ -n "$SERVER_CPUS" ] && SERVER_PIN=(taskset -c "$SERVER_CPUS")
  [ -n "$WRK_CPUS" ] && WRK_PIN=(taskset -c "$WRK_CPUS")
fi

# The apps get a HOME of their own (it must exist: ASP.NET Core data protection falls back to the working directory).
mkdir -p "$OUT/bin" "$OUT/logs" "$OUT/home"

# --- build --------------------------------------------------------------------------------------------------------
log "publishing the local issuer"
dotnet publish "$ROOT/benchmarks/LocalIssuer/LocalIssuer.csproj" -c Release -o "$OUT/bin/issuer" -nologo -v q >"$OUT/logs/publish-issuer.log" 2>&1 \
  || { cat "$OUT/logs/publish-issuer.log" >&2; echo "the local issuer does not build" >&2; exit 1; }

declare -A AOT_WARNINGS=() AOT_SIZE=() BUILT=()
for app in $APPS; do
  for mode in $MODES; do
    logfile="$OUT/logs/publish-$app-$mode.log"
    if [ "$PUBLISH" = 0 ]; then
      if [ "$mode" = jit ] && [ -f "$OUT/bin/jit/$app/${ASSEMBLY[$app]}.dll" ]; then BUILT[$app-$mode]=1; fi
      if [ "$mode" = aot ] && [ -f "$OUT/bin/aot/$app/${ASSEMBLY[$app]}" ]; then
        BUILT[$app-$mode]=1
        AOT_WARNINGS[$app]=$(grep -E 'warning [A-Z]+[0-9]+' "$logfile" 2>/dev/null | sort -u | wc -l || true)
        AOT_SIZE[$app]=$(stat -c %s "$OUT/bin/aot/$app/${ASSEMBLY[$app]}")
      fi
      [ -n "${BUILT[$app-$mode]:-}" ] || problem "$app ($mode): PUBLISH=0 but no binary from a previous run"
      continue
    fi
    log "publishing $app ($mode)"
    if [ "$mode" = jit ]; then
      args=(-c Release -p:PublishAot=false -o "$OUT/bin/jit/$app") # JIT even if the project file turns AOT on
    else
      # PublishAot is set for the app project alone, as its project file would set it: on the command line it would be
      # a global property reaching the netstandard2.0 generator/analyzer projects during restore (NETSDK1207).
      # Warnings are counted, not fatal, so an app that is not AOT-clean yet is still measured (and reported).
      cat >"$OUT/aot-$app.props" <<PROPS
<Project>
  <PropertyGroup Condition="'\$(MSBuildProjectFullPath)' == '$ROOT/${PROJECT[$app]}'">
    <PublishAot>true</PublishAot>
    <RuntimeIdentifier>linux-x64</RuntimeIdentifier>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
    <MSBuildTreatWarningsAsErrors>false</MSBuildTreatWarningsAsErrors>
  </PropertyGroup>
</Project>
PROPS
      args=(-c Release -p:CustomBeforeMicrosoftCommonProps="$OUT/aot-$app.props" -o "$OUT/bin/aot/$app")
    fi
    if dotnet publish "$ROOT/${PROJECT[$app]}" "${args[@]}" -nologo >"$logfile" 2>&1; then
      BUILT[$app-$mode]=1
    else
      problem "$app ($mode) does not publish: see $logfile"
      grep -E ': error ' "$logfile" | sort -u | head -5 >&2 || true
      continue
    fi
    if [ "$mode" = aot ]; then
      warnings=$(grep -E 'warning [A-Z]+[0-9]+' "$logfile" | sort -u | wc -l || true)
      AOT_WARNINGS[$app]=$warnings
      [ "$warnings" -gt 0 ] && problem "$app is not Native AOT clean: $warnings distinct warnings (see $logfile)"
      AOT_SIZE[$app]=$(stat -c %s "$OUT/bin/aot/$app/${ASSEMBLY[$app]}")
    fi
  done
done

# --- issuer -------------------------------------------------------------------------------------------------------
log "starting the local issuer on https://127.0.0.1:$ISSUER_PORT/"
rm -rf "$OUT/issuer"
dotnet "$OUT/bin/issuer/LocalIssuer.dll" "$ISSUER_PORT" "$AUDIENCE" "$OUT/issuer" >"$OUT/logs/issuer.log" 2>&1 &
STARTED+=($!)
for _ in $(seq 1 100); do
  if [ -s "$OUT/issuer/token.txt" ] && curl -fsS --cacert "$OUT/issuer/ca.pem" "https://127.0.0.1:$ISSUER_PORT/.well-known/jwks.json" >/dev/null 2>&1; then break; fi
  sleep 0.2
done
curl -fsS --cacert "$OUT/issuer/ca.pem" "https://127.0.0.1:$ISSUER_PORT/.well-known/openid-configuration" >/dev/null \
  || { cat "$OUT/logs/issuer.log" >&2; echo "the local issuer did not come up" >&2; exit 1; }
TOKEN=$(cat "$OUT/issuer/token.txt")

# --- measure ------------------------------------------------------------------------------------------------------
to_ms() { # wrk latency (e.g. 812.00us, 1.20ms, 1.01s) -> milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}

status_of() { # status_of <port> <route>
  curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$1$2" || true
}

for mode in $MODES; do
  for app in $APPS; do
    [ -n "${BUILT[$app-$mode]:-}" ] || continue
    port=${PORT[$app]}
    if [ "$mode" = jit ]; then cmd=(dotnet "$OUT/bin/jit/$app/${ASSEMBLY[$app]}.dll"); else cmd=("$OUT/bin/aot/$app/${ASSEMBLY[$app]}"); fi
    log "$app ($mode) on http://127.0.0.1:$port"
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      problem "port $port is already in use: $app ($mode) not measured (set ${app^^}_PORT)"
      continue
    fi
    start=$(date +%s%N)
    ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Production \
    AUTH0_DOMAIN="127.0.0.1:$ISSUER_PORT" AUTH0_AUDIENCE="$AUDIENCE" SSL_CERT_FILE="$OUT/issuer/ca.pem" \
    Logging__LogLevel__Default=Warning HOME="$OUT/home" \
      env $APP_ENV "${SERVER_PIN[@]}" "${cmd[@]}" >"$OUT/logs/$app-$mode.log" 2>&1 &
    pid=$!
    STARTED+=("$pid")

    # Time to first authorized response: from just before the process starts to the first 200 on the scope route
    # (includes startup, discovery + JWKS fetch and the first validation; resolution is one curl, a few ms).
    code=000
    while :; do
      code=$(status_of "$port" /api/private-scoped)
      [ "$code" = 200 ] && break
      [ "$code" = 404 ] && break # the app is up and has no such route: waiting will not help
      if ! kill -0 "$pid" 2>/dev/null; then problem "$app ($mode) exited at startup: see $OUT/logs/$app-$mode.log"; break; fi
      if [ $(( ($(date +%s%N) - start) / 1000000000 )) -ge "$FIRST_RESPONSE_TIMEOUT" ]; then break; fi
    done
    if [ "$code" = 200 ]; then
      RESULT[$app-$mode-first]=$(( ($(date +%s%N) - start) / 1000000 ))
    else
      RESULT[$app-$mode-first]="-"
      if [ "$code" = 404 ]; then
        problem "$app ($mode): /api/private-scoped answers 404: the app has no such route"
      else
        problem "$app ($mode): /api/private-scoped never answered 200 with the token (last status $code) within ${FIRST_RESPONSE_TIMEOUT}s"
      fi
    fi

    if kill -0 "$pid" 2>/dev/null; then
      for route in $ROUTES; do
        code=$(status_of "$port" "$route")
        if [ "$code" != 200 ]; then
          problem "$app ($mode) $route answers $code with the token: not measured"
          continue
        fi
        wrkargs=(-t"$THREADS" -c"$CONNECTIONS" --latency -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$port$route")
        "${WRK_PIN[@]}" wrk -d"$WARMUP" "${wrkargs[@]}" >/dev/null
        report=$("${WRK_PIN[@]}" wrk -d"$DURATION" "${wrkargs[@]}")
        echo "$report" >"$OUT/logs/wrk-$app-$mode${route//\//-}.txt"
        if grep -q 'Non-2xx' <<<"$report"; then
          problem "$app ($mode) $route: $(grep 'Non-2xx' <<<"$report" | xargs) during the run"
        fi
        RESULT[$app-$mode-$route-rps]=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$report")
        RESULT[$app-$mode-$route-p50]=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$report")")
        RESULT[$app-$mode-$route-p99]=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$report")")
      done
      if [ -r "/proc/$pid/status" ]; then
        RESULT[$app-$mode-hwm]=$(awk '/^VmHWM:/ { printf "%.1f", $2 / 1024 }' "/proc/$pid/status")
        RESULT[$app-$mode-rss]=$(awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$pid/status")
      else
        problem "$app ($mode) exited during the load: see $OUT/logs/$app-$mode.log"
      fi
    fi
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
done

# --- report -------------------------------------------------------------------------------------------------------
get() { echo "${RESULT[$1]:--}"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-" || b == 0) print "-"; else printf "%.2fx", a / b }'; }
{
  echo "## Load test $(date -u +'%Y-%m-%d %H:%M UTC') on $(hostname): $(nproc) CPUs ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
  echo
  echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION (after a $WARMUP warm-up), server pinned to CPUs '${SERVER_CPUS:-all}', wrk to '${WRK_CPUS:-all}', one token on every route; app environment '${APP_ENV:-(default)}'; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  echo "| mode | app | route | req/s | p50 ms | p99 ms |"
  echo "|---|---|---|---:|---:|---:|"
  for mode in $MODES; do for app in $APPS; do for route in $ROUTES; do
    echo "| $mode | $app | $route | $(get "$app-$mode-$route-rps") | $(get "$app-$mode-$route-p50") | $(get "$app-$mode-$route-p99") |"
  done; done; done
  echo
  echo "| mode | app | first authorized response ms | peak RSS MB (VmHWM) | RSS after load MB | binary MB | AOT warnings |"
  echo "|---|---|---:|---:|---:|---:|---:|"
  for mode in $MODES; do for app in $APPS; do
    size="-"; warn="-"
    if [ "$mode" = aot ] && [ -n "${AOT_SIZE[$app]:-}" ]; then size=$(awk -v b="${AOT_SIZE[$app]}" 'BEGIN { printf "%.1f", b / 1048576 }'); warn=${AOT_WARNINGS[$app]}; fi
    echo "| $mode | $app | $(get "$app-$mode-first") | $(get "$app-$mode-hwm") | $(get "$app-$mode-rss") | $size | $warn |"
  done; done
  echo
  echo "Ratios (targets: scope route >= 1.5x stock; scope route >= 0.70x our public route):"
  for mode in $MODES; do
    echo "- $mode: quickstart/stock on /api/private-scoped = $(ratio "$(get "quickstart-$mode-/api/private-scoped-rps")" "$(get "stock-$mode-/api/private-scoped-rps")"); quickstart/stock on /api/admin = $(ratio "$(get "quickstart-$mode-/api/admin-rps")" "$(get "stock-$mode-/api/admin-rps")"); quickstart scope/public = $(ratio "$(get "quickstart-$mode-/api/private-scoped-rps")" "$(get "quickstart-$mode-/api/public-rps")")"
  done
  if [ ${#PROBLEMS[@]} -gt 0 ]; then
    echo
    echo "Problems (${#PROBLEMS[@]}):"
    for p in "${PROBLEMS[@]}"; do echo "- $p"; done
  fi
} | tee "$OUT/results.md"

[ ${#PROBLEMS[@]} -eq 0 ]
