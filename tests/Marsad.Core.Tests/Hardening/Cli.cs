using System.Diagnostics;

namespace Marsad.Tests.Hardening;

/// <summary>The built <c>marsad</c> command (dotnet marsad.dll from the test output) as a child process.</summary>
internal static class Cli
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(20);

    private static ProcessStartInfo StartInfo(IEnumerable<string> args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "marsad.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: the test project must reference Marsad.Cli");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add(dll);
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return psi;
    }

    /// <summary>Starts the command; its output is drained (and dropped) so it never blocks on a full pipe.</summary>
    public static Process Start(params string[] args)
    {
        var p = Process.Start(StartInfo(args))!;
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    /// <summary>Runs the command to the end: exit code, standard output, standard error.</summary>
    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        using var p = Process.Start(StartInfo(args))!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(Timeout))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail($"marsad {string.Join(' ', args.Select(a => a.Length > 40 ? a[..40] + "…" : a))} did not finish in {Timeout}");
        }
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}
