#!/usr/bin/env bash
# What the generator costs a build. Writes two web projects of the same size under a temp dir, both referencing the runtime
# and the generator (src/Generator as an Analyzer, as the package ships it):
#   none          1,000 minimal-API endpoints (Program.cs and ten module files) and 300 ordinary classes (DTOs with
#                 [JsonPropertyName]/[Required], services) in 30 files, no [Auth0Token], no requirement, no [ApiScope]:
#                 the generator has nothing to write;
#   requirements  the same files, with an [Auth0Token] class, [assembly: ApiScope], a scope catalog, 200 endpoints with
#                 requirement attributes on their lambdas and 200 with requirement conventions.
# Each project is built once to warm up (restore, compiler server, JIT), then RUNS more times (Program.cs touched, csc
# rerun) with -p:ReportAnalyzer=true; the compiler's summary lists generators as well as analyzers. Prints, per run and as
# medians: this generator's time, all generators' time, and the Csc task's time, with the load average before and after.
# Not part of the normal test run (a few minutes).
#   usage: tests/Auth0.Generated.Generator.Tests/Performance/generator-cost.sh [runs] [output-dir]
#   AUTH0G_REPO=/path/to/another/checkout measures that checkout's generator instead (before/after comparisons).
set -euo pipefail
runs="${1:-5}"
repo="${AUTH0G_REPO:-$(cd "$(dirname "$0")/../../.." && pwd)}"
out="${2:-$(mktemp -d)/GeneratorCost}"
# From this checkout, whichever checkout's generator is measured.
source "$(cd "$(dirname "$0")/../../Shared" && pwd)/scope-catalog.sh"
mkdir -p "$out"

write_project() { # dir, with-requirements (0/1)
  local dir="$1" req="$2"
  mkdir -p "$dir"
  cat > "$dir/$(basename "$dir").csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk.Web">
  <Import Project="$repo/src/Runtime/buildTransitive/Auth0.Generated.props" />
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
    <RootNamespace>CostApp</RootNamespace>
    <NoWarn>\$(NoWarn);CS1591;CS8618</NoWarn>
    <!-- obj/generated/: what the generator wrote, checked at the end (and comparable between checkouts). -->
    <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
    <CompilerGeneratedFilesOutputPath>obj/generated</CompilerGeneratedFilesOutputPath>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$repo/src/Runtime/Auth0.Generated.csproj" />
    <ProjectReference Include="$repo/src/Generator/Auth0.Generated.Generator.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
  </ItemGroup>
  <!-- Two generators unrelated to ours took 20 of the 26 generator seconds of a build here (minimal-API validation, OpenAPI
       XML comments): left out unless AUTH0G_ALL_GENERATORS=1, so a run takes minutes, not a quarter of an hour. -->
  <Target Name="DropSlowUnrelatedGenerators" BeforeTargets="CoreCompile" Condition="'\$(AUTH0G_ALL_GENERATORS)' != '1'">
    <ItemGroup>
      <Analyzer Remove="@(Analyzer)" Condition="'%(Filename)' == 'Microsoft.Extensions.Validation.ValidationsGenerator' or '%(Filename)' == 'Microsoft.AspNetCore.OpenApi.SourceGenerators'" />
    </ItemGroup>
  </Target>
</Project>
XML
  # Keep the repo's settings out when the output dir is inside the repo.
  echo '<Project />' > "$dir/Directory.Build.props"
  echo '<Project />' > "$dir/Directory.Build.targets"
  echo '<Project />' > "$dir/Directory.Packages.props"

  if [ "$req" = 1 ]; then
    write_scope_catalog "$dir/auth0-scopes.json"
  fi

  # Program.cs: 500 endpoints. Without requirements: RequireAuthorization(), [Authorize] lambdas, AllowAnonymous(), open.
  {
    echo 'using System;'
    echo 'using System.Collections.Generic;'
    echo 'using Auth0.Generated;'
    echo 'using Microsoft.AspNetCore.Authorization;'
    echo 'using Microsoft.AspNetCore.Builder;'
    echo 'using Microsoft.AspNetCore.Http;'
    echo 'using CostApp.Model;'
    [ "$req" = 1 ] && echo '[assembly: ApiScope("admin:all", Description = "Everything")]'
    echo ''
    echo 'var builder = WebApplication.CreateBuilder(args);'
    echo 'var app = builder.Build();'
    for m in $(seq 0 9); do echo "app.MapGroup(\"/m$m\").MapModule$m();"; done
    for i in $(seq 0 499); do
      a=$((i % 20))
      case $((i % 5)) in
        0) if [ "$req" = 1 ]; then echo "app.MapGet(\"/p/$i\", [RequireScopes(\"read:area$a\")] (int id) => new Dto$((i % 300))());"
           else echo "app.MapGet(\"/p/$i\", [Authorize] (int id) => new Dto$((i % 300))());"; fi ;;
        1) if [ "$req" = 1 ]; then echo "app.MapPost(\"/p/$i\", (Dto$((i % 300)) body) => body).RequireScopes(\"write:area$a\");"
           else echo "app.MapPost(\"/p/$i\", (Dto$((i % 300)) body) => body).RequireAuthorization();"; fi ;;
        2) echo "app.MapPut(\"/p/$i\", (int id, Dto$((i % 300)) body) => Results.Ok(body)).RequireAuthorization().WithName(\"p$i\");" ;;
        3) echo "app.MapDelete(\"/p/$i\", (int id) => Results.NoContent()).AllowAnonymous();" ;;
        4) echo "app.MapGet(\"/p/$i/list\", () => new List<string> { \"a\", \"b\" }).WithTags(\"t$a\");" ;;
      esac
    done
    echo 'app.Run();'
    if [ "$req" = 1 ]; then
      cat <<'CS'

