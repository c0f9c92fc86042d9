#!/usr/bin/env bash
# Load test: samples/Quickstart.Api (Auth0.Generated) against benchmarks/StockApi (JwtBearer + policies), JIT and
# Native AOT, on 127.0.0.1, one local HTTPS issuer, one token for every route. See docs/benchmarks.md.
#
#   benchmarks/load/run.sh
#
# Environment (all optional): DURATION=10s WARMUP=3s CONNECTIONS=32 THREADS=1 MODES="jit aot" APPS="quickstart stock"
#   OUT=artifacts/load ISSUER_PORT=7443 QUICKSTART_PORT=5101 STOCK_PORT=5102
#   SERVER_CPUS / WRK_CPUS (taskset lists; default: server on CPU 0, wrk and this script on the others when there are 2+ CPUs)
#   STARTS=5 (AOT quickstart starts for the startup/RSS figures; 0 skips them) RSS_LOAD=30s (load before reading RSS)
#   STARTUP_ALL_CPUS=1 (also time STARTS starts of the AOT quickstart on every CPU, not pinned; 0 skips them)
#   WARMUP_MODES="jit r2r aot" (quickstart started cold, first seconds of load measured; "" skips) FIRST_SECONDS=5s
#   DPOP_ROUTE=/api/dpop (the quickstart's DPoP route, loaded with a bound token and a fresh proof per request; "" skips)
#   DPOP_PROOFS=85000 (proofs for one measured run: the run ends at DURATION or when they are used up, whichever is first;
#   the in-memory replay store holds Auth0:DPoP:ReplayCacheSize proofs, 1,000,000 by default, for about five minutes)
# Apps run from their publish folder, so each reads its own appsettings.json (both: the `dotnet new web` log levels).
# Exit status: 0 when every app x mode x route was measured with only 2xx answers; 1 when any piece was missing or
# failed (the table still shows what was measured, and every problem is listed at the end).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-3s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-1}
MODES=${MODES:-"jit aot"}
STARTS=${STARTS:-5}
STARTUP_ALL_CPUS=${STARTUP_ALL_CPUS:-1}
RSS_LOAD=${RSS_LOAD:-30s}
WARMUP_MODES=${WARMUP_MODES-"jit r2r aot"}
FIRST_SECONDS=${FIRST_SECONDS:-5s}
PROTECTED=/api/private-scoped
APPS=${APPS:-"quickstart stock"}
OUT=${OUT:-$ROOT/artifacts/load}
ISSUER_PORT=${ISSUER_PORT:-7443}
AUDIENCE=https://load.example.com
ROUTES="/api/public /api/private-scoped /api/admin"
DPOP_ROUTE=${DPOP_ROUTE-/api/dpop}
DPOP_PROOFS=${DPOP_PROOFS:-85000}
DPOP_WARMUP_PROOFS=3000
DPOP_SPARE=200 # proofs beyond the limit for the requests in flight when wrk stops
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
  # This script's own polling (startup timing) stays off the server's CPU too.
  [ -n "$WRK_CPUS" ] && taskset -p -c "$WRK_CPUS" $$ >/dev/null 2>&1 || true
fi
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# The apps get a HOME of their own (it must exist: ASP.NET Core data protection falls back to the working directory).
mkdir -p "$OUT/bin" "$OUT/logs" "$OUT/home"

# --- build --------------------------------------------------------------------------------------------------------
log "publishing the local issuer"
dotnet publish "$ROOT/benchmarks/LocalIssuer/LocalIssuer.csproj" -c Release -o "$OUT/bin/issuer" -nologo -v q >"$OUT/logs/publish-issuer.log" 2>&1 \
  || { cat "$OUT/logs/publish-issuer.log" >&2; echo "the local issuer does not build" >&2; exit 1; }

