using Auth0.Generated.OpenApi;

namespace Microsoft.AspNetCore.OpenApi;

/// <summary>Adds the API's Auth0.Generated security to documents made by Microsoft.AspNetCore.OpenApi.</summary>
public static class Auth0OpenApiOptionsExtensions
{
    /// <summary>
    /// Adds to the document, from the requirements declared on the endpoints: the <c>Auth0</c> security scheme (OAuth 2.0
    /// with the authorization and token endpoints of the issuer's discovery document when it names them, otherwise HTTP
    /// bearer JWT); and per protected operation the security requirement with exactly the scopes it needs (all-of scopes in
    /// one requirement, any-of scopes as alternatives), 401 and 403 responses with the <c>Auth0Error</c> body schema, and
    /// the endpoint's requirements in words in its description. Anonymous and open endpoints get no requirement.
    /// <code>builder.Services.AddOpenApi(options =&gt; options.AddAuth0Security());</code>
    /// </summary>
    public static OpenApiOptions AddAuth0Security(this OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var transformer = new Auth0OpenApiTransformer();
        options.AddDocumentTransformer(transformer);
        options.AddOperationTransformer(transformer);
        return options;
    }
}
