#!/usr/bin/env bash
# Runs the rollout controller benchmark on a fresh test control plane: bench/rollouts/run.sh [ROLLOUTS] [CHANGES]
set -euo pipefail
cd "$(dirname "$0")/../.."
export TOLLGATE_KUBE_BIN="${TOLLGATE_KUBE_BIN:-$(bash hack/bootstrap.sh | tail -n 1)}"
dotnet build bench/rollouts -nologo -clp:ErrorsOnly -v q
dotnet bench/rollouts/bin/Debug/net10.0/tollgate-bench-rollouts.dll "$@"
