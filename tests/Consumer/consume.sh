#!/usr/bin/env bash
# The consumer test: packs every package into a local feed with a version of its own (so NuGet's cache can
# never serve a stale build under the same version), then, for each test front end, creates a fresh test
# project outside the repository that uses the packages by PackageReference only, and checks the snapshot
# workflow a user goes through: the first `dotnet test` fails (the expected counterexample has no verified
# snapshot yet) and writes its received file, while the reachable Sometimes property passes (its example is
# recorded as its snapshot off CI; this script runs with CI=true, so nothing is written for it); `stateright
# accept` (the tool, installed from the feed) accepts the received file; the second `dotnet test` passes with
# one result per property. Before that it checks
# that every package has symbols and that the dependencies follow the split (nothing for checking models,
# no snapshots for the UDP runtime, no logging for model tests); after, a console program uses the runtime, and
# the template pack, installed from the feed into a private template hive, creates a project from each template
# that passes on its first `dotnet test` with one result per property; in the xUnit v3 one (Microsoft.Testing.Platform),
# a plain `dotnet test` leaves no TestResults folder, and a long check prints live progress under `dotnet run`
# without switches.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
version="0.1.0-consumer.$(date +%s)"
feed="$work/feed"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 CI=true

echo "== pack $version"
dotnet pack "$repo/Stateright.Testing.sln" -c Release -o "$feed" -p:Version="$version" --nologo -v quiet

echo "== every package, with symbols, and the dependency split"
nuspec() { unzip -p "$feed/$1.$version.nupkg" "$1.nuspec"; }
for package in Stateright.Testing Stateright.Testing.Runtime Stateright.Testing.Distributed Stateright.Testing.ModelTests Stateright.Testing.Xunit \
               Stateright.Testing.XunitV3 Stateright.Testing.NUnit Stateright.Testing.TestAdapter Stateright.Testing.Explorer \
               Stateright.Testing.Tool; do
  [ -f "$feed/$package.$version.nupkg" ] && [ -f "$feed/$package.$version.snupkg" ] \
    || { ls "$feed"; echo "FAIL: $package.$version.nupkg or .snupkg missing"; exit 1; }
done
# Listings and nuspecs are read whole before grep: under pipefail, `unzip | grep -q` fails when grep
# stops reading early, which would fail a good package or pass a bad one.
# The libraries ship for net10.0 and net8.0 and the tool for net8.0, although a local build makes net10.0 only.
entries() { unzip -Z1 "$feed/$1.$version.nupkg"; }
for package in Stateright.Testing Stateright.Testing.Runtime Stateright.Testing.Distributed Stateright.Testing.ModelTests Stateright.Testing.Xunit \
               Stateright.Testing.XunitV3 Stateright.Testing.NUnit Stateright.Testing.TestAdapter Stateright.Testing.Explorer; do
  listing="$(entries "$package")"
  for tfm in net10.0 net8.0; do
    grep -qxF "lib/$tfm/$package.dll" <<<"$listing" || { echo "FAIL: $package has no lib/$tfm"; exit 1; }
  done
