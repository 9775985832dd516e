using System.Net;

namespace MxPortal.Web.Telemetry;

/// <summary>The networks allowed to scrape the metrics endpoint (<see cref="TelemetryOptions.PrometheusAllowedNetworks"/>).</summary>
public sealed class AllowedNetworks
{
    private readonly System.Net.IPNetwork[] _networks;

    private AllowedNetworks(System.Net.IPNetwork[] networks) => _networks = networks;

    /// <summary>What an empty setting means: this host only.</summary>
    public static IReadOnlyList<string> Loopback { get; } = ["127.0.0.0/8", "::1/128"];

    /// <summary>The configured networks, or <see cref="Loopback"/> when none is; the values were validated at start.</summary>
    public static AllowedNetworks From(IReadOnlyList<string> values) =>
        new((values.Count == 0 ? Loopback : values).Select(v => TryParse(v, out var n) ? n
            : throw new FormatException($"'{v}' is not a network.")).ToArray());

    /// <summary>A network in CIDR notation, or a single address (a /32 or /128).</summary>
    public static bool TryParse(string? value, out System.Net.IPNetwork network)
    {
        network = default;
        var text = value?.Trim() ?? "";
        if (!text.Contains('/'))
        {
            if (!IPAddress.TryParse(text, out var address)) return false;
            network = new System.Net.IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }
        return System.Net.IPNetwork.TryParse(text, out network);
    }

    public bool Contains(IPAddress? remote)
    {
        // Note: no remote address (an in-process test server) is not a known network: refused.
        if (remote is null) return false;
        if (remote.IsIPv4MappedToIPv6) remote = remote.MapToIPv4();
        foreach (var n in _networks)
            if (n.Contains(remote)) return true;
        return false;
    }
}
