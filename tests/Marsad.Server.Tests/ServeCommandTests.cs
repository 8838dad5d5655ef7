using Marsad.Cli;

namespace Marsad.Server.Tests;

/// <summary><c>marsad serve</c> on the command line: its help and its refusal of a bad port (the server itself is tested through <see cref="MarsadServer"/>).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "console";
}

[Collection(ConsoleCollection.Name)]
public sealed class ServeCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Console.SetOut(stdout);
        Console.SetError(stderr);
        try
        {
            var code = Program.BuildRoot().Parse(args).Invoke();
            return (code, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
        }
    }

    [Fact]
    public void Serve_help_shows_examples_and_options()
    {
        var (code, output, _) = Run("serve", "--help");
        Assert.Equal(0, code);
        foreach (var line in new[] { "Examples:", "marsad ingest examples && marsad serve", "--store", "--port", "--host", "--max-analyze-kb" })
            Assert.Contains(line, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_refuses_a_port_out_of_range()
    {
        var (code, _, err) = Run("serve", "--store", Path.Combine(Path.GetTempPath(), "never-created.db"), "--port", "70000");
        Assert.Equal(2, code);
        Assert.Contains("--port", err, StringComparison.Ordinal);
    }
}
