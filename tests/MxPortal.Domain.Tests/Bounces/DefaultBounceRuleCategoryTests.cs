using MxPortal.Domain.Bounces;

namespace MxPortal.Domain.Tests.Bounces;

/// <summary>
/// One class of replies per row, worded as production MTAs and providers word them (not copied
/// from the corpus): each must be decided by the named default rule, without help from a status
/// code, so that the rule and not a lucky code carries the verdict.
/// </summary>
public sealed class DefaultBounceRuleCategoryTests
{
    private static readonly BounceClassifier Classifier = new(BounceRuleSet.Create(DefaultBounceRules.Create()));

    [Theory]
    // A sender-side sending quota is volume, not the recipient's full mailbox.
    [InlineData("550 Daily user sending quota exceeded for this account", "rate-limited", FailureReason.Unreachable)]
    [InlineData("550 The user you are trying to contact is receiving mail too quickly", "rate-limited", FailureReason.Unreachable)]
    // Full mailboxes, however the store words it.
    [InlineData("554 STOREDRV.Deliver: QuotaExceededException, the mailbox is over its limit", "mailbox-full", FailureReason.MailboxFull)]
    [InlineData("552 Mailbox quota usage exceeded for this recipient", "mailbox-full", FailureReason.MailboxFull)]
    [InlineData("550 Recipient inbox has exceeded its storage allowance", "mailbox-full", FailureReason.MailboxFull)]
    [InlineData("552 Not enough storage space in the recipient's mailbox", "mailbox-full", FailureReason.MailboxFull)]
    // Inactive, suspended or expired accounts.
    [InlineData("550 This mailbox is no longer active", "inactive-user", FailureReason.InactiveUser)]
    [InlineData("550 Recipient mailbox unavailable due to inactivity", "inactive-user", FailureReason.InactiveUser)]
    [InlineData("550 Sorry, this account has expired", "inactive-user", FailureReason.InactiveUser)]
    [InlineData("550 The account is temporarily blocked by its owner", "inactive-user", FailureReason.InactiveUser)]
    // The words outweigh a 5.1.1 code: the address exists and is inactive, so no quarantine at once.
    [InlineData("550 5.1.1 User is inactive", "inactive-user", FailureReason.InactiveUser)]
    [InlineData("550 Recipient has been marked inactive", "inactive-user", FailureReason.InactiveUser)]
    // Malformed messages are refused content, not a size problem.
    [InlineData("554 Message is not RFC 5322 compliant", "header-error", FailureReason.Refused)]
    [InlineData("550 Rejected: missing Message-ID header", "header-error", FailureReason.Refused)]
    [InlineData("552 Error: message file too big", "message-too-large", FailureReason.TextTooLong)]
    // Dead addresses in the wording of several MTAs.
    [InlineData("551 User not local; please try <someone@example.net>", "user-unknown", FailureReason.UserUnknown)]
    [InlineData("550 Addressee unknown, relay=mx.example.net", "user-unknown", FailureReason.UserUnknown)]
    [InlineData("553 Requested action not taken: mailbox name not allowed", "user-unknown", FailureReason.UserUnknown)]
    [InlineData("550 The recipient account has been deleted", "user-unknown", FailureReason.UserUnknown)]
    [InlineData("550 Recipient was not found on this server", "user-unknown", FailureReason.UserUnknown)]
    // Domains that do not resolve.
    [InlineData("Name service error for name=mx.nowhere.example type=MX: Host not found", "invalid-domain", FailureReason.InvalidDomain)]
    [InlineData("550 DNS domain nowhere.example does not exist [Message=InfoDomainNonexistent]", "invalid-domain", FailureReason.InvalidDomain)]
    [InlineData("Delivery failed: unknown domain nowhere.example", "invalid-domain", FailureReason.InvalidDomain)]
    // Transport trouble.
    [InlineData("lost connection with mx.example.net[192.0.2.10] while receiving the initial server greeting", "connection-failed", FailureReason.Unreachable)]
    [InlineData("Cannot deliver: TLS handshake failed with mx.example.net", "connection-failed", FailureReason.Unreachable)]
    [InlineData("554 Too many hops, possible mail loop", "system-error", FailureReason.Unreachable)]
    // Spam, policy and relay refusals.
    [InlineData("550 Our system has detected that this message is likely unsolicited mail", "spam-reputation", FailureReason.Refused)]
    [InlineData("550 Administrative prohibition", "policy-content", FailureReason.Refused)]
    [InlineData("553 sorry, that domain isn't in my list of allowed rcpthosts", "policy-content", FailureReason.Refused)]
    [InlineData("550 Your server is not authorized to send mail to this domain", "policy-content", FailureReason.Refused)]
    [InlineData("554 Refusing: your IP 198.51.100.7 is not welcome here", "sending-ip-named", FailureReason.Refused)]
    [InlineData("550 OU-002 (COL004-MC1F12) Unfortunately, messages from 198.51.100.7 weren't sent. Please contact your Internet service provider.", "sending-ip-named", FailureReason.Refused)]
    [InlineData("550 mx.example.net: ip=198.51.100.7 - See the postmaster page", "sending-ip-named", FailureReason.Refused)]
    // Wordings of further MTAs and gateways (qmail patches, vpopmail, Exchange, European and Japanese providers).
    [InlineData("553 sorry, your envelope recipient is in my badrcptto list (#5.7.1)", "user-unknown", FailureReason.UserUnknown)]
    [InlineData("550 vdeliver: invalid or unknown virtual user 'bob'", "user-unknown", FailureReason.UserUnknown)]
    [InlineData("550 Mailbox bob does not exist", "user-unknown", FailureReason.UserUnknown)]
    [InlineData("550 Utilisateur inconnu !", "user-unknown", FailureReason.UserUnknown)]
    [InlineData("550 There is no one at this address", "user-unknown", FailureReason.UserUnknown)]
    [InlineData("550 Requested action not taken: mailbox is unavailable", "user-unknown", FailureReason.UserUnknown)]
    [InlineData("452 Mailfolder is full", "mailbox-full", FailureReason.MailboxFull)]
    [InlineData("552 Too much mail data", "mailbox-full", FailureReason.MailboxFull)]
    [InlineData("550 User has too many messages on the server", "mailbox-full", FailureReason.MailboxFull)]
    [InlineData("550 Mailbox currently suspended - please contact the recipient by other means", "inactive-user", FailureReason.InactiveUser)]
    [InlineData("450 Recipient rejected: temporarily inactive", "inactive-user", FailureReason.InactiveUser)]
    [InlineData("530 5.7.0 Must issue a STARTTLS command first", "tls-required", FailureReason.Unreachable)]
    [InlineData("550 Message size exceeds the maximum incoming message size", "message-too-large", FailureReason.TextTooLong)]
    [InlineData("550 Closed mailing list: only members may post", "refused-by-recipient", FailureReason.Refused)]
    [InlineData("550 The recipient is only accepting mail from specific email addresses", "refused-by-recipient", FailureReason.Refused)]
    [InlineData("550 Sender email address rejected: not verified", "authentication", FailureReason.Refused)]
    [InlineData("553 Invalid sender: no third-party DSNs", "authentication", FailureReason.Refused)]
    [InlineData("550 Helo command rejected: Host not found", "authentication", FailureReason.Refused)]
    [InlineData("554 This server does not accept mail from your domain", "authentication", FailureReason.Refused)]
    [InlineData("554 We do not accept mail from dynamic IPs", "spam-reputation", FailureReason.Refused)]
    [InlineData("550 Message rejected: content filter rejection", "spam-reputation", FailureReason.Refused)]
    [InlineData("550 This system is not configured to relay mail", "policy-content", FailureReason.Refused)]
    [InlineData("554 Sender IP address rejected", "sending-ip-named", FailureReason.Refused)]
    [InlineData("550 Recipient domain must exist", "invalid-domain", FailureReason.InvalidDomain)]
    [InlineData("554 Mail forwarding loop for bob@example.net", "system-error", FailureReason.Unreachable)]
    [InlineData("451 Temporary local problem - please try later", "server-resources", FailureReason.Unreachable)]
    // Provider wordings whose words alone once pointed at the wrong class.
    [InlineData("550 5.1.90 Your message can't be sent because you've reached your daily limit for message recipients", "rate-limited", FailureReason.Unreachable)]
    [InlineData("550 5.2.2 Submission quota exceeded", "rate-limited", FailureReason.Unreachable)]
    [InlineData("550 Mail Sending denied: the sender account is disabled", "sender-account", FailureReason.Refused)]
    [InlineData("553 5.7.2 [TSS09] All messages from 198.51.100.7 will be permanently deferred; Retrying will NOT succeed", "spam-reputation", FailureReason.Refused)]
    [InlineData("550 5.7.5 Remote certificate failed MTA-STS validation", "tls-required", FailureReason.Unreachable)]
    [InlineData("553 This route requires encryption (TLS)", "tls-required", FailureReason.Unreachable)]
    [InlineData("550 Access denied, example.com does not accept email over IPv6", "refused-by-recipient", FailureReason.Refused)]
    [InlineData("550 5.1.4 Destination mailbox address ambiguous", "local-delivery-agent", FailureReason.Unreachable)]
    // Exim and qmail's own sentences.
    [InlineData("550 Requested action not taken: mailbox unavailable (not enough free space)", "server-resources", FailureReason.Unreachable)]
    [InlineData("all relevant MX records point to non-existent hosts", "invalid-domain", FailureReason.InvalidDomain)]
    [InlineData("delivery to pipe forbidden", "local-delivery-agent", FailureReason.Unreachable)]
    [InlineData("552 The message exeeded the maximum size the user accepts", "message-too-large", FailureReason.TextTooLong)]
    [InlineData("550 Recipient bob was not found in directory", "user-unknown", FailureReason.UserUnknown)]
    [InlineData("550 Frequency of receiving messages is limited", "rate-limited", FailureReason.Unreachable)]
    [InlineData("553 Recipient mailbox is not allowed", "user-unknown", FailureReason.UserUnknown)]
    [InlineData("550 This message contains text that uses unnecessary base64 encoding", "header-error", FailureReason.Refused)]
    public void Classify_ReplyOfAKnownClass_IsDecidedByItsRule(string reply, string rule, FailureReason reason)
    {
        var result = Classifier.Classify(reply);

        Assert.Equal((ClassificationSource.Rule, rule), (result.Source, result.Decider));
        Assert.Equal(reason, result.Reason);
        Assert.Equal(reason == FailureReason.UserUnknown ? FailureType.Hard : FailureType.Soft, result.Type);
    }

