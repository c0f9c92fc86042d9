using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Auth0.Generated.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Auth0.Generated.Runtime.Tests.Visibility;

/// <summary>The refused-token log line (reason, category, level, no token text) and the metrics read with a <see cref="MeterListener"/>.</summary>
public sealed class ObservabilityTests : IssuerTests
{
    [Fact]
    public async Task A_refused_token_is_logged_with_its_reason_at_information_under_the_handler_category_and_never_with_token_text()
    {
        // The test host reads the sample's appsettings.json (the template levels): turn the category on, as an operator would.
        await using var api = await TestApiHost.StartAsync(Issuer, TestRoutes.Map, services: services => services.Configure<LoggerFilterOptions>(
            filter => filter.Rules.Add(new LoggerFilterRule(null, "Microsoft.AspNetCore.Authentication", LogLevel.Information, null))));
        using var stranger = TestSigningKey.Create();
        var forged = Issuer.Token().SignedWith(stranger).Build();
        var expired = Issuer.Token().ExpiresIn(TimeSpan.FromMinutes(-10)).Build();
        var valid = Issuer.Token().Build();
        await ResponseAssert.InvalidToken(await api.Client.GetAsync("/private", forged), "signature verification failed");
        await ResponseAssert.InvalidToken(await api.Client.GetAsync("/private", expired));
        await ResponseAssert.Ok(await api.Client.GetAsync("/private", valid));
        using (var malformed = new HttpRequestMessage(HttpMethod.Get, "/private"))
        {
            malformed.Headers.TryAddWithoutValidation("Authorization", "Bearer " + valid + " " + forged);
            await api.Client.SendAsync(malformed);
        }

        var refused = api.Logs.Where(l => l.Message.StartsWith("The access token was refused", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, refused.Count);
        Assert.All(refused, l => Assert.Equal((AuthenticationDiagnostics.HandlerCategory, LogLevel.Information), (l.Category, l.Level)));
        Assert.Contains(refused, l => l.Message == "The access token was refused (invalid_signature): invalid_token \"signature verification failed\".");
        Assert.Contains(refused, l => l.Message.StartsWith("The access token was refused (expired): invalid_token", StringComparison.Ordinal));
        Assert.Contains(refused, l => l.Message.StartsWith("The access token was refused (malformed_request): invalid_request", StringComparison.Ordinal));

        // No captured line of any category holds a token or any of its three parts (header, payload, signature).
        var parts = new[] { forged, expired, valid }.SelectMany(t => t.Split('.')).ToList();
        Assert.All(parts, part => Assert.True(part.Length > 16));
        Assert.NotEmpty(api.Logs);
        foreach (var line in api.Logs)
        {
            var text = line.Message + " " + line.Exception;
            Assert.DoesNotContain(parts, part => text.Contains(part, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task With_the_web_template_log_levels_refused_tokens_write_no_line()
    {
        // "Logging": { "LogLevel": { "Default": "Information", "Microsoft.AspNetCore": "Warning" } } of `dotnet new web`.
        await using var api = await TestApiHost.StartAsync(Issuer, TestRoutes.Map, services: services => services.Configure<LoggerFilterOptions>(filter =>
        {
            filter.MinLevel = LogLevel.Information;
            filter.Rules.Add(new LoggerFilterRule(null, "Microsoft.AspNetCore", LogLevel.Warning, null));
        }));
        await ResponseAssert.Ok(await api.Client.GetAsync("/private", Issuer.Token().Build())); // the keys are fetched (logged once)
        var before = api.Logs.Count;
        Assert.Contains(api.Logs, l => l.Category == "Auth0.Generated.Keys" && l.Level == LogLevel.Information); // the filter lets Information through
        using var stranger = TestSigningKey.Create();
        for (var i = 0; i < 20; i++)
        {
            await ResponseAssert.InvalidToken(await api.Client.GetAsync("/private", Issuer.Token().SignedWith(stranger).Header("kid", Issuer.SigningKey.KeyId).Build()));
            await ResponseAssert.InvalidToken(await api.Client.GetAsync("/private", "not-a-jwt"));
        }

        Assert.Equal(before, api.Logs.Count);
    }

    [Fact]
    public async Task Metrics_count_validations_by_reason_cache_lookups_jwks_fetches_and_report_the_key_set_age()
    {
        await using var api = await TestRoutes.StartHostAsync(Issuer, o => o.FetchKeysAtStartup = false);
        var meterFactory = api.Services.GetRequiredService<IMeterFactory>();
        var measurements = new ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                // Only this host's meter: other tests' hosts run in parallel with their own factories.
                if (instrument.Meter.Name == Auth0Metrics.MeterName && ReferenceEquals(instrument.Meter.Scope, meterFactory))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, value, ToDictionary(tags))));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, value, ToDictionary(tags))));
        listener.Start();