namespace CostApp
{
    [Auth0Token]
    public partial class Token : AccessToken
    {
        public partial string? Tier { get; }
        public partial bool? IsAdmin { get; }
        [Claim("roles")] public partial IReadOnlyList<string> Roles { get; }
    }
}
CS
    fi
  } > "$dir/Program.cs"

  # Ten module files of 50 endpoints each.
  for m in $(seq 0 9); do
    {
      echo 'using Auth0.Generated;'
      echo 'using Microsoft.AspNetCore.Builder;'
      echo 'using Microsoft.AspNetCore.Http;'
      echo 'using Microsoft.AspNetCore.Routing;'
      echo 'using CostApp.Model;'
      echo ''
      echo "public static class Module$m"
      echo '{'
      echo "    public static IEndpointRouteBuilder MapModule$m(this IEndpointRouteBuilder app)"
      echo '    {'
      echo "        var group = app.MapGroup(\"/g$m\").WithTags(\"m$m\");"
      for j in $(seq 0 49); do
        a=$(((m + j) % 20)); d=$(((m * 50 + j) % 300))
        if [ "$req" = 1 ] && [ $((j % 5)) = 0 ]; then
          echo "        group.MapGet(\"/e$j\", [RequireAnyScope(\"read:area$a\", \"write:area$a\")] [ClaimEquals(\"tier\", \"gold\")] (int id) => new Dto$d());"
        elif [ "$req" = 1 ] && [ $((j % 5)) = 1 ]; then
          echo "        group.MapPost(\"/e$j\", (Dto$d body) => body).RequireRoles(\"editor\").RequireScopes(\"write:area$a\");"
        else
          echo "        group.MapGet(\"/e$j\", (int id) => new Dto$d { Id = id }).RequireAuthorization();"
        fi
      done
      echo '        return app;'
      echo '    }'
      echo '}'
    } > "$dir/Module$m.cs"
  done

  # 300 ordinary classes in 30 files: DTOs with attributes on their properties (so every file holds attribute lists, as
  # most real projects' files do) and services with a little code.
  mkdir -p "$dir/Model"
  for f in $(seq 0 29); do
    {
      echo 'using System;'
      echo 'using System.Collections.Generic;'
      echo 'using System.ComponentModel.DataAnnotations;'
      echo 'using System.Linq;'
      echo 'using System.Text.Json.Serialization;'
      echo ''
      echo 'namespace CostApp.Model'
      echo '{'
      for c in $(seq 0 9); do
        n=$((f * 10 + c))
        echo "    public sealed class Dto$n"
        echo '    {'
        echo '        [JsonPropertyName("id")] public int Id { get; set; }'
        echo '        [Required, StringLength(100)] [JsonPropertyName("name")] public string Name { get; set; } = "";'
        echo '        [JsonPropertyName("tags")] public List<string> Tags { get; set; } = new();'
        echo '        public DateTimeOffset Created { get; set; }'
        echo '        [Obsolete("Use Tags")] public string? Legacy { get; set; }'
        echo '    }'
        echo ''
        echo "    public sealed class Service$n"
        echo '    {'
        echo "        private readonly Dictionary<int, Dto$n> _items = new();"
        echo "        public Dto$n? Find(int id) => _items.TryGetValue(id, out var item) ? item : null;"
        echo "        public IReadOnlyList<Dto$n> Tagged(string tag) => _items.Values.Where(d => d.Tags.Contains(tag)).OrderBy(d => d.Name, StringComparer.Ordinal).ToList();"
        echo "        public void Add(Dto$n item)"
        echo '        {'
        echo '            if (string.IsNullOrWhiteSpace(item.Name)) throw new ArgumentException("name", nameof(item));'
        echo '            _items[item.Id] = item;'
        echo '        }'
        echo '    }'
        echo ''
      done
      echo '}'
    } > "$dir/Model/Classes$f.cs"
  done
}

