#!/usr/bin/env bash
# The AppHost against the previous one (the last commit before the move to Aspire, checked out and built
# beside this one), in the same run: time from start until the gateway's /health says every service is
# Healthy, the platform's memory and CPU time then (sums of RSS, PSS and CPU seconds), and time from SIGINT
# until none of its processes is left but an Erlang port mapper left behind (counted apart). See docs/performance.md.
#
# usage: bench/apphost-startup.sh [PREVIOUS_CHECKOUT] [RUNS]   (./build.sh bench apphost [PREVIOUS_CHECKOUT] [RUNS])
#   PREVIOUS_CHECKOUT  default ../parplatform-before; RUNS of each, alternating, default 3.
#
# Each run gives each AppHost a fresh data directory and starts it twice: "cold" (first start: initdb,
# RabbitMQ's first boot, the services' migrations and demo data) and "warm" (the same directory again, as
# every later `./build.sh run`). Both AppHosts run their services as Development (demo data), the new one
# with its dashboard, OTLP receiver and resource service on free ports.
#
# The platform's processes: the AppHost and its descendants, and processes re-parented to init that still
# belong to it — the orchestrator (DCP: `dcp start-apiserver --monitor <AppHost pid>` and all it starts:
# dashboard, servers, services, one `dcp monitor-process` per resource), and any process whose command line
# or environment names the run's data directory (PostgreSQL's -D, the Erlang port mapper RabbitMQ starts).
# RSS counts a page shared by several processes once per process; PSS (/proc/PID/smaps_rollup) divides it
# among them, so the PSS sum counts shared pages (runtime code, DCP's binary) once.
set -euo pipefail
set -m # each AppHost in a process group of its own, with the default SIGINT handling
root=$(cd "$(dirname "$0")/.." && pwd)
previous=${1:-$root/../parplatform-before}
runs=${2:-3}
settle=5 # seconds after healthy before memory is read (startup work settling)
apphost=ParPlatform.AppHost/bin/Debug/net10.0/ParPlatform.AppHost.dll

for checkout in "$previous" "$root"; do
  if [ ! -f "$checkout/$apphost" ]; then
    echo "$checkout/$apphost is missing. Build both first, e.g. for the previous AppHost:" >&2
    echo "  git worktree add ../parplatform-before <commit before the move> && (cd ../parplatform-before && dotnet build ParPlatform.sln)" >&2
    echo "  dotnet build ParPlatform.sln   # this checkout" >&2
    exit 2
  fi
done
previous=$(cd "$previous" && pwd)
work=$(mktemp -d /tmp/apphost-startup.XXXXXX)
chmod o+x "$work" # PostgreSQL runs as its own user and has to reach its data
current_pid=
current_data=