done
listing="$(entries Stateright.Testing.Tool)"
grep -qxF "tools/net8.0/any/stateright.dll" <<<"$listing" || { echo "FAIL: the tool is not built for net8.0"; exit 1; }
# Checking models pulls nothing; running actors on UDP pulls no snapshots; model tests pull no logging.
core="$(nuspec Stateright.Testing)"; runtime="$(nuspec Stateright.Testing.Runtime)"; modeltests="$(nuspec Stateright.Testing.ModelTests)"
if grep -q '<dependency ' <<<"$core"; then echo "$core"; echo "FAIL: Stateright.Testing has dependencies"; exit 1; fi
if grep -Eq 'id="(DiffEngine|EmptyFiles|Stateright.Testing.ModelTests)"' <<<"$runtime"; then echo "FAIL: the runtime depends on snapshots"; exit 1; fi
if grep -Eq 'id="(Microsoft.Extensions.Logging|Stateright.Testing.Runtime)' <<<"$modeltests"; then echo "FAIL: ModelTests depends on logging"; exit 1; fi
grep -q 'id="Microsoft.Extensions.Logging.Abstractions"' <<<"$runtime" || { echo "FAIL: the runtime lost its logging dependency"; exit 1; }
# The Explorer: ASP.NET Core from the shared framework, the checker, and no package besides.
explorer="$(nuspec Stateright.Testing.Explorer)"
grep -q '<frameworkReference name="Microsoft.AspNetCore.App"' <<<"$explorer" || { echo "$explorer"; echo "FAIL: the Explorer does not reference Microsoft.AspNetCore.App"; exit 1; }
if grep '<dependency ' <<<"$explorer" | grep -vq 'id="Stateright.Testing"'; then echo "$explorer"; echo "FAIL: the Explorer depends on more than Stateright.Testing"; exit 1; fi
# The template pack: no symbols (nothing compiled), no dependencies, each template's project file asks for
# the packages of this very pack.
templates="$feed/Stateright.Testing.Templates.$version.nupkg"
[ -f "$templates" ] || { ls "$feed"; echo "FAIL: Stateright.Testing.Templates.$version.nupkg missing"; exit 1; }
if grep -q '<dependency ' <<<"$(nuspec Stateright.Testing.Templates)"; then echo "FAIL: the template pack has dependencies"; exit 1; fi
grep -q '<packageType name="Template"' <<<"$(nuspec Stateright.Testing.Templates)" || { echo "FAIL: the template pack is not of type Template"; exit 1; }
for template in xunit xunit3 nunit adapter; do
  project_file="$(unzip -p "$templates" "content/$template/Company.ModelTests.csproj")"
  grep -q "Version=\"$version\"" <<<"$project_file" || { echo "$project_file"; echo "FAIL: template $template does not reference the packages at $version"; exit 1; }
  if grep -q STATERIGHT_PACKAGE_VERSION <<<"$project_file"; then echo "FAIL: template $template kept the version token"; exit 1; fi
done

echo "== install the stateright tool from the feed"
dotnet tool install Stateright.Testing.Tool --version "$version" --tool-path "$work/tool" --add-source "$feed"
stateright="$work/tool/stateright"

cat > "$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
XML

# new_project DIR PROPERTIES PACKAGES: a fresh project (Consumer.csproj) that sees only the local feed and nuget.org.
new_project() {
  mkdir -p "$1"
  cp "$work/nuget.config" "$1/"
  cat > "$1/Consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    $2
  </PropertyGroup>
  <ItemGroup>$3</ItemGroup>
</Project>
XML
}

# name | attribute | using | package references | extra properties
frontends=(
  "xunit|ModelTheory|using Stateright.Testing.Xunit;|<PackageReference Include=\"Stateright.Testing.Xunit\" Version=\"$version\" /><PackageReference Include=\"xunit\" Version=\"2.9.3\" /><PackageReference Include=\"xunit.runner.visualstudio\" Version=\"3.1.5\" /><PackageReference Include=\"Microsoft.NET.Test.Sdk\" Version=\"18.0.1\" />|"
  "xunitv3|ModelTheory|using Stateright.Testing.XunitV3;|<PackageReference Include=\"Stateright.Testing.XunitV3\" Version=\"$version\" /><PackageReference Include=\"xunit.v3\" Version=\"4.0.2\" /><PackageReference Include=\"xunit.runner.visualstudio\" Version=\"4.0.1\" /><PackageReference Include=\"Microsoft.NET.Test.Sdk\" Version=\"18.0.1\" />|<OutputType>Exe</OutputType><IsTestingPlatformApplication>false</IsTestingPlatformApplication>"
  "nunit|ModelTheory|using Stateright.Testing.NUnit;|<PackageReference Include=\"Stateright.Testing.NUnit\" Version=\"$version\" /><PackageReference Include=\"NUnit\" Version=\"5.0.0\" /><PackageReference Include=\"NUnit3TestAdapter\" Version=\"6.3.1\" /><PackageReference Include=\"Microsoft.NET.Test.Sdk\" Version=\"18.0.1\" />|"
  "adapter|ModelTest||<PackageReference Include=\"Stateright.Testing.TestAdapter\" Version=\"$version\" /><PackageReference Include=\"Microsoft.NET.Test.Sdk\" Version=\"18.0.1\" />|"
)

