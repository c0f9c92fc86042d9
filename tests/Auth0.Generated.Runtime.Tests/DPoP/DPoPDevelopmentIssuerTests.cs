using Auth0.Generated.DPoP;

namespace Auth0.Generated.Runtime.Tests.DPoP;

/// <summary>The development issuer mints DPoP-bound tokens for a client key (<c>/dev/token?jkt=...</c>), so DPoP runs offline.</summary>
public sealed class DPoPDevelopmentIssuerTests
{
    [Fact]
    public async Task Dev_tokens_bound_to_a_client_key_pass_with_its_proofs_only()
    {
        await using var api = await TestApiHost.StartAsync(null, DPoPTestSupport.Map, environment: "Development");
        using var key = DPoPKey.CreateES256();
        var token = await api.Client.GetStringAsync("/dev/token?jkt=" + key.Thumbprint);

        using var client = api.CreateClient(new DPoPProofHandler(key));
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("DPoP", token);
        await ResponseAssert.Ok(await client.GetAsync(new System.Uri("/dpop/required", System.UriKind.Relative)));

        // Bound: not usable as a bearer token, nor with another key's proofs.
        await ResponseAssert.Error(await api.Client.SendAsync("/dpop/required", token, "Bearer"), HttpStatusCode.Unauthorized, "invalid_token", "A DPoP-bound access token must be sent with the DPoP authorization scheme");
        using var thief = DPoPKey.CreateES256();
        using var thiefClient = api.CreateClient(new DPoPProofHandler(thief));
        thiefClient.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("DPoP", token);
        await DPoPTestSupport.DPoPError(
            await thiefClient.GetAsync(new System.Uri("/dpop/required", System.UriKind.Relative)),
            HttpStatusCode.Unauthorized, "invalid_token", "The DPoP proof key does not match the access token binding");
    }
}
