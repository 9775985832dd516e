using System.Buffers.Binary;
using System.Text;

namespace MxPortal.Web.Tests.Telemetry;

/// <summary>
/// What an OTLP <c>ExportMetricsServiceRequest</c> carries, read from its protobuf bytes: the resource's attributes,
/// every metric by instrumentation scope (the meter), and the data points of counters and gauges with their attributes.
/// </summary>
/// <remarks>
/// Note: no package the solution references ships the OTLP proto types (the exporter writes its protobuf by hand and
/// does not depend on Google.Protobuf), so this reads the wire format itself, for the few fields the tests need. Field
/// numbers are those of opentelemetry-proto: collector/metrics/v1, metrics/v1, common/v1 and resource/v1.
/// </remarks>
public sealed class OtlpMetricsRequest
{
    public sealed record Metric(string Scope, string Name);

    public sealed record NumberPoint(string Scope, string Metric, IReadOnlyDictionary<string, string> Attributes, double Value);

    private OtlpMetricsRequest() { }

    public Dictionary<string, string> ResourceAttributes { get; } = [];
    public List<Metric> Metrics { get; } = [];
    public List<NumberPoint> Points { get; } = [];

    public static OtlpMetricsRequest Parse(ReadOnlyMemory<byte> request)
    {
        var result = new OtlpMetricsRequest();
        foreach (var resourceMetrics in Fields(request).Where(f => f.Number == 1))            // resource_metrics
            foreach (var field in Fields(resourceMetrics.Bytes))
            {
                if (field.Number == 1)                                                          // resource
                    foreach (var (k, v) in Attributes(field.Bytes, 1)) result.ResourceAttributes[k] = v;
                else if (field.Number == 2)                                                     // scope_metrics
                    result.ReadScope(field.Bytes);
            }
        return result;
    }

    private void ReadScope(ReadOnlyMemory<byte> scopeMetrics)
    {
        var fields = Fields(scopeMetrics).ToList();
        var scope = fields.Where(f => f.Number == 1)                                           // scope.name
            .SelectMany(f => Fields(f.Bytes)).Where(f => f.Number == 1).Select(f => f.Text).FirstOrDefault() ?? "";
        foreach (var metric in fields.Where(f => f.Number == 2))                               // metrics
        {
            var parts = Fields(metric.Bytes).ToList();
            var name = parts.FirstOrDefault(f => f.Number == 1).Text;
            Metrics.Add(new Metric(scope, name));
            // gauge (5) and sum (7) hold NumberDataPoints in their field 1
            foreach (var point in parts.Where(f => f.Number is 5 or 7).SelectMany(f => Fields(f.Bytes)).Where(f => f.Number == 1))
            {
                var values = Fields(point.Bytes).ToList();
                var value = values.FirstOrDefault(f => f.Number is 4 or 6);                    // as_double, as_int (sfixed64)
                Points.Add(new NumberPoint(scope, name, Attributes(point.Bytes, 7),
                    value.Number == 4 ? BitConverter.Int64BitsToDouble((long)value.Varint) : (long)value.Varint));
            }
        }
    }

    /// <summary>KeyValue attributes in field <paramref name="number"/>; string and int values only.</summary>
    private static Dictionary<string, string> Attributes(ReadOnlyMemory<byte> message, int number)
    {
        var attributes = new Dictionary<string, string>();
        foreach (var kv in Fields(message).Where(f => f.Number == number))
        {
            var parts = Fields(kv.Bytes).ToList();
            var any = Fields(parts.FirstOrDefault(f => f.Number == 2).Bytes).FirstOrDefault();   // AnyValue
            attributes[parts.FirstOrDefault(f => f.Number == 1).Text] = any.Number == 3 ? ((long)any.Varint).ToString() : any.Text;
        }
        return attributes;
    }

    /// <summary>One field: its number, and its value as a varint/fixed number or as length-delimited bytes.</summary>
    private readonly record struct Field(int Number, ulong Varint, ReadOnlyMemory<byte> Bytes)
    {
        public string Text => Encoding.UTF8.GetString(Bytes.Span);
    }

    private static IEnumerable<Field> Fields(ReadOnlyMemory<byte> message)
    {
        var at = 0;
        while (at < message.Length)
        {
            var key = ReadVarint(message.Span, ref at);
            var number = (int)(key >> 3);
            switch (key & 7)
            {
                case 0:
                    yield return new Field(number, ReadVarint(message.Span, ref at), default);
                    break;
                case 1:
                    yield return new Field(number, BinaryPrimitives.ReadUInt64LittleEndian(message.Span[at..]), default);
                    at += 8;
                    break;
                case 2:
                    var length = (int)ReadVarint(message.Span, ref at);
                    yield return new Field(number, 0, message.Slice(at, length));
                    at += length;
                    break;
                case 5:
                    yield return new Field(number, BinaryPrimitives.ReadUInt32LittleEndian(message.Span[at..]), default);
                    at += 4;
                    break;
                default:
                    throw new FormatException($"Unexpected protobuf wire type {key & 7} at byte {at}.");
            }
        }
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> bytes, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
    }
}
