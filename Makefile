# Tollgate: admission webhooks that keep GitOps in charge, and a canary Rollout controller with metric gates.
# `make test` and `make run` are the two commands a newcomer needs; the rest are for development.

SHELL := /bin/bash
.DEFAULT_GOAL := help

.PHONY: help
help: ## Show the targets.
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

.PHONY: bootstrap
bootstrap: ## Install Debian packages and build the v1.20.2 control plane once into ~/.cache/tollgate.
	@bash hack/bootstrap.sh >/dev/null

.PHONY: build
build: ## Build every project.
	dotnet build Controllers.sln -nologo

.PHONY: manifests
manifests: ## Regenerate config/crd from the C# entity types.
	dotnet run --project tools/Manifests -- crds config/crd

.PHONY: test
test: ## Install what is missing, then run every test against a real control plane.
	@bash hack/test.sh

.PHONY: chaos
chaos: bootstrap ## The long reliability runs (100,000 hostile reviews, 45 controller kills, control plane restarts...) and their table of figures.
	@dotnet build tests/Reliability.Tests -nologo -clp:ErrorsOnly -v q
	@mkdir -p .test-results && rm -f .test-results/chaos.md .test-results/chaos.trx
	@started=$$(date +%s); export TOLLGATE_KUBE_BIN=$$(bash hack/bootstrap.sh | tail -n 1) TOLLGATE_CHAOS_REPORT=$$PWD/.test-results/chaos.md \
	  TOLLGATE_CHAOS_REVIEWS=$${CHAOS_REVIEWS:-100000} TOLLGATE_CHAOS_IDLE_CONNECTIONS=$${CHAOS_IDLE:-5000} TOLLGATE_CHAOS_SLOW_SECONDS=$${CHAOS_SLOW_SECONDS:-35} \
	  TOLLGATE_CHAOS_KILLS=$${CHAOS_KILLS:-30} TOLLGATE_CHAOS_SURGE_KILLS=$${CHAOS_SURGE_KILLS:-5} TOLLGATE_CHAOS_BLUE_GREEN_KILLS=$${CHAOS_BLUE_GREEN_KILLS:-10} \
	  TOLLGATE_CHAOS_CONTROL_PLANE_RESTARTS=$${CHAOS_CONTROL_PLANE_RESTARTS:-2} \
	  TOLLGATE_CHAOS_CONTROL_PLANE_DOWN_SECONDS=$${CHAOS_CONTROL_PLANE_DOWN_SECONDS:-10} TOLLGATE_CHAOS_SEED=$${CHAOS_SEED:-}; \
	  echo "make chaos: started $$(date -u '+%F %T') UTC, load average $$(cut -d' ' -f1-3 /proc/loadavg)" > .test-results/chaos.md; \
	  dotnet test tests/Reliability.Tests --no-build -nologo --filter 'FullyQualifiedName!~Tollgate.Reliability.Tests.Admission' \
	    --logger 'trx;LogFileName=chaos.trx' --results-directory .test-results; status=$$?; \
	  echo "make chaos: $$(( $$(date +%s) - started )) s in all, ended $$(date -u '+%T') UTC, load average $$(cut -d' ' -f1-3 /proc/loadavg)" >> .test-results/chaos.md; \
	  echo; cat .test-results/chaos.md 2>/dev/null; exit $$status

.PHONY: cluster
cluster: bootstrap ## Start the test control plane standalone (Ctrl-C stops it) and print its kubeconfig.
	@dotnet build tests/Testing/Tollgate.Testing.csproj -nologo -clp:ErrorsOnly -v q
	@TOLLGATE_KUBE_BIN=$$(bash hack/bootstrap.sh | tail -n 1) dotnet tests/Testing/bin/Debug/net10.0/tollgate-testing.dll cluster --dir .run/cluster

.PHONY: run
run: bootstrap ## Run both controllers on an embedded local cluster with Prometheus, in the foreground (Ctrl-C stops all).
	@dotnet build Controllers.sln -nologo -clp:ErrorsOnly -v q
	@TOLLGATE_KUBE_BIN=$$(bash hack/bootstrap.sh | tail -n 1) dotnet tools/LocalRun/bin/Debug/net10.0/tollgate-local.dll $(RUN_ARGS)

.PHONY: demo
demo: bootstrap ## The scripted tour on the `make run` environment (starts one if none is running); exits 0 only if all held.
	@dotnet build Controllers.sln -nologo -clp:ErrorsOnly -v q
	@bash hack/demo.sh

.PHONY: clean
clean: ## Remove build outputs and local run state.
	dotnet clean Controllers.sln -nologo -v q
	rm -rf .run .test-results
