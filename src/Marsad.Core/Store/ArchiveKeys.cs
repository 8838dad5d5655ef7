using System.Text;
using Marsad.Text;

namespace Marsad.Store;

/// <summary>
/// The archive's normalised keys, shared by the stores (filters, entity rows) and the server (links from an article's
/// entities to their entity pages), so both compute the same key.
/// </summary>
public static class ArchiveKeys
{
    /// <summary>Normalised key for filters: Arabic-normalised, trimmed, inner whitespace collapsed; null for empty.</summary>
    public static string? Norm(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var n = ArabicNormalizer.Normalize(text.Trim());
        var sb = new StringBuilder(n.Length);
        var space = false;
        foreach (var c in n)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space)
                sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.Length == 0 ? null : sb.ToString();
    }

    /// <summary>The archive-wide key of an entity: its link id when linked, else <c>TYPE:normalised canonical</c> (the document-local id when the canonical is empty).</summary>
    public static string EntityKey(string? linkId, string? type, string? canonical, string id) =>
        !string.IsNullOrEmpty(linkId) ? linkId : $"{type}:{Norm(canonical) ?? id}";
}
