#!/usr/bin/env bash
# ParPlatform: ./build.sh run  — start the whole platform (Aspire AppHost, dashboard on :18888, gateway on :5080, web on :5090)
#              ./build.sh test — run every test against real PostgreSQL and RabbitMQ
#              ./build.sh bench [messaging|dossiers|reporting|plans|finance|staffing|web] — run the benchmarks in bench/, or one of them
#                (Release; figures in docs/performance.md)
#              ./build.sh bench apphost [PREVIOUS_CHECKOUT] [RUNS] — the AppHost's start, memory and stop against
#                a built checkout of the previous one (bench/apphost-startup.sh)
set -euo pipefail
cd "$(dirname "$0")"

CONFIGURATION=Debug

usage() {
  echo "usage: ./build.sh run [AppHost options, e.g. --Gateway:Port=5081 --DataDirectory=/srv/parplatform]"
  echo "       ./build.sh test"
  echo "       ./build.sh bench                 # every benchmark, default sizes"
  echo "       ./build.sh bench messaging [EVENTS]"
  echo "       ./build.sh bench dossiers [--intake=20000 --clients=32 --warmup=8000 --statistics-rows=100000"
  echo "                                  --statistics-calls=30 --import-rows=1000000 --per-dossier=5000]"
  echo "       ./build.sh bench reporting [--units=150 --per-unit=6667 --calls=30 --events=30000]"
  echo "       ./build.sh bench plans [--units=150 --tasks-per-unit=60 --table-tasks=1000 --imports=5 --calls=30]"
  echo "       ./build.sh bench finance [--units=150 --projects=3 --disbursements=8 --calls=30]"
  echo "       ./build.sh bench staffing [--units=150 --months=14 --calls=30]"
  echo "       ./build.sh bench web [--units=150 --per-unit=1000 --loads=10]"
  echo "       ./build.sh bench apphost [PREVIOUS_CHECKOUT=../parplatform-before] [RUNS=3]   # not part of every benchmark"
  exit 2
}

# Installs the machine packages the platform runs (PostgreSQL server binaries, RabbitMQ) and the browser its tests drive,
# or says which command to run when this is not root.
install_prerequisites() {
  if ! command -v dotnet >/dev/null; then
    echo "The .NET SDK 10 is required: https://dotnet.microsoft.com/download" >&2
    exit 1
  fi
  local missing=()
  if ! command -v initdb >/dev/null && ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
    missing+=(postgresql)
  fi
  if [ ! -x /usr/lib/rabbitmq/bin/rabbitmq-server ]; then
    missing+=(rabbitmq-server)
  fi
  # The web application's browser tests drive the machine's Chromium (Playwright, no browser download).
  if [ ! -x /usr/bin/chromium ]; then
    missing+=(chromium)
  fi
  if ! command -v setsid >/dev/null || ! command -v setpriv >/dev/null; then
    missing+=(util-linux)
  fi
  if [ ${#missing[@]} -eq 0 ]; then
    return
  fi
  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing ${missing[*]} ..."
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
  else
    echo "ParPlatform needs these packages: ${missing[*]}. Install them with:" >&2
    echo "  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
}

build() {
  dotnet restore ParPlatform.sln
  dotnet build ParPlatform.sln --no-restore -c "$CONFIGURATION"
}

case "${1:-}" in
  run)
    shift
    install_prerequisites
    build
    # Development (demo accounts, the password grant for scripts) unless the environment says otherwise.
    export DOTNET_ENVIRONMENT="${DOTNET_ENVIRONMENT:-Development}"
    if [ "$DOTNET_ENVIRONMENT" = Development ]; then
      echo "ParPlatform demo (Development): demo province, units and accounts with the README's public password."
      echo "An installation runs in Production: DOTNET_ENVIRONMENT=Production ./build.sh run (docs/operations.md, \"Production\")."
    else
      echo "ParPlatform in $DOTNET_ENVIRONMENT: no demo data; create the first administrator as docs/operations.md (\"Production\") says."
    fi
    exec dotnet "ParPlatform.AppHost/bin/$CONFIGURATION/net10.0/ParPlatform.AppHost.dll" "$@"
    ;;
  test)
    install_prerequisites
    build
    # One test project at a time: each starts its own servers, and the machine has two cores.
    # Each project's output is kept in TestResults/logs so that the summary at the end names what failed.
    logs=TestResults/logs
    rm -rf "$logs" && mkdir -p "$logs"
    status=0
    summary=()
    for project in tests/*/*.csproj; do
      name=$(basename "$project" .csproj)
      echo "=== $name"
      started=$SECONDS
      if dotnet test "$project" --no-build -c "$CONFIGURATION" --logger "console;verbosity=normal" 2>&1 | tee "$logs/$name.log"; then
        summary+=("passed  $name ($((SECONDS - started)) s)")
      else
        status=1
        summary+=("FAILED  $name ($((SECONDS - started)) s)")
      fi
    done
    echo "=== Summary"
    printf '%s\n' "${summary[@]}"
    if [ $status -ne 0 ]; then
      echo "=== Failed tests (full output in $logs)"
      grep -h -A 12 -E '^  Failed ParPlatform\.' "$logs"/*.log | cut -c1-300 || true
    fi
    exit $status
    ;;
  bench)
    shift
    target="${1:-all}"
    if [ $# -gt 0 ]; then shift; fi
    case "$target" in
      messaging | dossiers | reporting | plans | finance | staffing | web) ;;
      all) if [ $# -gt 0 ]; then usage; fi ;;
      apphost)
        install_prerequisites
        build
        exec bench/apphost-startup.sh "$@"
        ;;
      *) usage ;;
    esac
    install_prerequisites
    # One benchmark at a time: each starts its own servers, and the machine has two cores.
    status=0
    for bench in Messaging Dossiers Reporting Plans Finance Staffing Web; do
      name=$(echo "$bench" | tr '[:upper:]' '[:lower:]')
      if [ "$target" = all ] || [ "$target" = "$name" ]; then
        echo "=== ParPlatform.$bench.Bench"
        dotnet build "bench/ParPlatform.$bench.Bench" -c Release
        dotnet "bench/ParPlatform.$bench.Bench/bin/Release/net10.0/ParPlatform.$bench.Bench.dll" "$@" || status=1
      fi
    done
    exit $status
    ;;
  *)
    usage
    ;;
esac
