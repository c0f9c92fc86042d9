using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Auth0.Generated.Generator.Tests.Behaviour;

public enum Plan
{
    Free,
    [JsonStringEnumMemberName("premium-plus")]
    Premium,
}

/// <summary>
/// The test project's own token type: the generator (referenced as an analyzer) completes it. GeneratorTests runs the
/// generator on this file's text too (its baselines are of this token), so it names its own usings.
/// </summary>
[Auth0Token]
public partial class TestToken : AccessToken
{
    public partial string? Tier { get; }
    [Claim("name")] public partial string Name { get; }
    [Claim("https://myapp.com/org_id")] public partial string? OrgId { get; }
    public partial bool? IsAdmin { get; }
    public partial bool Verified { get; }
    public partial int? Level { get; }
    public partial int Count { get; }
    public partial long? Quota { get; }
    public partial long Big { get; }
    public partial double? Ratio { get; }
    public partial double Score { get; }
    public partial DateTimeOffset? Since { get; }
    public partial DateTimeOffset Updated { get; }
    [Claim("roles")] public partial IReadOnlyList<string> Roles { get; }
    public partial IReadOnlyList<string>? Groups { get; }
    public partial string[] Tags { get; }
    public partial string[]? Labels { get; }
    [Claim("plan")] public partial Plan? Plan { get; }
    [Claim("plan")] public partial Plan PlanOrDefault { get; }
    internal partial string? @class { get; }
}