for entry in "${frontends[@]}"; do
  IFS='|' read -r name attribute using packages properties <<<"$entry"
  project="$work/$name"
  new_project "$project" "<IsTestProject>true</IsTestProject>$properties" "$packages"
  sed -e "s|__USING__|$using|" -e "s|__ATTRIBUTE__|$attribute|" "$repo/tests/Consumer/Model.cs.txt" > "$project/CounterTests.cs"

  echo "== $name: first run (expected to fail: the expected counterexample has no verified snapshot yet)"
  if dotnet test "$project" --logger "trx;LogFileName=first.trx" --results-directory "$project/TestResults" > "$project/first.log" 2>&1; then
    cat "$project/first.log"; echo "FAIL $name: the first run passed without verified snapshots"; exit 1
  fi
  grep -q '"Stateright.Testing.ModelTests/' "$project/obj/project.assets.json" || { echo "FAIL $name: Stateright.Testing.ModelTests did not come transitively"; exit 1; }
  # One received file: "never two" (expected, new). "reaches three" passes: a first example is not a failure.
  received=$(find "$project" -maxdepth 1 -name 'CounterTests.Counter.*.received.*' | wc -l)
  [ -f "$project/CounterTests.Counter.never two.received.txt" ] && [ "$received" -eq 1 ] \
    || { cat "$project/first.log"; echo "FAIL $name: expected 1 received file (never two), found $received"; exit 1; }
  first_passed=$(grep -o 'outcome="Passed"' "$project/TestResults/first.trx" | wc -l)
  [ "$first_passed" -eq 2 ] || { cat "$project/first.log"; echo "FAIL $name: expected 2 passed results (bounded, reaches three) in the first run, found $first_passed"; exit 1; }
  grep -q 'stateright accept' "$project/TestResults/first.trx" || { echo "FAIL $name: the failure message does not name stateright accept"; exit 1; }
  # The package's runtime settings reach the test host (src/Core/buildTransitive/Stateright.Testing.targets).
  grep -q '"System.Runtime.TieredCompilation.CallCountingDelayMs": 0' "$project"/bin/*/net*/Consumer.runtimeconfig.json \
    || { echo "FAIL $name: the test project's runtimeconfig.json lacks the package's CallCountingDelayMs setting"; exit 1; }
  grep -q '"System.Runtime.TieredCompilation.CallCountThreshold": 1000' "$project"/bin/*/net*/Consumer.runtimeconfig.json \
    || { echo "FAIL $name: the test project's runtimeconfig.json lacks the package's CallCountThreshold setting"; exit 1; }

  echo "== $name: stateright accept"
  (cd "$project" && "$stateright" accept)
  [ -f "$project/CounterTests.Counter.never two.verified.txt" ] || { echo "FAIL $name: no verified snapshot after accept"; exit 1; }

  echo "== $name: second run (expected to pass)"
  dotnet test "$project" --logger "trx;LogFileName=second.trx" --results-directory "$project/TestResults" > "$project/second.log" 2>&1 \
    || { cat "$project/second.log"; echo "FAIL $name: the second run failed"; exit 1; }
  passed=$(grep -o 'outcome="Passed"' "$project/TestResults/second.trx" | wc -l)
  for property in "bounded" "never two" "reaches three"; do
    grep -q "Counter($property)" "$project/TestResults/second.trx" || { echo "FAIL $name: no result for Counter($property)"; exit 1; }
  done
  [ "$passed" -eq 3 ] || { echo "FAIL $name: expected 3 passed results, found $passed"; exit 1; }
  echo "ok $name: 3 properties, received -> accepted -> passed"

  if [ "$name" = xunit ]; then
    echo "== $name: stateright explore serves the accepted snapshot; its status over HTTP"
    assembly=$(ls "$project"/bin/*/net10.0/Consumer.dll | head -1)
    (cd "$project" && exec "$stateright" explore "CounterTests.Counter.never two.verified.txt" --assembly "$assembly" --threads 1) > "$project/explore.log" 2>&1 &
    explore=$!
    address=""
    for _ in $(seq 1 120); do
      address=$(grep -oE 'http://[^ ]+' "$project/explore.log" | head -1 || true)
      [ -n "$address" ] && break
      kill -0 "$explore" 2>/dev/null || break
      sleep 0.5
    done
    status=""
    for _ in $(seq 1 60); do
      [ -n "$address" ] || break
      status=$(curl -sf "${address%%#*}api/v1/status" || true)
      grep -q '"done":true' <<<"$status" && break
      sleep 0.5
    done
    kill "$explore" 2>/dev/null || true
    wait "$explore" 2>/dev/null || true
    [ -n "$address" ] || { cat "$project/explore.log"; echo "FAIL $name: stateright explore printed no address"; exit 1; }
    [[ "$address" == *"#/0/0/0" ]] || { cat "$project/explore.log"; echo "FAIL $name: the page does not open at the snapshot's last state (0/0/0)"; exit 1; }
    grep -q '"model":"CounterTests.Counter' <<<"$status" && grep -q '"done":true' <<<"$status" \
      && grep -q '"name":"never two","expectation":"Always","verdict":"fails"' <<<"$status" \
      || { echo "$status"; echo "FAIL $name: the Explorer's status does not show the model checked, never two failing"; exit 1; }
    echo "ok $name: the Explorer served the snapshot from the packed tool"
  fi
done
echo "== udp: a console program on Stateright.Testing.Runtime alone runs an actor on a loopback port"
project="$work/udp"
new_project "$project" "<OutputType>Exe</OutputType>" "<PackageReference Include=\"Stateright.Testing.Runtime\" Version=\"$version\" />"
cp "$repo/tests/Consumer/Udp.cs.txt" "$project/Program.cs"
output=$(dotnet run --project "$project" 2>&1) || { echo "$output"; echo "FAIL udp: the program failed"; exit 1; }
[ "$output" = "echo: ping" ] || { echo "$output"; echo "FAIL udp: expected 'echo: ping'"; exit 1; }
if grep -Eq '"(DiffEngine|EmptyFiles|Stateright.Testing.ModelTests)/' "$project/obj/project.assets.json"; then echo "FAIL udp: snapshot packages came with the runtime"; exit 1; fi
echo "ok udp: echo over loopback UDP, no snapshot dependency"

echo "== templates: dotnet new install from the feed (a private hive), a project from each template, its first dotnet test"
hive="$work/hive"
dotnet new install "Stateright.Testing.Templates::$version" --add-source "$feed" --debug:custom-hive "$hive" > "$work/install.log" 2>&1 \
  || { cat "$work/install.log"; echo "FAIL templates: dotnet new install failed"; exit 1; }
# template | how dotnet test reports: trx through VSTest's logger, or the TRX extension of Microsoft.Testing.Platform
for entry in "xunit|vstest" "xunit3|mtp" "nunit|vstest" "adapter|vstest"; do
  IFS='|' read -r template runner <<<"$entry"
  # A name with a dash: the namespace becomes Lease_Tests.<template>; the snapshot's name (class and method) stays.
  project="$work/templates/Lease-Tests.$template"
  dotnet new "stateright-$template" -n "Lease-Tests.$template" -o "$project" --debug:custom-hive "$hive" > "$work/new-$template.log" 2>&1 \
    || { cat "$work/new-$template.log"; echo "FAIL templates: dotnet new stateright-$template failed"; exit 1; }
  for file in .gitignore .gitattributes "LeaseModelTests.LeaseServer.mutual exclusion.verified.txt"; do
    [ -f "$project/$file" ] || { ls -A "$project"; echo "FAIL stateright-$template: no $file"; exit 1; }
  done
  grep -qxF '*.received.*' "$project/.gitignore" || { echo "FAIL stateright-$template: .gitignore does not ignore received files"; exit 1; }
  grep -qxF '*.verified.txt text eol=lf working-tree-encoding=UTF-8' "$project/.gitattributes" || { echo "FAIL stateright-$template: .gitattributes"; exit 1; }
  echo "== stateright-$template: first dotnet test (expected to pass)"
  # From the project's folder, as a user would: the xUnit v3 project's global.json picks the test runner from there.
  if [ "$runner" = mtp ]; then
    [ -f "$project/global.json" ] || { echo "FAIL stateright-$template: no global.json"; exit 1; }
    (cd "$project" && dotnet test --report-trx --report-trx-filename first.trx --results-directory "$project/TestResults") > "$project/first.log" 2>&1 \
      || { cat "$project/first.log"; echo "FAIL stateright-$template: the first run failed"; exit 1; }
    (cd "$project" && dotnet run --no-build -- --list-tests) > "$project/list.log" 2>&1 \
      || { cat "$project/list.log"; echo "FAIL stateright-$template: dotnet run -- --list-tests failed"; exit 1; }
    grep -q 'LeaseServer(unique tokens)' "$project/list.log" || { cat "$project/list.log"; echo "FAIL stateright-$template: --list-tests does not list the cases"; exit 1; }
  else
    (cd "$project" && dotnet test --logger "trx;LogFileName=first.trx" --results-directory "$project/TestResults") > "$project/first.log" 2>&1 \
      || { cat "$project/first.log"; echo "FAIL stateright-$template: the first run failed"; exit 1; }
  fi
  trx="$(find "$project/TestResults" -name first.trx | head -1)"
  [ -n "$trx" ] || { cat "$project/first.log"; echo "FAIL stateright-$template: no TRX report"; exit 1; }
  for property in "unique tokens" "mutual exclusion"; do
    grep -q "LeaseServer($property)\" [^>]*outcome=\"Passed\"" "$trx" || { cat "$project/first.log"; echo "FAIL stateright-$template: LeaseServer($property) did not pass"; exit 1; }
  done
  results=$(grep -o '<UnitTestResult ' "$trx" | wc -l)
  [ "$results" -eq 2 ] || { echo "FAIL stateright-$template: expected 2 results, found $results"; exit 1; }
  received=$(find "$project" -name '*.received.*' | wc -l)
  [ "$received" -eq 0 ] || { echo "FAIL stateright-$template: the run wrote $received received files"; exit 1; }
  grep -q '"Stateright.Testing.ModelTests/'"$version"'"' "$project/obj/project.assets.json" || { echo "FAIL stateright-$template: not restored from this pack"; exit 1; }
  echo "ok stateright-$template: 2 properties passed on the first run"
  if [ "$template" = xunit3 ]; then
    # Microsoft.Testing.Platform creates TestResults in the folder dotnet test runs in; the package's platform
    # extension removes it when the run wrote nothing there.
    rm -rf "$project/TestResults"
    (cd "$project" && dotnet test --no-build) > "$project/plain.log" 2>&1 \
      || { cat "$project/plain.log"; echo "FAIL stateright-$template: dotnet test failed"; exit 1; }
    [ ! -e "$project/TestResults" ] || { ls -A "$project/TestResults"; echo "FAIL stateright-$template: dotnet test left a TestResults folder"; exit 1; }
    # Live progress without switches: a check longer than the console interval (five seconds) prints its
    # periodic lines, prefixed with the test's name (only the live channel prefixes them), before its result.
    # Through dotnet run: dotnet test in the platform's mode prints nothing live (SDK 10.0.401).
    cp "$repo/tests/Consumer/Slow.cs.txt" "$project/SlowTests.cs"
    (cd "$project" && dotnet build) > "$project/slow-build.log" 2>&1 || { cat "$project/slow-build.log"; echo "FAIL stateright-$template: build with SlowTests failed"; exit 1; }
    # Each line with the second it arrived: lines that arrive while the check runs come before its result's.
    # (The platform colours its output when CI is set: the colour codes go.)
    (cd "$project" && dotnet run --no-build -- --filter-class Consumer.SlowTests 2>&1 || true) \
      | while IFS= read -r line; do printf '%s %s\n' "$SECONDS" "$line"; done | sed 's/\x1b\[[0-9;]*m//g' > "$project/slow.log"
    result_at=$(grep -m1 -E '^[0-9]+ failed Consumer\.SlowTests\.Slow\(finite\)' "$project/slow.log" | cut -d' ' -f1 || true)
    [ -n "$result_at" ] || { cat "$project/slow.log"; echo "FAIL stateright-$template: no result line for SlowTests.Slow(finite)"; exit 1; }
    live=$(awk -v t="$result_at" '$2 == "Consumer.SlowTests.Slow(finite):" && $3 == "Checking." && $1 < t' "$project/slow.log" | wc -l)
    [ "$live" -ge 2 ] || { cat "$project/slow.log"; echo "FAIL stateright-$template: expected 2 live progress lines before the result, found $live"; exit 1; }
    echo "ok stateright-$template: no empty TestResults folder after dotnet test, live progress under dotnet run without switches ($live lines)"
  fi
done

echo "consumer test passed for all 4 front ends (xunit, xunitv3, nunit, adapter), the UDP runtime and the 4 templates"
