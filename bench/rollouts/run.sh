#!/usr/bin/env bash
# Runs the rollout controller benchmark on a fresh test control plane:
#   bench/rollouts/run.sh [ROLLOUTS=1000] [CHANGES=100] [BURST=1000]   (one size per command: 1000, 3000, 10000)
#   bench/rollouts/run.sh api                                        (API requests per canary and per no-op reconcile)
set -euo pipefail
cd "$(dirname "$0")/../.."
export TOLLGATE_KUBE_BIN="${TOLLGATE_KUBE_BIN:-$(bash hack/bootstrap.sh | tail -n 1)}"
dotnet build bench/rollouts -nologo -clp:ErrorsOnly -v q
dotnet bench/rollouts/bin/Debug/net10.0/tollgate-bench-rollouts.dll "$@"
