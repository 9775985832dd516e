using System.Reflection;
using MxPortal.Infrastructure.Sending;
using Xunit.Sdk;

namespace MxPortal.Infrastructure.Tests.Sending;

/// <summary>
/// Runs a test once per SMTP transport (<c>Sending:Transport</c>): the transport is the first argument, followed by
/// the rows of <paramref name="rows"/> (a static member of the test class) when given.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BothTransportsAttribute(string? rows = null) : DataAttribute
{
    public override IEnumerable<object?[]> GetData(MethodInfo testMethod)
    {
        var data = rows is null ? [[]]
            : (IEnumerable<object?[]>)testMethod.DeclaringType!.GetProperty(rows, BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)!.GetValue(null)!;
        foreach (var kind in Enum.GetValues<SmtpTransportKind>())
            foreach (var row in data)
                yield return [kind, .. row];
    }
}