declare -A AOT_WARNINGS=() AOT_SIZE=() BUILT=()
publish_modes() { # the modes an app needs: the measured ones, and the warm-up ones for the quickstart
  local modes="$MODES"
  if [ "$1" = quickstart ]; then
    for m in $WARMUP_MODES; do [[ " $modes " == *" $m "* ]] || modes="$modes $m"; done
    [ "$STARTS" -gt 0 ] && [[ " $modes " != *" aot "* ]] && modes="$modes aot"
  fi
  echo "$modes"
}
for app in $APPS; do
  for mode in $(publish_modes "$app"); do
    logfile="$OUT/logs/publish-$app-$mode.log"
    if [ "$PUBLISH" = 0 ]; then
      if [ "$mode" != aot ] && [ -f "$OUT/bin/$mode/$app/${ASSEMBLY[$app]}.dll" ]; then BUILT[$app-$mode]=1; fi
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
    elif [ "$mode" = r2r ]; then
      # ReadyToRun: precompiled code for startup, tiered compilation (and PGO) still rejit hot methods.
      args=(-c Release -p:PublishAot=false -p:PublishReadyToRun=true -r linux-x64 --self-contained false -o "$OUT/bin/r2r/$app")
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
DPOP_TOKEN=$(cat "$OUT/issuer/dpop-token.txt")
LOAD_START=$(loadavg) # once everything is built: the load the measurements start under

