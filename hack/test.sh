#!/usr/bin/env bash
# `make test`: install what is missing, build the control plane once (cached), run every test project, and print
# the totals over all of them as the last line: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."

bin=$(bash hack/bootstrap.sh | tail -n 1) || { echo "bootstrap failed: see the messages above"; echo "0 passed, 1 failed, 0 skipped"; exit 1; }
export TOLLGATE_KUBE_BIN="$bin"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

results="$PWD/.test-results"
rm -rf "$results"
projects=(tests/*.Tests/*.csproj)

dotnet build Controllers.sln -nologo -clp:ErrorsOnly
build=$?
if [ $build -ne 0 ]; then
  echo "build failed"
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

# Every process the tests start inherits the run id, so leftovers can be told from other runs on the machine
# (MSBuild node reuse is off so no build node outlives the run carrying it).
export TOLLGATE_RUN_ID="run-$$-$RANDOM"
# Three lanes, each a sequence of test projects, run side by side: the two long suites (Rollouts, Reliability) start at
# once, each over two control planes of its own, and the short ones share the third lane. Every line is prefixed
# with its project's name.
lane() {
  local code=0 project name
  for project in "$@"; do
    name=$(basename "$project" .csproj); name=${name#Tollgate.}
    MSBUILDDISABLENODEREUSE=1 dotnet test "$project" --no-build -nodeReuse:false -nologo --logger "trx;LogFileName=$name.trx" \
      --results-directory "$results" 2>&1 | sed -u "s/^/[$name] /"
    [ "${PIPESTATUS[0]}" -eq 0 ] || code=1
  done
  return $code
}
lane1=(tests/Rollouts.Tests/Tollgate.Rollouts.Tests.csproj)
lane2=(tests/Reliability.Tests/Tollgate.Reliability.Tests.csproj tests/Demo.Tests/Tollgate.Demo.Tests.csproj)
lane3=(tests/Shared.Tests/Tollgate.Shared.Tests.csproj tests/Webhooks.Tests/Tollgate.Webhooks.Tests.csproj)
for project in "${projects[@]}"; do
  case " ${lane1[*]} ${lane2[*]} ${lane3[*]} " in
    *" $project "*) ;;
    *) echo "hack/test.sh: $project is in no lane; add it to one"; echo "0 passed, 1 failed, 0 skipped"; exit 1 ;;
  esac
done
lane "${lane1[@]}" &
rollouts=$!
lane "${lane2[@]}" &
reliability=$!
lane "${lane3[@]}"
status=$?
wait $rollouts || status=1
wait $reliability || status=1

passed=0 failed=0 skipped=0
attr() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$2"; }
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  passed=$((passed + $(attr passed "$counters")))
  failed=$((failed + $(attr failed "$counters") + $(attr error "$counters") + $(attr timeout "$counters") + $(attr aborted "$counters")))
  skipped=$((skipped + $(attr notExecuted "$counters")))
done

reports=$(ls "$results"/*.trx 2>/dev/null | wc -l)
if [ "$reports" -lt "${#projects[@]}" ]; then
  echo "only $reports of ${#projects[@]} test projects produced results (a test host crashed?)"
  failed=$((failed + ${#projects[@]} - reports))
fi

# Every process a test started must be gone once the test hosts exit (their watchdogs need about a second).
sleep 3
leftovers=""
for environ in /proc/[0-9]*/environ; do
  pid=${environ#/proc/}; pid=${pid%/environ}
  [ "$pid" = "$$" ] && continue
  if grep -qz "^TOLLGATE_RUN_ID=$TOLLGATE_RUN_ID\$" "$environ" 2>/dev/null; then leftovers="$leftovers $pid"; fi
done
if [ -n "$leftovers" ]; then
  echo "processes left running after the tests:"
  ps -o pid,args -p $leftovers | cut -c1-200
  kill $leftovers 2>/dev/null
  failed=$((failed + 1))
fi

if [ $status -ne 0 ] && [ $failed -eq 0 ]; then
  echo "dotnet test exited with $status without a failed test in its reports"
  failed=1
fi

echo "$passed passed, $failed failed, $skipped skipped"
[ $failed -eq 0 ]
