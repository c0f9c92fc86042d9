// The namespaces most analyzer files use, once. The linked src/Shared files name their own.
global using System;
global using System.Collections.Generic;
global using System.Collections.Immutable;
global using Auth0.Generated.Shared;
global using Microsoft.CodeAnalysis;
global using Microsoft.CodeAnalysis.CSharp;
global using Microsoft.CodeAnalysis.CSharp.Syntax;
global using Microsoft.CodeAnalysis.Diagnostics;
global using Microsoft.CodeAnalysis.Operations;
