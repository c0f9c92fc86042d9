// What the generator tests that drive Roslyn use.
global using System;
global using System.Linq;
global using Auth0.Generated.Generator.Tests.Infrastructure;
global using Microsoft.CodeAnalysis;
global using Microsoft.CodeAnalysis.CSharp;
