using Auth0.Generated.Authentication;

namespace Auth0.Generated.Runtime.Tests;

/// <summary>docs/behaviour.md, "Finding the token".</summary>
public sealed class TokenSourceTests(IssuerFixture fixture) : SharedIssuerTests(fixture)
{

    private string ValidToken => Issuer.Token().Build();

    [Fact]
    public async Task No_authorization_header_is_a_bare_challenge()
        => await ResponseAssert.BareChallenge(await Api.Client.GetAsync("/private", token: null));

    [Fact]
    public async Task Public_route_needs_no_token_and_ignores_a_bad_one()
    {
        await ResponseAssert.Ok(await Api.Client.GetAsync("/public", token: null));
        await ResponseAssert.Ok(await Api.Client.GetAsync("/public", "garbage"));
    }

    [Theory]
    [InlineData("Bearer")]
    [InlineData("bearer")]
    [InlineData("BEARER")]
    [InlineData("bEaReR")]
    public async Task Scheme_is_case_insensitive(string scheme)
        => await ResponseAssert.Ok(await Api.Client.GetAsync("/private", ValidToken, scheme));

    [Theory]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("Bearer a b")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer {token}, Basic dXNlcjpwYXNz")]
    [InlineData("Token {token}")]
    [InlineData("garbage")]
    public async Task Malformed_authorization_is_a_bare_challenge(string header)
        => await ResponseAssert.BareChallenge(await Api.Client.SendRawAsync("/private", header.Replace("{token}", ValidToken, StringComparison.Ordinal)));

    /// <summary>
    /// Whitespace variants cannot be sent through HttpClient (it normalizes the Authorization header), so the extractor is
    /// held to them directly. (Leading/trailing whitespace is optional whitespace in HTTP; Kestrel strips it.)
    /// </summary>
    [Theory]
    [InlineData("Bearer  a.b.c")]
    [InlineData("Bearer\ta.b.c")]
    [InlineData("Bearer a.b.c d")]
    [InlineData("Bearer a.b.c,")]
    [InlineData("Bearer =abc")]
    [InlineData("Bearer a=b")]
    [InlineData("Bearer a.b.c\u00e9")]
    [InlineData("Bearer")]
    public void Extractor_refuses_anything_but_one_space_and_one_b64token(string header)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Authorization = header;
        Assert.Equal(TokenSourceResult.Malformed, TokenExtractor.Extract(context.Request, new Auth0ApiOptions(), out _, out _));
    }

    [Fact]
    public async Task Two_authorization_header_lines_are_malformed()
    {
        var header = "Bearer " + ValidToken;
        await ResponseAssert.BareChallenge(await Api.Client.SendRawAsync("/private", header, header));
    }

    [Fact]
    public void Two_authorization_values_are_malformed_in_the_extractor()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Authorization = new Microsoft.Extensions.Primitives.StringValues(["Bearer a.b.c", "Bearer a.b.c"]);
        Assert.Equal(TokenSourceResult.Malformed, TokenExtractor.Extract(context.Request, new Auth0ApiOptions(), out _, out _));
        context.Request.Headers.Authorization = "Bearer a.b.c";
        Assert.Equal(TokenSourceResult.Found, TokenExtractor.Extract(context.Request, new Auth0ApiOptions(), out var token, out _));
        Assert.Equal("a.b.c", token.Value);
    }

    [Fact]
    public async Task Query_token_is_ignored_by_default()
        => await ResponseAssert.BareChallenge(await Api.Client.GetAsync("/private?access_token=" + ValidToken, token: null));

    [Fact]
    public async Task Query_token_is_accepted_when_enabled_and_a_token_in_two_places_is_invalid_request()
    {
        await using var api = await TestRoutes.StartHostAsync(Issuer, o => o.AllowQueryToken = true);
        await ResponseAssert.Ok(await api.Client.GetAsync("/private?access_token=" + ValidToken, token: null));
        await ResponseAssert.Error(await api.Client.GetAsync("/private?access_token=" + ValidToken, ValidToken), HttpStatusCode.BadRequest, "invalid_request");
        await ResponseAssert.Error(await api.Client.GetAsync($"/private?access_token={ValidToken}&access_token={ValidToken}", token: null), HttpStatusCode.BadRequest, "invalid_request");
    }

    [Fact]
    public async Task Cookie_is_read_when_named_and_wins_over_the_header()
    {
        await using var api = await TestRoutes.StartHostAsync(Issuer, configuration: new Dictionary<string, string?> { ["Auth0:CookieName"] = "app.at" });
        await ResponseAssert.Ok(await api.Client.GetWithCookieAsync("/private", "app.at=" + ValidToken));
        await ResponseAssert.Ok(await api.Client.GetWithCookieAsync("/private", "app.at=" + ValidToken, bearer: "not-a-token"));
        await ResponseAssert.InvalidToken(await api.Client.GetWithCookieAsync("/private", "app.at=not-a-token", bearer: ValidToken));
        await ResponseAssert.Ok(await api.Client.GetAsync("/private", ValidToken));
    }

    [Fact]
    public async Task Cookie_is_ignored_when_not_enabled()
        => await ResponseAssert.BareChallenge(await Api.Client.GetWithCookieAsync("/private", "app.at=" + ValidToken));

    [Fact]
    public async Task A_token_over_the_size_limit_is_refused_before_parsing()
    {
        var huge = Issuer.Token().With("padding", new string('a', Auth0ApiDefaults.MaxTokenLength)).Build();
        await ResponseAssert.InvalidToken(await Api.Client.GetAsync("/private", huge), "Token is too large");
    }
}
