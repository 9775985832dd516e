using System.Net.Sockets;
using DnsClient;

namespace MxPortal.Infrastructure.Routing;

/// <summary>
/// The single place where DnsClient responses and exceptions become <see cref="DnsStatus"/> values.
/// DnsClient's own cache is off: the resolver caches whole resolutions with the injected TimeProvider.
/// </summary>
internal sealed class DnsLookup(ILookupClient client)
{
    public static ILookupClient CreateClient(DnsOptions options)
    {
        var servers = options.NameServerEndPoints();
        var clientOptions = servers.Count == 0
            ? new LookupClientOptions()
            : new LookupClientOptions([.. servers.Select(s => new NameServer(s))]);
        clientOptions.UseCache = false;
        clientOptions.Timeout = TimeSpan.FromMilliseconds(options.TimeoutMilliseconds);
        clientOptions.Retries = options.Retries;
        clientOptions.ThrowDnsErrors = false;
        clientOptions.UseTcpFallback = true;
        return new LookupClient(clientOptions);
    }

    public async Task<DnsAnswer> QueryAsync(string name, QueryType type, CancellationToken cancellationToken)
    {
        IDnsQueryResponse response;
        try
        {
            response = await client.QueryAsync(name, type, QueryClass.IN, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DnsResponseException or SocketException or TimeoutException
                                  || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new DnsAnswer(DnsStatus.Temporary, [], $"{type} query for {name} failed: {e.Message}");
        }

        var code = (DnsResponseCode)response.Header.ResponseCode;
        if (code == DnsResponseCode.NoError)
        {
            // Note: keep only records of the asked type; a CNAME chain in the answer is followed by the server.
            return new DnsAnswer(DnsStatus.Ok, [.. response.Answers.Where(r => r.RecordType == (DnsClient.Protocol.ResourceRecordType)type)], "");
        }
        if (code == DnsResponseCode.NotExistentDomain)
            return new DnsAnswer(DnsStatus.NxDomain, [], $"{name} does not exist (NXDOMAIN)");
        return new DnsAnswer(DnsStatus.Temporary, [], $"{type} query for {name} answered {code} by {response.NameServer}");
    }
}
