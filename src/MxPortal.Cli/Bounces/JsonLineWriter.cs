using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace MxPortal.Cli.Bounces;

/// <summary>Writes one compact JSON object per line (JSON Lines) to a text writer.</summary>
public sealed class JsonLineWriter(TextWriter output) : IDisposable
{
    private readonly MemoryStream buffer = new();

    // Note: relaxed escaping keeps non-ASCII diagnostics readable; the output is never embedded in HTML.
    private readonly JsonWriterOptions options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public void Write(Action<Utf8JsonWriter> properties)
    {
        buffer.SetLength(0);
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            writer.WriteStartObject();
            properties(writer);
            writer.WriteEndObject();
        }

        output.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        output.Write('\n');
    }

    public void Dispose()
    {
        output.Flush();
        buffer.Dispose();
    }
}
