using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Marsad.Text;

namespace Marsad.Ingest;

/// <summary>
/// The article id: the first 64 bits of SHA-256 over the normalised body with runs of whitespace
/// collapsed, as 16 hex digits. The same story scraped twice (different markup, diacritics,
/// spacing or digit family) gets the same id; any change of words gets a new one.
/// </summary>
public static class ArticleId
{
    public static string Compute(string body)
    {
        var normalized = ArabicNormalizer.Normalize(body);
        var buffer = ArrayPool<char>.Shared.Rent(normalized.Length);
        try
        {
            var w = 0;
            var space = false;
            foreach (var c in normalized)
            {
                if (char.IsWhiteSpace(c))
                {
                    space = w > 0;
                    continue;
                }
                if (space)
                {
                    buffer[w++] = ' ';
                    space = false;
                }
                buffer[w++] = c;
            }
            var bytes = Encoding.UTF8.GetBytes(buffer, 0, w);
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(bytes, hash);
            return Convert.ToHexStringLower(hash[..8]);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }
}
