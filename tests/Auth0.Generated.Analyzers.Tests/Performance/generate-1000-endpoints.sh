#!/usr/bin/env bash
# Writes an API with 1,000 endpoints (900 in Program.cs, 100 in modules called one and two levels up) under a temp dir, builds it with the analyzers and -p:ReportAnalyzer=true, and prints
# the compiler's analyzer performance summary. Not part of the normal test run (it takes a minute or two).
#   usage: tests/Auth0.Generated.Analyzers.Tests/Performance/generate-1000-endpoints.sh [output-dir]
set -euo pipefail
repo="$(cd "$(dirname "$0")/../../.." && pwd)"
source "$repo/tests/Shared/scope-catalog.sh"
out="${1:-$(mktemp -d)/Endpoints1000}"
mkdir -p "$out"

cat > "$out/Endpoints1000.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
    <!-- 100 endpoints in Program.cs and 75 mapped through modules are deliberately unprotected: the warnings are part of the measured work. -->
    <NoWarn>\$(NoWarn);A0G001;A0G004</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$repo/src/Runtime/Auth0.Generated.csproj" />
    <ProjectReference Include="$repo/src/Analyzers/Auth0.Generated.Analyzers/Auth0.Generated.Analyzers.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
    <AdditionalFiles Include="auth0-scopes.json" />
  </ItemGroup>
</Project>
XML

# Directory.Build.props/Packages.props stop the repo's settings from leaking in when the output dir is inside the repo.
echo '<Project />' > "$out/Directory.Build.props"
echo '<Project />' > "$out/Directory.Build.targets"
echo '<Project />' > "$out/Directory.Packages.props"

write_scope_catalog "$out/auth0-scopes.json"

{
  cat <<'CS'
using System;
using System.Collections.Generic;
using Auth0.Generated;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
CS
  # 150 endpoints with a requirement convention, 250 in protected groups, 250 with handler attributes,
  # 150 with RequireAuthorization()/AllowAnonymous(), 100 unprotected, and 100 in ten module files (below) whose
  # protection is decided at their call sites, one and two levels up (modules 5-9 are mapped twice through MapApi).
  for m in 0 1 2 3 4; do
    if [ $((m % 2)) = 0 ]; then echo "app.MapGroup(\"/secure$m\").RequireAuthorization().MapModule$m();"; else echo "app.MapModule$m();"; fi
  done
  echo 'app.MapGroup("/v1").RequireAuthorization().MapApi();'
  echo 'app.MapGroup("/v2").MapApi();'
  for i in $(seq 0 149); do
    a=$((i % 20))
    echo "app.MapGet(\"/conv/$i\", () => \"ok\").WithName(\"conv$i\").RequireScopes(\"read:area$a\");"
  done
  for g in $(seq 0 24); do
    a=$((g % 20))
    echo "var group$g = app.MapGroup(\"/group$g\");"
    echo "group$g.RequireAnyScope(\"write:area$a\", \"read:area$a\");"
    echo "var inner$g = group$g.MapGroup(\"/inner\").WithTags(\"g$g\");"
    for j in $(seq 0 9); do
      echo "inner$g.MapPost(\"/e$j\", (int id) => id);"
    done
  done
  for i in $(seq 0 249); do
    a=$((i % 20))
    echo "app.MapPut(\"/attr/$i\", [RequireScopes(\"write:area$a\")] [ClaimEquals(\"tier\", \"gold\")] (int id) => id);"
  done
  for i in $(seq 0 149); do
    if [ $((i % 2)) = 0 ]; then echo "app.MapDelete(\"/auth/$i\", () => \"ok\").RequireAuthorization();"; else echo "app.MapGet(\"/anon/$i\", () => \"ok\").AllowAnonymous();"; fi
  done
  for i in $(seq 0 99); do
    echo "app.MapPatch(\"/open/$i\", () => \"ok\");"
  done
  cat <<'CS'
app.Run();

namespace Endpoints1000
{
    [Auth0Token]
    public partial class Token
    {
        public partial string? Tier { get; }
        public partial bool IsAdmin { get; }
        public partial IReadOnlyList<string> Groups { get; }
    }

    // Stand-in for the generator's part (the generator is not referenced here: only the analyzers are measured).
    public partial class Token
    {
        public partial string? Tier { get => null; }
        public partial bool IsAdmin { get => false; }
        public partial IReadOnlyList<string> Groups { get => Array.Empty<string>(); }
    }
}
CS
} > "$out/Program.cs"

# Ten module files mapping ten endpoints each on the builder they receive; MapApi calls modules 5-9 on a group.
for m in $(seq 0 9); do
  {
    echo 'using Microsoft.AspNetCore.Builder;'
    echo 'using Microsoft.AspNetCore.Http;'
    echo 'using Microsoft.AspNetCore.Routing;'
    echo ''
    echo "public static class Module$m"
    echo '{'
    echo "    public static IEndpointRouteBuilder MapModule$m(this IEndpointRouteBuilder app)"
    echo '    {'
    echo "        var group = app.MapGroup(\"/m$m\").WithTags(\"m$m\");"
    for j in $(seq 0 9); do
      echo "        group.MapGet(\"/e$j\", (int id) => id);"
    done
    echo '        return app;'
    echo '    }'
    echo '}'
  } > "$out/Module$m.cs"
done
{
  echo 'using Microsoft.AspNetCore.Builder;'
  echo 'using Microsoft.AspNetCore.Routing;'
  echo ''
  echo 'public static class ModuleApi'
  echo '{'
  echo '    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder app)'
  echo '    {'
  echo '        var api = app.MapGroup("/api");'
  for m in 5 6 7 8 9; do echo "        api.MapModule$m();"; done
  echo '        return app;'
  echo '    }'
  echo '}'
} > "$out/ModuleApi.cs"

# The runtime's endpoint conventions, until it ships them (same shapes; matched by name and namespace).
if ! grep -rqs "static TBuilder RequireScopes" "$repo/src/Runtime"; then
  cat > "$out/Conventions.cs" <<'CS'
namespace Auth0.Generated
{
    using Microsoft.AspNetCore.Builder;

    public static class PerfConventionStubs
    {
        public static TBuilder RequireScopes<TBuilder>(this TBuilder builder, params string[] scopes) where TBuilder : IEndpointConventionBuilder => builder;
        public static TBuilder RequireAnyScope<TBuilder>(this TBuilder builder, params string[] scopes) where TBuilder : IEndpointConventionBuilder => builder;
    }
}
CS
fi

echo "project: $out" >&2
cd "$out"
touch "$out/Program.cs"
dotnet build -c Release -p:ReportAnalyzer=true -v:d -clp:PerformanceSummary -bl:"$out/build.binlog" > "$out/build.log" 2>&1 || { tail -50 "$out/build.log"; exit 1; }
# The csc task's summary for this project (the last one in the log).
awk '/Total analyzer execution time/{found=NR} {lines[NR]=$0} END{for(i=found;i<=found+40 && i<=NR;i++) print lines[i]}' "$out/build.log"
grep -E "^\s+[0-9]+ ms\s+Csc\b" "$out/build.log" | tail -1
grep -E "Time Elapsed" "$out/build.log"
