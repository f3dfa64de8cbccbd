#!/usr/bin/env bash
# `make demo`: the five-minute tour, scripted, on the embedded environment of `make run`.
#
#   1. GitOps guard: apply a sample AppProject, Application and the Deployment it tracks; a developer's
#      `kubectl scale` is refused with a message naming the Application, repo and path to change instead.
#   2. Canary: a Rollout goes 10 -> 30 -> 50 -> 100 while a Prometheus error-rate gate passes (the demo application's
#      metrics are healthy), watched through the kubectl plugin.
#   3. Bad version: the demo application now fails half of the canary's requests; the gate fails and the Rollout
#      aborts back to 100% stable on its own.
#   4. Blue-green: a new version comes up behind the preview Service, waits for `kubectl tollgate promote`, then the
#      active Service switches to it at once and the old pods go after the scale-down delay.
#
# Uses the environment `make run` started (found through $TOLLGATE_RUN_DIR/env, default .run/env); if none is running,
# starts one and stops it at the end. Exits 0 only if every expectation held, so it is also a test.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
run_dir=${TOLLGATE_RUN_DIR:-$root/.run}
timeout_seconds=${TOLLGATE_DEMO_TIMEOUT:-300}
namespace=rollouts-demo
checks=0
local_pid=""

if [ -t 1 ]; then bold=$'\033[1m' green=$'\033[32m' red=$'\033[31m' plain=$'\033[0m'; else bold="" green="" red="" plain=""; fi
chapter() { printf '\n%s==> %s%s\n' "$bold" "$*" "$plain"; }
say() { printf '    %s\n' "$*"; }
run() { printf '%s$ %s%s\n' "$bold" "$*" "$plain"; "$@"; }
held() { checks=$((checks + 1)); printf '%s  ✔ %s%s\n' "$green" "$*" "$plain"; }
fail() {
  printf '%s  ✖ %s%s\n' "$red" "$*" "$plain"
  if [ -d "$run_dir/logs" ]; then
    for log in "$run_dir"/logs/rollouts.log "$run_dir"/logs/webhooks.log; do
      [ -f "$log" ] && { printf '\n--- last lines of %s\n' "$log"; tail -n 30 "$log"; }
    done
  fi
  printf '\nmake demo: FAILED after %d expectations held\n' "$checks"
  exit 1
}

# Polls `condition` (a shell function) once a second until it holds or `seconds` pass.
eventually() {
  local seconds=$1 condition=$2 deadline=$((SECONDS + $1))
  until "$condition"; do
    [ $SECONDS -lt "$deadline" ] || return 1
    sleep 1
  done
}

stop_environment() {
  if [ -n "$local_pid" ] && kill -0 "$local_pid" 2>/dev/null; then
    say "stopping the environment this demo started"
    kill -TERM "$local_pid" 2>/dev/null || true
    wait "$local_pid" 2>/dev/null || true
  fi
}
trap stop_environment EXIT
trap 'exit 130' INT TERM

environment_alive() {
  [ -f "$run_dir/env" ] || return 1
  local kubeconfig
  kubeconfig=$(sed -n 's/^KUBECONFIG=//p' "$run_dir/env")
  "$run_dir/bin/kubectl" --kubeconfig "$kubeconfig" get --raw /readyz >/dev/null 2>&1
}

chapter "Environment"
if environment_alive; then
  say "using the environment of the running \`make run\` ($run_dir/env)"
else
  say "no \`make run\` is running: starting one for this demo (its log: $run_dir/make-run.log)"
  bin=$(bash hack/bootstrap.sh | tail -n 1)
  mkdir -p "$run_dir"
  TOLLGATE_KUBE_BIN="$bin" dotnet tools/LocalRun/bin/Debug/net10.0/tollgate-local.dll --run-dir "$run_dir" >"$run_dir/make-run.log" 2>&1 &
  local_pid=$!
  started() {
    kill -0 "$local_pid" 2>/dev/null || { tail -n 40 "$run_dir/make-run.log"; fail "make run exited before it was ready"; }
    grep -q '^Ready: export KUBECONFIG=' "$run_dir/make-run.log" && environment_alive
  }
  eventually "$timeout_seconds" started || fail "the environment was not ready within ${timeout_seconds}s (see $run_dir/make-run.log)"
fi
set -a
# shellcheck disable=SC1091
source "$run_dir/env"
set +a
export PATH="$run_dir/bin:$PATH"
held "control plane, Prometheus and both controllers are up (KUBECONFIG=$KUBECONFIG)"

