using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Marsad.Server.Api;

/// <summary>
/// Validates query-string parameters and collects every problem, so one 400 ProblemDetails names them
/// all (<c>errors: {"limit": ["…"]}</c>). Parameters arrive as strings: binding never fails before
/// validation can explain why.
/// </summary>
internal sealed partial class QueryArgs
{
    public const int MaxOffset = 100_000;
    public const int MaxTextChars = 500;
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public bool Valid => _errors.Count == 0;

    public IResult Problem() => TypedResults.ValidationProblem(_errors, title: "One or more parameters are invalid.");

    public void Error(string name, string message) => _errors[name] = [message];

    /// <summary>An integer in [<paramref name="min"/>, <paramref name="max"/>], or <paramref name="fallback"/> when absent.</summary>
    public int Int(string name, string? value, int fallback, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
            return fallback;
        if (!int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
        {
            Error(name, string.Create(CultureInfo.InvariantCulture, $"'{name}' must be a whole number from {min} to {max}."));
            return fallback;
        }
        return n;
    }

    /// <summary>A date as yyyy-MM-dd, or null when absent.</summary>
    public DateOnly? Date(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return d;
        Error(name, $"'{name}' must be a date as yyyy-MM-dd.");
        return null;
    }

    /// <summary>A free-text filter (trimmed, bounded), or null when absent.</summary>
    public string? Text(string name, string? value, int maxChars = MaxTextChars)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        value = value.Trim();
        if (value.Length > maxChars)
        {
            Error(name, string.Create(CultureInfo.InvariantCulture, $"'{name}' is longer than {maxChars} characters."));
            return null;
        }
        return value;
    }

    /// <summary>An entity type: PER, ORG, LOC or MISC (any case), or null when absent.</summary>
    public string? EntityType(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var t = value.Trim().ToUpperInvariant();
        if (t is "PER" or "ORG" or "LOC" or "MISC")
            return t;
        Error(name, $"'{name}' must be one of PER, ORG, LOC, MISC.");
        return null;
    }

    /// <summary>An ISO 3166-1 alpha-2 country code, or null when absent.</summary>
    public string? Country(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var c = value.Trim().ToUpperInvariant();
        if (c.Length == 2 && char.IsAsciiLetterUpper(c[0]) && char.IsAsciiLetterUpper(c[1]))
            return c;
        Error(name, $"'{name}' must be an ISO 3166-1 alpha-2 code such as IQ.");
        return null;
    }

    /// <summary>A CAMEO root code: two digits 01–20, or null when absent.</summary>
    public string? CameoRoot(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var v = value.Trim();
        if (v.Length == 1 && char.IsAsciiDigit(v[0]))
            v = "0" + v;
        if (CameoRootRegex().IsMatch(v))
            return v;
        Error(name, $"'{name}' must be a CAMEO root code from 01 to 20.");
        return null;
    }

    /// <summary>Checks that <paramref name="from"/> is not after <paramref name="to"/>.</summary>
    public void Range(DateOnly? from, DateOnly? to)
    {
        if (from is { } f && to is { } t && f > t)
            Error("from", "'from' is after 'to'.");
    }

    [GeneratedRegex("^(0[1-9]|1[0-9]|20)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex CameoRootRegex();
}
