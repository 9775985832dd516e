using MimeKit;
using MxPortal.Infrastructure.Sending;

namespace MxPortal.Infrastructure.Tests.Sending;

/// <summary>Small plain messages for engine tests: <c>{prefix}{id}@{domain}</c>, recipient ids counting up from firstId.</summary>
internal static class TestMessages
{
    public static List<OutgoingMessage> Create(string domain, int count, string prefix = "r", int firstId = 1) =>
        Enumerable.Range(firstId, count).Select(i =>
        {
            var to = $"{prefix}{i}@{domain}";
            var m = new MimeMessage { Subject = "Hello" };
            m.From.Add(MailboxAddress.Parse("news@sender.test"));
            m.To.Add(MailboxAddress.Parse(to));
            m.Body = new TextPart("plain") { Text = "Hi" };
            return new OutgoingMessage(i, to, $"bounce+{i}@sender.test", MessageContent.From(m));
        }).ToList();
}
