using BenchmarkDotNet.Running;

namespace Auth0.Generated.Benchmarks;

/// <summary>Entry point: <c>dotnet run -c Release --project benchmarks/Auth0.Generated.Benchmarks -- --filter '*'</c>.</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
