// What the generator tests that drive Roslyn use, beside the SDK's implicit namespaces (tests/Directory.Build.props).
global using System.Reflection;
global using Auth0.Generated.Generator.Tests.Infrastructure;
global using Microsoft.AspNetCore.Http;
global using Microsoft.CodeAnalysis;
global using Microsoft.CodeAnalysis.CSharp;
