#!/usr/bin/env bash
# The consumer test: packs every package into a local feed with a version of its own (so NuGet's cache can
# never serve a stale build under the same version), then, for each test front end, creates a fresh test
# project outside the repository that uses the packages by PackageReference only, and checks the snapshot
# workflow a user goes through: the first `dotnet test` fails (a new counterexample and a new example have
# no verified snapshot yet) and writes received files; `stateright accept` (the tool, installed from the
# feed) accepts them; the second `dotnet test` passes with one result per property.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
version="0.1.0-consumer.$(date +%s)"
feed="$work/feed"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 CI=true

echo "== pack $version"
dotnet pack "$repo/Stateright.Testing.sln" -c Release -o "$feed" -p:Version="$version" --nologo -v quiet

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
  mkdir -p "$project"
  cp "$work/nuget.config" "$project/"
  cat > "$project/Consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <IsTestProject>true</IsTestProject>
    $properties
  </PropertyGroup>
  <ItemGroup>$packages</ItemGroup>
</Project>
XML
  sed -e "s|__USING__|$using|" -e "s|__ATTRIBUTE__|$attribute|" "$repo/tests/Consumer/Model.cs.txt" > "$project/CounterTests.cs"

  echo "== $name: first run (expected to fail: no verified snapshots yet)"
  if dotnet test "$project" --logger "trx;LogFileName=first.trx" --results-directory "$project/TestResults" > "$project/first.log" 2>&1; then
    cat "$project/first.log"; echo "FAIL $name: the first run passed without verified snapshots"; exit 1
  fi
  received=$(find "$project" -maxdepth 1 -name 'CounterTests.Counter.*.received.txt' | wc -l)
  [ "$received" -eq 2 ] || { cat "$project/first.log"; echo "FAIL $name: expected 2 received files, found $received"; exit 1; }
  grep -q 'stateright accept' "$project/TestResults/first.trx" || { echo "FAIL $name: the failure message does not name stateright accept"; exit 1; }

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
done
echo "consumer test passed for all 4 front ends (xunit, xunitv3, nunit, adapter)"