chapter "1. The GitOps guard"
say "The platform team applies an AppProject, an Application and the Deployment Argo CD would sync from Git."
run kubectl apply -k config/samples/webhooks
as_developer=(kubectl --kubeconfig "$DEVELOPER_KUBECONFIG")
# The webhooks answer from informer caches; a server-side dry run gets the same answer and changes nothing.
guarded() { ! "${as_developer[@]}" scale deployment web-app -n production --replicas=10 --dry-run=server >/dev/null 2>&1; }
eventually 30 guarded || fail "the webhooks never started guarding deployment/web-app"

say "A developer (alice, group dev-team, allowed to edit by Kubernetes RBAC) scales the tracked Deployment by hand:"
printf '%s$ kubectl --kubeconfig %s scale deployment web-app -n production --replicas=10%s\n' "$bold" "$DEVELOPER_KUBECONFIG" "$plain"
if refusal=$("${as_developer[@]}" scale deployment web-app -n production --replicas=10 2>&1); then
  fail "kubectl scale by a developer was accepted: $refusal"
fi
printf '%s\n' "$refusal" | sed 's/^/    /'
for part in "Application web-app" "https://github.com/myorg/k8s-manifests" "apps/web-app"; do
  [[ $refusal == *"$part"* ]] || fail "the refusal does not mention \"$part\""
done
held "kubectl scale refused, naming the Application, the repo and the path to change instead"
replicas=$(kubectl get deployment web-app -n production -o jsonpath='{.spec.replicas}')
[ "$replicas" = 5 ] || fail "deployment/web-app has $replicas replicas, expected Git's 5"
held "deployment/web-app still has the 5 replicas Git says"

chapter "2. A canary that passes its Prometheus gate"
printf 'stable 0.0\ncanary 0.0\n' >"$DEMO_RATES"
say "The demo application reports 0% errors for both versions (scraped by Prometheus at $PROMETHEUS_URL)."
if kubectl get namespace "$namespace" >/dev/null 2>&1; then
  say "removing the previous demo run's namespace"
  kubectl delete namespace "$namespace" --wait=true --timeout=120s >/dev/null
fi
run kubectl apply -k config/samples/rollouts

rollout_field() { kubectl get rollout web-app -n "$namespace" -o jsonpath="{$1}"; }
ready_on() { kubectl get replicaset -n "$namespace" -l "rollouts-pod-template-hash=$1" -o jsonpath='{.items[0].status.readyReplicas}'; }
healthy() { [ "$(rollout_field .status.phase)" = Healthy ] && [ "$(rollout_field .status.stableRS)" = "$(rollout_field .status.currentPodHash)" ] \
  && [ "$(ready_on "$(rollout_field .status.stableRS)")" = 10 ]; }
eventually 120 healthy || fail "the first revision never became Healthy with 10 ready pods"
first=$(rollout_field .status.stableRS)
held "first revision (myapp:v1.0) is stable with 10 ready pods: a first deploy skips the steps"

# Has Prometheus scraped the demo application long enough for the gate's 20 s rate window?
error_rate() {
  curl -fsS "$PROMETHEUS_URL/api/v1/query" \
    --data-urlencode 'query=sum(rate(demo_requests_total{version="canary",code=~"5.."}[20s])) / sum(rate(demo_requests_total{version="canary"}[20s]))' |
    sed -n 's/.*"value":\[[^,]*,"\([^"]*\)"\].*/\1/p'
}
has_data() { [ -n "$(error_rate)" ]; }
eventually 60 has_data || fail "Prometheus has no demo_requests_total samples"

# Follows the rollout through the plugin's view, one line per change, until `done` holds; remembers each weight change.
# The view is polled once a second, so it shows what a person watching sees; the check of the weights' order reads a
# watch of the Rollout's step instead (steps_watched): the 100% step lasts well under a second, and a poll on a loaded
# machine misses it.
weights_seen=""
follow() {
  local done=$1 last="" last_weight="" deadline=$((SECONDS + timeout_seconds)) view status step weight canary stable line
  while :; do
    view=$(kubectl tollgate get rollout web-app -n "$namespace")
    status=$(awk '/^Status:/ {print $3}' <<<"$view")
    step=$(awk '/^  Step:/ {print $2}' <<<"$view")
    weight=$(awk '/^  SetWeight:/ {print $2}' <<<"$view")
    canary=$(awk '$2 == "canary" {print $5 "/" $3}' <<<"$view")
    stable=$(awk '$2 == "stable" {print $5 "/" $3}' <<<"$view")
    line="$(printf '%-12s step %-5s weight %3s%%   canary ready %-6s stable ready %s' "$status" "$step" "$weight" "${canary:--}" "${stable:--}")"
    if [ "$line" != "$last" ]; then
      printf '    %(%H:%M:%S)T  %s\n' -1 "$line"
      last=$line
      [ "$weight" = "$last_weight" ] || weights_seen="$weights_seen $weight"
      last_weight=$weight
    fi
    "$done" && return 0
    [ $SECONDS -lt "$deadline" ] || return 1
    sleep 1
  done
}

