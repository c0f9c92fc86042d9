// What every analyzer test file uses.
global using System.Threading.Tasks;
global using Auth0.Generated.Analyzers.Tests.Infrastructure;
global using Microsoft.CodeAnalysis;
global using Microsoft.CodeAnalysis.Testing;
