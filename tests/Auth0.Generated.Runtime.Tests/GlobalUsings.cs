// The namespaces most behaviour tests use, beside the SDK's implicit ones (tests/Directory.Build.props). The files also
// compiled into Auth0.Generated.Aot.Tests (SampleCases.cs, ResponseAssert.cs, DPoP/SampleDPoPCases.cs) name their own.
global using System.Net;
global using Auth0.Generated.Testing;
global using Microsoft.AspNetCore.Builder;
global using Microsoft.AspNetCore.Http;
global using Microsoft.Extensions.DependencyInjection;
