using MxPortal.Infrastructure.Bounces;

namespace MxPortal.Infrastructure.Tests.Bounces;

/// <summary>The mailbox poller must never crash on a mail: every damaged corpus mail parses or fails as a value.</summary>
public sealed class BounceMailParserRobustnessTests
{
    [Fact]
    public void Parse_TruncatedAndCorruptedCorpusMails_NeverThrows()
    {
        var parser = new BounceMailParser();
        var random = new Random(4);
        var checkedMails = 0;
        foreach (var path in Directory.GetFiles(Path.Combine(BounceCorpus.Root, "eml"), "*.eml").Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(path);
            foreach (var damaged in Damage(bytes, random))
            {
                var result = parser.Parse(new MemoryStream(damaged));

                Assert.True(result.IsSuccess || !string.IsNullOrWhiteSpace(result.Error), Path.GetFileName(path));
                checkedMails++;
            }
        }

        Assert.True(checkedMails > 1000);
    }

    private static IEnumerable<byte[]> Damage(byte[] mail, Random random)
    {
        yield return mail[..(mail.Length / 3)];
        yield return mail[..(mail.Length * 2 / 3)];
        var flipped = (byte[])mail.Clone();
        for (var i = 0; i < 20; i++)
        {
            flipped[random.Next(flipped.Length)] = (byte)random.Next(256);
        }

        yield return flipped;
        yield return [.. mail[(mail.Length / 2)..]];
    }
}
