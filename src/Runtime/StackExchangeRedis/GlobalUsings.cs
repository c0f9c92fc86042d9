// The namespaces the files of this package share, once (as the runtime's GlobalUsings.cs).
global using System;
global using System.Threading;
global using System.Threading.Tasks;
global using Microsoft.Extensions.DependencyInjection;
global using Microsoft.Extensions.Logging;
global using Microsoft.Extensions.Options;
