namespace MxPortal.Domain.MxRules;

// Note: the wire shape of one rule (docs/mx-rules-json.md). Every member is nullable so a missing value
// becomes a listed error instead of stopping the read at the first one.
internal sealed class MxRuleJson
{
    public string? Mask { get; set; }
    public string? Identifiers { get; set; }
    public bool? Shared { get; set; }
    public int? MaxConnections { get; set; }
    public int? MaxMessagesPerConnection { get; set; }
    public int? MessagesPerHour { get; set; }
    public string? ConnectionTimeout { get; set; }
    public string? DataTimeout { get; set; }
    public string? Timeout { get; set; }
    public string? Tls { get; set; }
    public bool? Enabled { get; set; }
    public string? Source { get; set; }
    public string? Comment { get; set; }
}

internal sealed class MxRuleFileJson
{
    public string? Format { get; set; }
    public int? Version { get; set; }
    public List<MxRuleJson?>? Rules { get; set; }
}
