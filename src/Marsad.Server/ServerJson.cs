using System.Text.Encodings.Web;
using System.Text.Json;

namespace Marsad.Server;

/// <summary>JSON of the API: snake_case names like the DocumentJson contract, Arabic unescaped (responses are <c>application/json</c> with <c>nosniff</c>).</summary>
internal static class ServerJson
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions o)
    {
        o.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        o.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        return o;
    }
}
