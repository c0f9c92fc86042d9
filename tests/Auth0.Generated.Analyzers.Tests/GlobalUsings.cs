// The namespaces most analyzer tests use, beside the SDK's implicit ones (tests/Directory.Build.props).
global using System.Collections.Immutable;
global using Auth0.Generated.Analyzers.Tests.Infrastructure;
global using Microsoft.CodeAnalysis;
global using Microsoft.CodeAnalysis.Diagnostics;
global using Microsoft.CodeAnalysis.Testing;
