// The namespaces nearly every parser and emitter of the generator uses, once.
global using System;
global using System.Collections.Generic;
global using System.Threading;
global using Auth0.Generated.Generator.Model;
global using Auth0.Generated.Shared;
global using Microsoft.CodeAnalysis;
global using Microsoft.CodeAnalysis.CSharp;
global using Microsoft.CodeAnalysis.CSharp.Syntax;
