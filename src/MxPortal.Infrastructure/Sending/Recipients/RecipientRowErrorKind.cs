namespace MxPortal.Infrastructure.Sending.Recipients;

/// <summary>Why a row of a recipient CSV was not imported.</summary>
public enum RecipientRowErrorKind
{
    /// <summary>The header row is missing, has an empty or repeated column name, or no (or two) address columns.</summary>
    InvalidHeader,

    /// <summary>An unterminated quote, text after a closing quote, or not as many fields as the header has columns.</summary>
    MalformedRow,

    /// <summary>The address column holds nothing.</summary>
    EmptyAddress,

    /// <summary>The address column holds something that is not an address; the message says why.</summary>
    InvalidAddress,
}