# --- measure ------------------------------------------------------------------------------------------------------
to_ms() { # wrk latency (e.g. 812.00us, 1.20ms, 1.01s) -> milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}

status_of() { # status_of <port> <route>
  curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$1$2" || true
}

proofs() { # proofs <url> <count> <file>: fresh DPoP proofs for GET <url> and the bound token, made by the local issuer's key
  "${WRK_PIN[@]}" dotnet "$OUT/bin/issuer/LocalIssuer.dll" proofs "$OUT/issuer" "$1" "$2" "$3"
}

dpop_status_of() { # dpop_status_of <port> <route>: one request with the bound token and a proof of its own
  proofs "http://127.0.0.1:$1$2" 1 "$OUT/proofs-check.txt" || { echo 000; return; }
  curl -s -o /dev/null -w '%{http_code}' -H "Authorization: DPoP $DPOP_TOKEN" -H "DPoP: $(cat "$OUT/proofs-check.txt")" "http://127.0.0.1:$1$2" || true
}

# start_app <app> <mode> <log name>: starts it from its publish folder (its appsettings.json applies), pinned as APP_PIN
# says (the server's CPUs unless a caller changes it); sets pid, port, start.
APP_PIN=("${SERVER_PIN[@]}")
start_app() {
  local app=$1 mode=$2 dir="$OUT/bin/$2/$1" cmd
  port=${PORT[$app]}
  if [ "$mode" = aot ]; then cmd=("./${ASSEMBLY[$app]}"); else cmd=(dotnet "${ASSEMBLY[$app]}.dll"); fi
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    problem "port $port is already in use: $app ($mode) not measured (set ${app^^}_PORT)"
    return 1
  fi
  start=$(date +%s%N)
  (cd "$dir" && ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Production \
    AUTH0_DOMAIN="127.0.0.1:$ISSUER_PORT" AUTH0_AUDIENCE="$AUDIENCE" SSL_CERT_FILE="$OUT/issuer/ca.pem" HOME="$OUT/home" \
    exec env $APP_ENV "${APP_PIN[@]}" "${cmd[@]}") >"$OUT/logs/$3.log" 2>&1 &
  pid=$!
  STARTED+=("$pid")
}

# cpu_ms <pid>: the CPU time the process has used so far, all threads (ms; /proc/<pid>/task/*/schedstat, first field in ns).
# Unlike wall time, other processes on the machine barely change it.
cpu_ms() { cat /proc/"$1"/task/*/schedstat 2>/dev/null | awk '{ s += $1 } END { printf "%.0f", s / 1e6 }'; }

# wait_startup: sets listening_ms (first TCP connect), first_ms (first 200 on the protected route with the token) and
# first_cpu_ms (the app's CPU time at that moment), or "-".
wait_startup() {
  local code=000 now
  listening_ms="-"; first_ms="-"; first_cpu_ms="-"
  while :; do
    now=$(date +%s%N)
    if [ "$listening_ms" = "-" ] && (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then listening_ms=$(( (now - start) / 1000000 )); fi
    if [ "$listening_ms" != "-" ]; then
      code=$(status_of "$port" "$PROTECTED")
      if [ "$code" = 200 ]; then first_ms=$(( ($(date +%s%N) - start) / 1000000 )); first_cpu_ms=$(cpu_ms "$pid"); return 0; fi
      [ "$code" = 404 ] && return 1
    fi
    kill -0 "$pid" 2>/dev/null || return 1
    [ $(( (now - start) / 1000000000 )) -ge "$FIRST_RESPONSE_TIMEOUT" ] && return 1
  done
}

stop_app() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }

for mode in $MODES; do
  for app in $APPS; do
    [ -n "${BUILT[$app-$mode]:-}" ] || continue
    log "$app ($mode) on http://127.0.0.1:${PORT[$app]} (load average $(loadavg))"
    start_app "$app" "$mode" "$app-$mode" || continue

    # Start to listening (first TCP connect) and start to first authorized response (first 200 on the protected route:
    # startup, discovery + JWKS fetch and the first validation); resolution a few ms (one curl per try).
    if ! wait_startup; then
      problem "$app ($mode): $PROTECTED never answered 200 with the token within ${FIRST_RESPONSE_TIMEOUT}s (or the app exited): see $OUT/logs/$app-$mode.log"
    fi
    RESULT[$app-$mode-listening]=$listening_ms
    RESULT[$app-$mode-first]=$first_ms

    if kill -0 "$pid" 2>/dev/null; then
      routes=$ROUTES
      [ "$app" = quickstart ] && [ -n "$DPOP_ROUTE" ] && routes="$routes $DPOP_ROUTE"
      for route in $routes; do
        url="http://127.0.0.1:$port$route"
        if [ "$route" = "$DPOP_ROUTE" ]; then code=$(dpop_status_of "$port" "$route"); else code=$(status_of "$port" "$route"); fi
        if [ "$code" != 200 ]; then
          problem "$app ($mode) $route answers $code with the token: not measured"
          continue
        fi
        if [ "$route" = "$DPOP_ROUTE" ]; then
          # A proof per request (a replayed proof is refused): made now, used once, the run stops when they are used up.
          proofs "$url" $((DPOP_WARMUP_PROOFS + DPOP_SPARE)) "$OUT/proofs-warmup.txt" && proofs "$url" $((DPOP_PROOFS + DPOP_SPARE)) "$OUT/proofs-run.txt" \
            || { problem "$app ($mode) $route: the local issuer made no proofs"; continue; }
          "${WRK_PIN[@]}" wrk -d"$WARMUP" -t"$THREADS" -c"$CONNECTIONS" -s "$ROOT/benchmarks/load/dpop.lua" "$url" -- "$DPOP_TOKEN" "$OUT/proofs-warmup.txt" "$DPOP_WARMUP_PROOFS" >/dev/null
          RESULT[$app-$mode-$route-load]=$(loadavg | cut -d' ' -f1)
          report=$("${WRK_PIN[@]}" wrk -d"$DURATION" -t"$THREADS" -c"$CONNECTIONS" --latency -s "$ROOT/benchmarks/load/dpop.lua" "$url" -- "$DPOP_TOKEN" "$OUT/proofs-run.txt" "$DPOP_PROOFS")
        else
          wrkargs=(-t"$THREADS" -c"$CONNECTIONS" --latency -H "Authorization: Bearer $TOKEN" "$url")
          "${WRK_PIN[@]}" wrk -d"$WARMUP" "${wrkargs[@]}" >/dev/null
          RESULT[$app-$mode-$route-load]=$(loadavg | cut -d' ' -f1)
          report=$("${WRK_PIN[@]}" wrk -d"$DURATION" "${wrkargs[@]}")
        fi
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
    stop_app
  done
done

# --- AOT startup and RSS: STARTS cold starts of the AOT quickstart, each with RSS_LOAD of load on the protected route ---
declare -a STARTUP_LISTEN=() STARTUP_FIRST=() STARTUP_CPU=() STARTUP_RSS=() ALLCPU_LISTEN=() ALLCPU_FIRST=() ALLCPU_CPU=()
if [ "$STARTS" -gt 0 ] && [ -n "${BUILT[quickstart-aot]:-}" ]; then
  for i in $(seq 1 "$STARTS"); do
    log "AOT quickstart start $i/$STARTS (load average $(loadavg))"
    start_app quickstart aot "quickstart-aot-start-$i" || break
    if wait_startup; then
      STARTUP_LISTEN+=("$listening_ms"); STARTUP_FIRST+=("$first_ms"); STARTUP_CPU+=("$first_cpu_ms")
      "${WRK_PIN[@]}" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$RSS_LOAD" -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$port$PROTECTED" >"$OUT/logs/wrk-rss-$i.txt"
      STARTUP_RSS+=("$(awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$pid/status")")
    else
      problem "AOT quickstart start $i: no authorized 200 (see $OUT/logs/quickstart-aot-start-$i.log)"
    fi
    stop_app
  done
  # The same binary on every CPU (the key fetch on the thread pool can overlap host start): timing only, no load.
  if [ "$STARTUP_ALL_CPUS" = 1 ]; then
    APP_PIN=()
    for i in $(seq 1 "$STARTS"); do
      log "AOT quickstart start $i/$STARTS on every CPU (load average $(loadavg))"
      start_app quickstart aot "quickstart-aot-allcpus-$i" || break
      if wait_startup; then
        ALLCPU_LISTEN+=("$listening_ms"); ALLCPU_FIRST+=("$first_ms"); ALLCPU_CPU+=("$first_cpu_ms")
      else
        problem "AOT quickstart start $i on every CPU: no authorized 200 (see $OUT/logs/quickstart-aot-allcpus-$i.log)"
      fi
      stop_app
    done
    APP_PIN=("${SERVER_PIN[@]}")
  fi
fi

# --- JIT warm-up: the quickstart started cold, the first FIRST_SECONDS of load on the protected route, per mode -------
for mode in $WARMUP_MODES; do
  [ -n "${BUILT[quickstart-$mode]:-}" ] || continue
  log "quickstart ($mode) cold: first $FIRST_SECONDS of load (load average $(loadavg))"
  start_app quickstart "$mode" "quickstart-$mode-cold" || continue
  if wait_startup; then
    RESULT[cold-$mode-first]=$first_ms
    report=$("${WRK_PIN[@]}" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$FIRST_SECONDS" --latency -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$port$PROTECTED")
    echo "$report" >"$OUT/logs/wrk-cold-$mode.txt"
    RESULT[cold-$mode-rps]=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$report")
    RESULT[cold-$mode-p99]=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$report")")
  else
    problem "quickstart ($mode) cold start: no authorized 200"
  fi
  stop_app
done

# --- report -------------------------------------------------------------------------------------------------------
get() { echo "${RESULT[$1]:--}"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-" || b == 0) print "-"; else printf "%.2fx", a / b }'; }
{
  echo "## Load test $(date -u +'%Y-%m-%d %H:%M UTC') on $(hostname): $CPUS CPUs ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
  echo
  echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION (after a $WARMUP warm-up), server pinned to CPUs '${SERVER_CPUS:-all}', wrk and the script to '${WRK_CPUS:-all}', one token on every route (public included); both apps with their appsettings.json (the \`dotnet new web\` log levels); app environment '${APP_ENV:-(default)}'."
  echo "Load average (1, 5, 15 min): when the measurements started $LOAD_START; at the end $(loadavg). Other processes on this machine share the CPUs: compare ratios within this run."
  echo
  echo "| mode | app | route | req/s | p50 ms | p99 ms | load avg before |"
  echo "|---|---|---|---:|---:|---:|---:|"
  for mode in $MODES; do for app in $APPS; do
    routes=$ROUTES
    [ "$app" = quickstart ] && [ -n "$DPOP_ROUTE" ] && routes="$routes $DPOP_ROUTE"
    for route in $routes; do
      echo "| $mode | $app | $route | $(get "$app-$mode-$route-rps") | $(get "$app-$mode-$route-p50") | $(get "$app-$mode-$route-p99") | $(get "$app-$mode-$route-load") |"
    done
  done; done
  echo
  echo "| mode | app | start to listening ms | start to first authorized response ms | peak RSS MB (VmHWM) | RSS after load MB | binary MB | AOT warnings |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|"
  for mode in $MODES; do for app in $APPS; do
    size="-"; warn="-"
    if [ "$mode" = aot ] && [ -n "${AOT_SIZE[$app]:-}" ]; then size=$(awk -v b="${AOT_SIZE[$app]}" 'BEGIN { printf "%.1f", b / 1048576 }'); warn=${AOT_WARNINGS[$app]}; fi
    echo "| $mode | $app | $(get "$app-$mode-listening") | $(get "$app-$mode-first") | $(get "$app-$mode-hwm") | $(get "$app-$mode-rss") | $size | $warn |"
  done; done
  echo
  verdict() { awk -v r="$1" -v t="$2" 'BEGIN { if (r == "-") print "not measured"; else { sub(/x$/, "", r); print (r + 0 >= t) ? "meets" : "BELOW" } }'; }
  echo "Ratios on the protected route $PROTECTED (issue 13 targets: protected/public >= 0.90, protected/stock >= 2.00):"
  for mode in $MODES; do
    pp=$(ratio "$(get "quickstart-$mode-$PROTECTED-rps")" "$(get "quickstart-$mode-/api/public-rps")")
    ps=$(ratio "$(get "quickstart-$mode-$PROTECTED-rps")" "$(get "stock-$mode-$PROTECTED-rps")")
    echo "- $mode: protected/public = $pp ($(verdict "$pp" 0.9)); protected/stock = $ps ($(verdict "$ps" 2.0)); claim route /api/admin quickstart/stock = $(ratio "$(get "quickstart-$mode-/api/admin-rps")" "$(get "stock-$mode-/api/admin-rps")")"
    if [ -n "$DPOP_ROUTE" ]; then
      echo "  DPoP route $DPOP_ROUTE (bound token, a fresh proof per request) / bearer route $PROTECTED = $(ratio "$(get "quickstart-$mode-$DPOP_ROUTE-rps")" "$(get "quickstart-$mode-$PROTECTED-rps")")"
    fi
  done
  if [ ${#STARTUP_FIRST[@]} -gt 0 ]; then
    stats() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%s / %s / %s", v[1], m, v[NR] }'; }
    echo
    echo "AOT quickstart over ${#STARTUP_FIRST[@]} cold starts, min / median / max (targets: first authorized response < 100 ms, RSS after $RSS_LOAD of load < 40 MB):"
    echo "- start to listening: $(stats "${STARTUP_LISTEN[@]}") ms"
    echo "- start to first authorized response: $(stats "${STARTUP_FIRST[@]}") ms (CPU time used by then: $(stats "${STARTUP_CPU[@]}") ms)"
    echo "- RSS after $RSS_LOAD of load on $PROTECTED: $(stats "${STARTUP_RSS[@]}") MB"
    if [ ${#ALLCPU_FIRST[@]} -gt 0 ]; then
      echo "- on every CPU (not pinned), ${#ALLCPU_FIRST[@]} starts: listening $(stats "${ALLCPU_LISTEN[@]}") ms, first authorized response $(stats "${ALLCPU_FIRST[@]}") ms (CPU time $(stats "${ALLCPU_CPU[@]}") ms)"
    fi
  fi
  if [ -n "$WARMUP_MODES" ]; then
    echo
    echo "Warm-up: the quickstart started cold, the first $FIRST_SECONDS of load on $PROTECTED (no warm-up run):"
    echo
    echo "| mode | first authorized response ms | req/s in the first $FIRST_SECONDS | p99 ms |"
    echo "|---|---:|---:|---:|"
    for mode in $WARMUP_MODES; do echo "| $mode | $(get "cold-$mode-first") | $(get "cold-$mode-rps") | $(get "cold-$mode-p99") |"; done
  fi
  if [ ${#PROBLEMS[@]} -gt 0 ]; then
    echo
    echo "Problems (${#PROBLEMS[@]}):"
    for p in "${PROBLEMS[@]}"; do echo "- $p"; done
  fi
} | tee "$OUT/results.md"

[ ${#PROBLEMS[@]} -eq 0 ]