    [Theory]
    [InlineData("550 <someone@example.net>: Recipient address rejected: Mailbox on hold")]
    [InlineData("550 <someone@example.net>: Recipient address rejected: see our postmaster page")]
    public void Classify_RecipientRejectedForAnUnknownReason_NeedsQualification(string reply)
    {
        // Postfix's "Recipient address rejected:" is a prefix; the reason after it decides, and
        // an unknown reason is neither a dead address nor a refusal of our mail.
        var result = Classifier.Classify(reply);

        Assert.Equal((FailureType.Soft, FailureReason.NotDefined), (result.Type, result.Reason));
        Assert.True(result.NeedsQualification);
    }

    [Theory]
    [InlineData("550 #5.1.0 Address rejected.")]
    [InlineData("550 Address rejected someone@example.net")]
    public void Classify_BareAddressRejected_IsUserUnknown(string reply)
    {
        Assert.Equal(FailureReason.UserUnknown, Classifier.Classify(reply).Reason);
    }

    [Fact]
    public void Classify_LocalProgramExitStatus_IsAMailerError()
    {
        var recipient = new BouncedRecipient("a@example.jp", "failed", "5.0.0", "X-Unix; 75");

        var result = Classifier.Classify(recipient, BounceReportKind.DeliveryStatus);

        Assert.Equal((FailureType.Soft, FailureReason.Unreachable, "local-delivery-agent"), (result.Type, result.Reason, result.Decider));
    }
}
