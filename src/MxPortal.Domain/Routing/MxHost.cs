using System.Net;

namespace MxPortal.Domain.Routing;

/// <summary>One mail exchanger of a domain: its name (no trailing dot), preference and resolved addresses.</summary>
public sealed record MxHost(string Name, int Preference, IReadOnlyList<IPAddress> Addresses);