median() { sort -n | awk '{a[NR]=$1} END{if(NR==0){print "n/a"} else if(NR%2){print a[(NR+1)/2]} else {printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}}'; }

measure() { # dir, label
  local dir="$1" label="$2" log="$1/build.log"
  cd "$dir"
  dotnet build -c Release -p:ReportAnalyzer=true -v:d > "$log" 2>&1 || { tail -40 "$log"; exit 1; }
  : > "$dir/runs.tsv"
  for r in $(seq 1 "$runs"); do
    touch "$dir/Program.cs"
    dotnet build -c Release --no-restore -p:ReportAnalyzer=true -v:d -clp:PerformanceSummary > "$log" 2>&1 || { tail -40 "$log"; exit 1; }
    # The project's own Csc summary is the last one in the log (the runtime is up to date).
    local ours all csc
    ours=$(awk '/Total generator execution time/{g=1} g && /Auth0\.Generated\.Generator, Version/{v=$1} END{print v}' "$log")
    all=$(awk '/Total generator execution time/{v=$5} END{print v}' "$log")
    csc=$(awk '/^ *[0-9]+ ms +Csc( |$)/{v=$1} END{print v}' "$log")
    printf '%s\t%s\t%s\n' "${ours:-0}" "${all:-0}" "${csc:-0}" >> "$dir/runs.tsv"
    printf '%-13s run %d: generator %ss, all generators %ss, Csc %s ms, generator/Csc %s\n' "$label" "$r" "${ours:-?}" "${all:-?}" "${csc:-?}" \
      "$(awk -v o="${ours:-0}" -v c="${csc:-0}" 'BEGIN{if(c>0) printf "%.3f", o*1000/c; else print "?"}')"
  done
  # generator/Csc is the figure to compare across runs on a loaded machine: the load stretches both.
  printf '%-13s median of %d: generator %ss, all generators %ss, Csc %s ms, generator/Csc %s\n' "$label" "$runs" \
    "$(cut -f1 "$dir/runs.tsv" | median)" "$(cut -f2 "$dir/runs.tsv" | median)" "$(cut -f3 "$dir/runs.tsv" | median)" \
    "$(awk '$3>0{printf "%.4f\n", $1*1000/$3}' "$dir/runs.tsv" | median)"
}

write_project "$out/NoAttributes" 0
write_project "$out/WithRequirements" 1
echo "generator: $repo/src/Generator ($(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?')); projects: $out" >&2
echo "UseSharedCompilation=${UseSharedCompilation:-unset (compiler server on)}; load before: $(cat /proc/loadavg)"
measure "$out/NoAttributes" none
measure "$out/WithRequirements" requirements
echo "load after:  $(cat /proc/loadavg)"
# What the generator wrote in the last build of each project (none expected for NoAttributes).
for p in NoAttributes WithRequirements; do
  files=$(cd "$out/$p/obj/generated" 2>/dev/null && find . -path '*Auth0.Generated.Generator*' -name '*.cs' | sort)
  echo "$p: $(echo "$files" | grep -c . || true) generated file(s)$( [ -n "$files" ] && echo ", sha256 of their contents: $(cd "$out/$p/obj/generated" && cat $files | sha256sum | cut -c1-16)")"
done
