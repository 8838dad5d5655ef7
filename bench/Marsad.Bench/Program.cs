using BenchmarkDotNet.Running;

namespace Marsad.Bench;

public static class Program
{
    /// <summary>Run with: dotnet run -c Release --project bench/Marsad.Bench -- --filter '*'</summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
