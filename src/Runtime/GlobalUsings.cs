// The namespaces the runtime files use most, once: System and the collection and task ones nearly everywhere, the
// ASP.NET Core, DI, logging, options and Auth0.Generated.Authorization ones in 12 to 23 of ~100 files each. The linked
// src/Shared files name their own.
global using System;
global using System.Collections.Generic;
global using System.Threading;
global using System.Threading.Tasks;
global using Auth0.Generated.Authorization;
global using Microsoft.AspNetCore.Authorization;
global using Microsoft.AspNetCore.Http;
global using Microsoft.Extensions.DependencyInjection;
global using Microsoft.Extensions.Logging;
global using Microsoft.Extensions.Options;
