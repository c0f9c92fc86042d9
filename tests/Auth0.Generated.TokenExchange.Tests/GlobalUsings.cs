// The namespaces most token-exchange tests use, beside the SDK's implicit ones (tests/Directory.Build.props).
global using System.Net;
global using Auth0.Generated.Testing;
global using Microsoft.AspNetCore.Builder;
global using Microsoft.Extensions.DependencyInjection;