now() { echo "$EPOCHREALTIME"; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
over() { awk -v a="$1" -v b="$(now)" -v limit="$2" 'BEGIN { exit !(b - a > limit) }'; }

# Sets port to a TCP port nothing listens on, not among the ones already handed out this start.
taken=()
free_port() {
  while :; do
    port=$((20000 + RANDOM % 12000))
    if [[ " ${taken[*]} " != *" $port "* ]] && ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      taken+=("$port")
      return
    fi
  done
}

# The platform's processes (pid, then label, one a line): see the top of this file.
platform_processes() {
  local pid=$1 data=$2
  grep -lsF -- "$data" /proc/[0-9]*/environ | cut -d/ -f3 >"$work/environ-roots" || true
  ps -eo pid=,ppid=,stat=,args= | APP=$pid DATA=$data ROOTS="$work/environ-roots" awk '
    BEGIN { while ((getline p < ENVIRON["ROOTS"]) > 0) root[p] = 1 }
    $3 !~ /^Z/ {
      parent[$1] = $2
      args = $0; sub(/^ *[0-9]+ +[0-9]+ +[^ ]+ +/, "", args)
      if ($1 == ENVIRON["APP"] || index(args, ENVIRON["DATA"]) || index(args " ", "--monitor " ENVIRON["APP"] " ")) root[$1] = 1
      n = split(args, word, " "); sub(/.*\//, "", word[1]); sub(/.*\//, "", word[2])
      label[$1] = word[1] == "dotnet" ? word[2] : word[1] == "dcp" ? "dcp " word[2] : word[1] ~ /^postgres/ ? "postgres" : word[1]
    }
    END {
      for (p in parent)
        for (q = p; q in parent && q > 1; q = parent[q])
          if (q in root) { print p, label[p]; break }
    }'
}

# "RSS PSS CPU" of the processes on stdin: MB, MB, and the CPU seconds they (and the children they waited for)
# have used since they started; the same per label in $work/by-label.
usage() {
  local ticks
  ticks=$(getconf CLK_TCK)
  while read -r pid label; do
    { sed 's/.*) //' "/proc/$pid/stat" && cat "/proc/$pid/smaps_rollup"; } 2>/dev/null |
      awk -v label="$label" -v hz="$ticks" 'NR == 1 { cpu = ($12 + $13 + $14 + $15) / hz } /^Rss:/ { r = $2 } /^Pss:/ { p = $2 }
        END { if (r) print label "\t" r "\t" p "\t" cpu }' || true
  done | awk -F'\t' -v by="$work/by-label" '
    { n[$1]++; r[$1] += $2; p[$1] += $3; c[$1] += $4; rs += $2; ps += $3; cs += $4 }
    END {
      for (l in n) printf "%s\t%d\t%.0f\t%.0f\t%.1f\n", l, n[l], r[l] / 1024, p[l] / 1024, c[l] | "sort -t\"\t\" -k4 -nr > \"" by "\""
      printf "%.0f %.0f %.1f\n", rs / 1024, ps / 1024, cs
    }'
}

# Stops what is left of a start that failed: SIGINT to the AppHost, then SIGKILL to its processes, by pid.
stop_left_over() {
  if [ -n "$current_pid" ]; then
    kill -INT "$current_pid" 2>/dev/null || true
    sleep 20
    platform_processes "$current_pid" "$current_data" | while read -r pid _; do kill -KILL "$pid" 2>/dev/null || true; done
    wait "$current_pid" 2>/dev/null || true
  fi
  rm -rf "$work"/data-*
}
trap stop_left_over EXIT

# One start of one AppHost; appends "run AppHost start seconds-to-healthy RSS-MB PSS-MB seconds-to-stopped CPU-seconds
# processes-left-behind" to $results.
measure() {
  local run=$1 variant=$2 checkout=$3 data=$4 kind=$5
  local log="$work/$variant-$kind.log" gateway web dashboard otlp resources started healthy rss pss cpu stopped left
  taken=()
  free_port; gateway=$port
  free_port; web=$port
  free_port; dashboard=$port
  free_port; otlp=$port
  free_port; resources=$port
  started=$(now)
  if [ "$variant" = previous ]; then
    (cd "$checkout" && exec dotnet "$apphost" --DataDirectory="$data" --Gateway:Port="$gateway" --Web:Port="$web" --Dashboard:Port="$dashboard") >>"$log" 2>&1 &
  else
    (cd "$checkout" && DOTNET_ENVIRONMENT=Development ASPNETCORE_URLS="http://localhost:$dashboard" \
      ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL="http://localhost:$otlp" ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL="http://localhost:$resources" \
      exec dotnet "$apphost" --DataDirectory="$data" --Gateway:Port="$gateway" --Web:Port="$web") >>"$log" 2>&1 &
  fi
  current_pid=$!
  current_data=$data
  until curl -s --max-time 2 "http://localhost:$gateway/health" 2>/dev/null | grep -q '^{"status":"Healthy"'; do
    if ! kill -0 "$current_pid" 2>/dev/null || over "$started" 600; then
      echo "The $variant AppHost ($kind start) did not become healthy; its output: $log" >&2
      exit 1
    fi
    sleep 0.2
  done
  healthy=$(since "$started")
  sleep "$settle"
  read -r rss pss cpu < <(platform_processes "$current_pid" "$data" | usage)
  cp "$work/by-label" "$work/$variant-$kind.processes"
  started=$(now)
  kill -INT "$current_pid"
  while platform_processes "$current_pid" "$data" | grep -qv ' epmd$'; do
    if over "$started" 120; then
      echo "The $variant AppHost ($kind start) had processes left 120 s after SIGINT:" >&2
      platform_processes "$current_pid" "$data" >&2
      exit 1
    fi
    sleep 0.1
  done
  stopped=$(since "$started")
  # Left behind: an Erlang port mapper (epmd -daemon, with the node's environment) that RabbitMQ started while
  # stopping can outlive everything else; counted, then stopped here, by pid.
  sleep 1
  left=$(platform_processes "$current_pid" "$data" | awk '{ print $1 }')
  if [ -n "$left" ]; then
    echo "left behind by the $variant AppHost ($kind start), stopped now: $(platform_processes "$current_pid" "$data" | tr '\n' ' ')"
    kill $left 2>/dev/null || true
  fi
  echo "$run $variant $kind $healthy $rss $pss $stopped $cpu $(echo $left | wc -w)" >>"$results"
  wait "$current_pid" || true
  current_pid=
}

echo "AppHost start and stop: $previous (previous) against $root (new), $runs runs each, alternating"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
results="$work/results"
for run in $(seq 1 "$runs"); do
  for variant in previous new; do
    checkout=$previous
    [ "$variant" = new ] && checkout=$root
    data="$work/data-$variant-$run"
    for kind in cold warm; do
      echo "run $run, $variant AppHost, $kind start …"
      measure "$run" "$variant" "$checkout" "$data" "$kind"
    done
    rm -rf "$data"
  done
done

median() { sort -n | awk '{ v[NR] = $1 } END { print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
column_of() { awk -v v="$1" -v k="$2" -v c="$3" '$2 == v && $3 == k { print $c }' "$results" | median; }

echo
echo "| run | AppHost | start | until all healthy (s) | RSS sum (MB) | PSS sum (MB) | SIGINT until no process (s) | CPU until healthy + $settle s (s) | left behind |"
echo "|---|---|---|---|---|---|---|---|---|"
awk '{ printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9 }' "$results"
for kind in cold warm; do
  old=() new=()
  for c in 4 5 6 7 8; do
    old+=("$(column_of previous "$kind" "$c")")
    new+=("$(column_of new "$kind" "$c")")
  done
  echo "| median | previous | $kind | ${old[0]} | ${old[1]} | ${old[2]} | ${old[3]} | ${old[4]} | |"
  echo "| median | new | $kind | ${new[0]} | ${new[1]} | ${new[2]} | ${new[3]} | ${new[4]} | |"
  awk -v o="${old[*]}" -v n="${new[*]}" -v k="$kind" 'BEGIN {
    split(o, a, " "); split(n, b, " ")
    printf "| **new ÷ previous** | | %s | **%.2f** | **%.2f** | **%.2f** | **%.2f** | **%.2f** | |\n", k, b[1] / a[1], b[2] / a[2], b[3] / a[3], b[4] / a[4], b[5] / a[5] }'
done

for variant in previous new; do
  echo
  echo "The $variant AppHost's processes once healthy (last warm start), largest PSS first:"
  echo
  echo "| process | count | RSS (MB) | PSS (MB) | CPU since started (s) |"
  echo "|---|---|---|---|---|"
  awk -F'\t' '{ printf "| %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5 }' "$work/$variant-warm.processes"
done
echo
echo "The AppHosts' output: $work/*.log"