        var token = Issuer.Token().Build();
        await ResponseAssert.Ok(await api.Client.GetAsync("/private", token));
        await ResponseAssert.Ok(await api.Client.GetAsync("/private", token));
        await ResponseAssert.InvalidToken(await api.Client.GetAsync("/private", Issuer.Token().With("aud", "https://other").Build()));
        await ResponseAssert.InvalidToken(await api.Client.GetAsync("/private", "not-a-jwt"));
        listener.RecordObservableInstruments();

        int Count(string instrument, params (string Key, string Value)[] tags)
            => (int)measurements.Where(m => m.Instrument == instrument && tags.All(t => Equals(m.Tags.GetValueOrDefault(t.Key), t.Value))).Sum(m => m.Value);

        Assert.Equal(2, Count("auth0.token.validations", ("auth0.validation.result", "success")));
        Assert.Equal(1, Count("auth0.token.validations", ("auth0.validation.result", "failure"), ("error.type", "invalid_audience")));
        Assert.Equal(1, Count("auth0.token.validations", ("auth0.validation.result", "failure"), ("error.type", "malformed_token")));
        Assert.Equal(1, Count("auth0.token_cache.lookups", ("auth0.token_cache.result", "hit")));
        Assert.Equal(3, Count("auth0.token_cache.lookups", ("auth0.token_cache.result", "miss"))); // every token is looked up first
        Assert.Equal(1, Count("auth0.jwks.fetches", ("auth0.issuer", Issuer.Issuer), ("auth0.jwks.fetch.result", "success")));
        var age = Assert.Single(measurements, m => m.Instrument == "auth0.jwks.age");
        Assert.Equal(Issuer.Issuer, age.Tags["auth0.issuer"]);
        Assert.InRange(age.Value, 0, 300);

        // A failed fetch is counted with the exception type.
        Issuer.Behavior = IssuerBehavior.Unavailable;
        await using var failing = await TestRoutes.StartHostAsync(Issuer, o => o.FetchKeysAtStartup = false);
        var failingFactory = failing.Services.GetRequiredService<IMeterFactory>();
        using var failures = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Name == "auth0.jwks.fetches" && ReferenceEquals(instrument.Meter.Scope, failingFactory))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        var failed = new ConcurrentQueue<Dictionary<string, object?>>();
        failures.SetMeasurementEventCallback<long>((_, _, tags, _) => failed.Enqueue(ToDictionary(tags)));
        failures.Start();
        await ResponseAssert.InvalidToken(await failing.Client.GetAsync("/private", Issuer.Token().Build()), "Unable to fetch the signing keys of the issuer");
        var failure = Assert.Single(failed);
        Assert.Equal("failure", failure["auth0.jwks.fetch.result"]);
        Assert.Equal("HttpRequestException", failure["error.type"]);
    }

    private static Dictionary<string, object?> ToDictionary(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            result[tag.Key] = tag.Value;
        }

        return result;
    }
}