# Sets the Rollout's image and waits until the controller works on the new revision, whose hash lands in $revision.
release() {
  local image=$1 previous
  previous=$(rollout_field .status.currentPodHash)
  run kubectl patch rollout web-app -n "$namespace" --type json \
    -p "[{\"op\": \"replace\", \"path\": \"/spec/template/spec/containers/0/image\", \"value\": \"$image\"}]"
  picked_up() { [ "$(rollout_field .status.currentPodHash)" != "$previous" ]; }
  eventually 30 picked_up || fail "the controller did not pick up $image"
  revision=$(rollout_field .status.currentPodHash)
}
gate_of() { kubectl get analysisrun -n "$namespace" -l "rollouts-pod-template-hash=$1" -o jsonpath='{.items[0].status.phase}'; }
scaled_to_zero() { [ "$(ready_on "$1")" = "" ] || [ "$(ready_on "$1")" = 0 ]; }

# Every currentStepIndex the API server stores, in order, from a kubectl watch started before the change; printed as
# the weight each step stands at (the last setWeight before it, as the controller counts it).
steps_file=$(mktemp)
kubectl get rollout web-app -n "$namespace" -w -o jsonpath='{.status.currentStepIndex}{"\n"}' >"$steps_file" 2>/dev/null &
steps_watch=$!
steps_watched() {
  local step_weights index weight last="" seen="" k
  IFS=, read -r -a step_weights <<<"$(kubectl get rollout web-app -n "$namespace" -o jsonpath='{range .spec.strategy.canary.steps[*]}{.setWeight}{","}{end}')"
  while read -r index; do
    [ -n "$index" ] || continue
    weight=0
    for ((k = 0; k < index && k < ${#step_weights[@]}; k++)); do [ -z "${step_weights[k]}" ] || weight=${step_weights[k]}; done
    [ "$weight" = "$last" ] || seen="$seen $weight"
    last=$weight
  done <"$steps_file"
  echo "$seen"
}

say "Git now says myapp:v2.0 (Argo CD would apply it; here the admin patches the Rollout the same way):"
release myapp:v2.0
second=$revision
promoted() { healthy && [ "$(rollout_field .status.stableRS)" = "$second" ]; }
say "watching with: kubectl tollgate get rollout web-app -n $namespace"
follow promoted || fail "v2.0 did not become stable within ${timeout_seconds}s (weights seen:$weights_seen)"
kill "$steps_watch" 2>/dev/null || true
wait "$steps_watch" 2>/dev/null || true
weights_stored=$(steps_watched)
[[ "$(tr ' ' , <<<"${weights_stored# }")" =~ (^|,)10,30,50,100(,|$) ]] || fail "weights stored were$weights_stored, expected 10 30 50 100 in that order (the view polled:$weights_seen)"
held "the canary went 10 -> 30 -> 50 -> 100 (weights the API server stored:$weights_stored; the view polled once a second:$weights_seen)"
gate=$(gate_of "$second")
[ "$gate" = Successful ] || fail "the error-rate AnalysisRun of v2.0 is '$gate', expected Successful"
held "the error-rate AnalysisRun passed"
scaled_to_zero "$first" || fail "v1.0 still has ready pods"
held "myapp:v2.0 is stable with 10 ready pods; v1.0 is scaled to 0"
run kubectl tollgate get rollout web-app -n "$namespace"

chapter "3. A bad version: the gate fails and the Rollout aborts by itself"
printf 'stable 0.0\ncanary 0.5\n' >"$DEMO_RATES"
say "The demo application now fails 50% of the canary's requests; waiting until Prometheus sees it:"
sick() { awk -v r="$(error_rate)" 'BEGIN { exit !(r != "" && r > 0.4) }'; }
eventually 90 sick || fail "Prometheus never measured the canary's errors (last: $(error_rate))"
say "canary error rate measured by Prometheus: $(error_rate)"
release myapp:v3.0
third=$revision
aborted() { [ "$(rollout_field .status.abort)" = true ] && [ "$(rollout_field .status.phase)" = Degraded ] \
  && [ "$(ready_on "$second")" = 10 ] && scaled_to_zero "$third"; }
weights_seen=""
follow aborted || fail "v3.0 was not aborted within ${timeout_seconds}s"
gate=$(gate_of "$third")
[ "$gate" = Failed ] || fail "the error-rate AnalysisRun of v3.0 is '$gate', expected Failed"
held "the error-rate AnalysisRun failed"
message=$(rollout_field .status.message)
[[ $message == *error-rate* ]] || fail "the Rollout's message '$message' does not name the failed metric"
held "the Rollout aborted by itself: $message"
[ "$(rollout_field .status.stableRS)" = "$second" ] || fail "the stable revision changed"
held "myapp:v2.0 serves 100% again with 10 ready pods; v3.0's canary is scaled to 0"
run kubectl tollgate get rollout web-app -n "$namespace"

chapter "4. Blue-green: preview, promote, switch"
bg_namespace=bluegreen-demo
if kubectl get namespace "$bg_namespace" >/dev/null 2>&1; then
  say "removing the previous demo run's namespace"
  kubectl delete namespace "$bg_namespace" --wait=true --timeout=120s >/dev/null
fi
run kubectl apply -k config/samples/bluegreen
shop_field() { kubectl get rollout shop -n "$bg_namespace" -o jsonpath="{$1}"; }
selects() { kubectl get service "$1" -n "$bg_namespace" -o jsonpath='{.spec.selector.rollouts-pod-template-hash}'; }
shop_replicas() { kubectl get replicaset "shop-$1" -n "$bg_namespace" -o jsonpath="{$2}"; }
shop_healthy() { [ "$(shop_field .status.phase)" = Healthy ] && [ -n "$(selects shop-active)" ] && [ "$(selects shop-active)" = "$(shop_field .status.stableRS)" ]; }
eventually 120 shop_healthy || fail "the blue-green Rollout never became Healthy behind shop-active"
old_hash=$(shop_field .status.stableRS)
held "shop:v1.0 is active: shop-active and shop-preview select rollouts-pod-template-hash=$old_hash"

say "Git now says shop:v2.0:"
run kubectl patch rollout shop -n "$bg_namespace" --type json \
  -p '[{"op": "replace", "path": "/spec/template/spec/containers/0/image", "value": "shop:v2.0"}]'
shop_paused() { [ "$(shop_field .status.phase)" = Paused ] && [ "$(shop_field '.status.pauseConditions[0].reason')" = BlueGreenPause ]; }
eventually 120 shop_paused || fail "the blue-green Rollout did not pause for promotion"
new_hash=$(shop_field .status.currentPodHash)
[ "$(selects shop-preview)" = "$new_hash" ] || fail "shop-preview selects '$(selects shop-preview)', expected the new $new_hash"
[ "$(selects shop-active)" = "$old_hash" ] || fail "shop-active moved to '$(selects shop-active)' before the promote"
[ "$(shop_replicas "$new_hash" .status.readyReplicas)" = 3 ] || fail "the preview does not have 3 ready pods"
held "shop:v2.0 runs 3 ready pods behind shop-preview ($new_hash); shop-active still selects v1.0 ($old_hash); paused for a promote"
run kubectl tollgate get rollout shop -n "$bg_namespace"

run kubectl tollgate promote shop -n "$bg_namespace"
switched() { [ "$(shop_field .status.phase)" = Healthy ] && [ "$(shop_field .status.stableRS)" = "$new_hash" ] && [ "$(selects shop-active)" = "$new_hash" ]; }
eventually 60 switched || fail "shop-active did not switch to $new_hash after the promote"
held "promoted: shop-active switched to shop:v2.0 ($new_hash) at once"
blue_deadline() { shop_replicas "$old_hash" '.metadata.annotations.argo-rollouts\.argoproj\.io/scale-down-deadline'; }
kept() { [ -n "$(blue_deadline)" ] && [ "$(shop_replicas "$old_hash" .spec.replicas)" = 3 ]; }
eventually 30 kept || fail "v1.0 got no scale-down deadline"
deadline=$(blue_deadline)
held "v1.0 keeps its pods until its scale-down deadline $deadline (a quick way back)"
blue_gone() { [ "$(shop_replicas "$old_hash" .spec.replicas)" = 0 ]; }
eventually 90 blue_gone || fail "v1.0 was not scaled down after its deadline $deadline"
held "after the delay v1.0 is scaled to 0; shop:v2.0 serves alone"
run kubectl tollgate get rollout shop -n "$bg_namespace"

chapter "Done"
say "$checks expectations held."
if [ -z "$local_pid" ]; then
  say "Try more (with PATH=$run_dir/bin:\$PATH): heal the canary with 'echo canary 0.0 > $DEMO_RATES', then"
  say "  kubectl tollgate retry web-app -n $namespace && kubectl tollgate get rollout web-app -n $namespace --watch"
fi
printf 'make demo: every expectation held (%d)\n' "$checks"
