// What every code fix uses, once.
global using System.Collections.Immutable;
global using System.Composition;
global using System.Threading;
global using System.Threading.Tasks;
global using Auth0.Generated.Analyzers;
global using Microsoft.CodeAnalysis;
global using Microsoft.CodeAnalysis.CodeActions;
global using Microsoft.CodeAnalysis.CodeFixes;
global using Microsoft.CodeAnalysis.CSharp;
global using Microsoft.CodeAnalysis.CSharp.Syntax;
