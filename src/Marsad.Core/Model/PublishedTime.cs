using System.Globalization;

namespace Marsad.Model;

/// <summary>
/// A publication time as the page states it: a wall-clock time, with a UTC offset only when the
/// page gave one (RFC-822 feeds do, scraped pages usually do not). Keeping "no offset" distinct
/// from "UTC" avoids inventing a time zone the source never stated.
/// </summary>
public readonly record struct PublishedTime(DateTime Local, TimeSpan? Offset, bool HasTime, string Calendar = "gregorian")
{
    public DateOnly Date => DateOnly.FromDateTime(Local);

    /// <summary>
    /// ISO 8601: <c>2017-04-19T00:00</c> for a wall-clock time, seconds only when non-zero,
    /// <c>+03:00</c> when the offset is known; <c>2017-04-19</c> when the page gave only a date.
    /// </summary>
    public override string ToString()
    {
        if (!HasTime)
            return Local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var text = Local.ToString(Local.Second == 0 ? "yyyy-MM-dd'T'HH:mm" : "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        if (Offset is { } offset)
        {
            var sign = offset < TimeSpan.Zero ? '-' : '+';
            var abs = offset.Duration();
            text += string.Create(CultureInfo.InvariantCulture, $"{sign}{abs.Hours:00}:{abs.Minutes:00}");
        }
        return text;
    }
}
