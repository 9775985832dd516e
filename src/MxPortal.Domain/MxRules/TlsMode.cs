namespace MxPortal.Domain.MxRules;

/// <summary>How STARTTLS is used towards the MX hosts a rule governs.</summary>
public enum TlsMode
{
    /// <summary>The instance-wide setting applies.</summary>
    Default = 0,
    Disabled = 1,
    /// <summary>STARTTLS when offered; plain text otherwise.</summary>
    Opportunistic = 2,
    /// <summary>[MxPortal] no delivery without STARTTLS.</summary>
    Required = 3,
}
