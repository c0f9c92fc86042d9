// The namespaces every file of this package uses, once (as the runtime's GlobalUsings.cs).
global using System;
global using System.Threading;
global using System.Threading.Tasks;
