namespace MxPortal.Infrastructure.Sending.Recipients;

/// <summary>What one data row of a recipient CSV became: a recipient, or an error. Exactly one is set.</summary>
public sealed class RecipientRow
{
    private RecipientRow(ImportedRecipient? recipient, RecipientRowError? error)
    {
        Recipient = recipient;
        Error = error;
    }

    public ImportedRecipient? Recipient { get; }

    public RecipientRowError? Error { get; }

    public long Line => Recipient?.Line ?? Error!.Line;

    internal static RecipientRow Of(ImportedRecipient recipient) => new(recipient, null);

    internal static RecipientRow Of(RecipientRowError error) => new(null, error);
}
