using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Auth0.Generated.Generator.Tests.Behaviour;

/// <summary>Unsigned tokens (IdentityModel parses without validating): enough to exercise claim reading.</summary>
internal static class Tokens
{
    public static AccessToken Base(string payloadJson) => new(Jwt(payloadJson));

    public static TestToken Typed(string payloadJson) => TestToken.Create(Base(payloadJson));

    public static JsonWebToken Jwt(string payloadJson)
        => new(Encode("""{"alg":"none","typ":"JWT"}""") + "." + Encode(payloadJson) + ".");

    private static string Encode(string json)
        => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
