#!/usr/bin/env bash
# Replays realistic AdmissionReviews over HTTPS against Tollgate's webhooks and against the no-op endpoint of the same
# server: latency (p50/p99) at a fixed rate with hey, and maximum throughput with wrk. Prints a Markdown table.
#
#   bench/admission/run.sh                 # starts its own control plane (the test one) for the caches
#   KUBECONFIG=... bench/admission/run.sh  # or uses an existing cluster (creates namespaces bench-production, bench-argocd)
#
# Knobs: RATE (total requests/s for the latency runs, default 2000), DURATION (default 20s), CONNECTIONS (default 64),
# TABLE (0 skips the review table), E2E (0 skips the end-to-end part: E2E_REQUESTS scale requests through the API server, webhook registered or not).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
RATE=${RATE:-2000}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-64}
PORT=${PORT:-9643}
WORK=$(mktemp -d /tmp/tollgate-bench-XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

KUBE_BIN=${TOLLGATE_KUBE_BIN:-$(bash hack/bootstrap.sh | tail -n 1)}
KUBECTL="$KUBE_BIN/kubectl"
dotnet build src/Webhooks/Tollgate.Webhooks.csproj -c Release -nologo -clp:ErrorsOnly -v q >/dev/null
[[ "${E2E:-1}" == 0 ]] || dotnet build bench/admission/EndToEnd -c Release -nologo -clp:ErrorsOnly -v q >/dev/null
if [[ -z "${KUBECONFIG:-}" ]]; then
  dotnet build tests/Testing/Tollgate.Testing.csproj -nologo -clp:ErrorsOnly -v q >/dev/null
  TOLLGATE_KUBE_BIN=$KUBE_BIN dotnet tests/Testing/bin/Debug/net10.0/tollgate-testing.dll cluster --dir "$WORK/cluster" >"$WORK/cluster.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 120); do grep -q "export KUBECONFIG" "$WORK/cluster.log" && break; sleep 1; done
  export KUBECONFIG=$WORK/cluster/admin.kubeconfig
  "$KUBECTL" apply -f config/crd/ >/dev/null 2>&1 || true
  "$KUBECTL" wait --for=condition=Established crd --all --timeout=60s >/dev/null
fi

PROD=bench-production
ARGO=bench-argocd
for ns in $PROD $ARGO; do
  "$KUBECTL" create namespace $ns --dry-run=client -o yaml | "$KUBECTL" apply -f - >/dev/null
  "$KUBECTL" label namespace $ns kubernetes.io/metadata.name=$ns --overwrite >/dev/null
done
sed -e "s/{{PROD}}/$PROD/g" -e "s/{{ARGO}}/$ARGO/g" bench/admission/fixtures.yaml | "$KUBECTL" apply -f - >/dev/null

# A serving certificate for 127.0.0.1; no ValidatingWebhookConfiguration is registered: the load tool is the caller.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 -subj /CN=tollgate-bench \
  -addext subjectAltName=IP:127.0.0.1 -keyout "$WORK/tls.key" -out "$WORK/tls.crt" 2>/dev/null
printf 'argocdNamespace: %s\n' $ARGO >"$WORK/settings.yaml"
dotnet src/Webhooks/bin/Release/net10.0/tollgate-webhooks.dll --cert-dir "$WORK" --port $PORT --settings "$WORK/settings.yaml" \
  >"$WORK/server.log" 2>&1 &
SERVER=$!
PIDS+=($SERVER)
for _ in $(seq 60); do [[ "$(curl -sk https://127.0.0.1:$PORT/readyz || true)" == ok ]] && break; sleep 1; done
[[ "$(curl -sk https://127.0.0.1:$PORT/readyz)" == ok ]] || { cat "$WORK/server.log"; exit 1; }

for review in bench/admission/reviews/*.json; do
  sed -e "s/{{PROD}}/$PROD/g" -e "s/{{ARGO}}/$ARGO/g" "$review" >"$WORK/$(basename "$review")"
done
# Sanity: every review gets the decision it is meant to get.
for review in "$WORK"/*.json; do
  printf '%-34s ' "$(basename "$review" .json)" >&2
  curl -sk -H 'Content-Type: application/json' --data-binary @"$review" "https://127.0.0.1:$PORT/validate/$(basename "$review" | cut -d- -f1)" \
    | grep -o '"allowed":[a-z]*' >&2
done

server_cpu_ticks() { awk '{print $14 + $15}' /proc/$SERVER/stat; } # user + system time, in clock ticks
fixed_rate() { # url body -> "p50_ms p99_ms achieved_rps server_cpu_us_per_request"
  local workers=20 before after
  before=$(server_cpu_ticks)
  hey -z "$DURATION" -c $workers -q $((RATE / workers)) -m POST -T application/json -D "$2" "$1" >"$WORK/hey.txt"
  after=$(server_cpu_ticks)
  # The server's own CPU time per answered request: what a review costs, whatever else runs on the machine.
  awk -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" '/Requests\/sec/ {rps=$2} /50% in/ {p50=$3*1000} /99% in/ {p99=$3*1000}
    /^ *\[[0-9]+\][ \t]+[0-9]+ responses/ {n+=$2}
    END {printf "%.2f %.2f %.0f %.1f\n", p50, p99, rps, n ? ticks / hz * 1e6 / n : 0}' "$WORK/hey.txt"
}
max_rate() { # url body -> requests/s
  cat >"$WORK/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = io.open("$2", "rb"); wrk.body = f:read("*a"); f:close()
LUA
  wrk -t2 -c"$CONNECTIONS" -d"${3:-$DURATION}" -s "$WORK/post.lua" "$1" | awk '/Requests\/sec/ {print $2}'
}

if [[ "${TABLE:-1}" != 0 ]]; then
  # Warm-up: tiered JIT compiles the hot paths after the first thousands of calls; measure the steady state.
  for review in "$WORK"/*.json; do
    webhook=$(basename "$review" | cut -d- -f1)
    max_rate "https://127.0.0.1:$PORT/validate/$webhook" "$review" 5s >/dev/null
    max_rate "https://127.0.0.1:$PORT/admission/noop" "$review" 5s >/dev/null
  done

  echo
  echo "| endpoint | review | p50 @ ${RATE}/s (ms) | p99 @ ${RATE}/s (ms) | achieved rps | server CPU per request @ ${RATE}/s (µs) | max throughput (rps, wrk -c$CONNECTIONS) |"
  echo "|---|---|---|---|---|---|---|"
  for review in "$WORK"/*.json; do
    name=$(basename "$review" .json)
    webhook=$(echo "$name" | cut -d- -f1)
    read -r p50 p99 rps cpu < <(fixed_rate "https://127.0.0.1:$PORT/validate/$webhook" "$review")
    max=$(max_rate "https://127.0.0.1:$PORT/validate/$webhook" "$review")
    echo "| /validate/$webhook | $name | $p50 | $p99 | $rps | $cpu | $max |"
    read -r p50 p99 rps cpu < <(fixed_rate "https://127.0.0.1:$PORT/admission/noop" "$review")
    max=$(max_rate "https://127.0.0.1:$PORT/admission/noop" "$review")
    echo "| /admission/noop | $name | $p50 | $p99 | $rps | $cpu | $max |"
  done
fi

if [[ "${E2E:-1}" != 0 ]]; then
  echo
  echo "End to end through the API server (bench/admission/EndToEnd), load average $(cut -d' ' -f1-3 /proc/loadavg):"
  echo
  TOLLGATE_USE_EXISTING_CLUSTER=true TOLLGATE_KUBE_BIN=$KUBE_BIN \
    dotnet bench/admission/EndToEnd/bin/Release/net10.0/tollgate-bench-admission-e2e.dll $PROD web-app "https://127.0.0.1:$PORT" "$WORK/tls.crt" "${E2E_REQUESTS:-1000}"
fi
