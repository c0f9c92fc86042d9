// The namespaces most of the test infrastructure uses (keys, token minting, hosts), beside the SDK's implicit ones
// (tests/Directory.Build.props).
global using System.Security.Cryptography;
global using System.Text;
global using System.Text.Json;
global using Microsoft.Extensions.DependencyInjection;
