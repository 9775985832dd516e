using Microsoft.Extensions.Options;

namespace MxPortal.Infrastructure.Sync;

/// <summary>Start-up checks of <see cref="SyncOptions"/>: every message names the key to fix.</summary>
internal sealed class SyncOptionsValidator : IValidateOptions<SyncOptions>
{
    public ValidateOptionsResult Validate(string? name, SyncOptions o)
    {
        var errors = new List<string>();
        var s = SyncOptions.Section;
        if (!Enum.TryParse<SyncRole>(o.Role, true, out var role) || !Enum.IsDefined(role) || int.TryParse(o.Role, out _))
            errors.Add($"{s}:Role must be one of: {string.Join(", ", Enum.GetNames<SyncRole>())}.");
        else if (role == SyncRole.Client)
        {
            if (!Uri.TryCreate(o.PublisherUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
                errors.Add($"{s}:PublisherUrl must be the absolute http(s) address of the publisher.");
            if (FeedSignature.TryImportPublicKey(o.PublicKey, out _) is { } keyError)
                errors.Add($"{s}:PublicKey {keyError}");
            if (string.IsNullOrWhiteSpace(o.ApiKey))
                errors.Add($"{s}:ApiKey is required for a client (an Administrator of the publisher creates it).");
            if (!CronIsValid(o.Cron))
                errors.Add($"{s}:Cron '{o.Cron}' is not a cron expression (e.g. \"0 6 * * *\").");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    // Note: Hangfire parses the expression itself (and throws at registration); this catches the usual slips early
    // with a message naming the key: 5 or 6 fields of cron characters.
    private static bool CronIsValid(string? cron)
    {
        var fields = (cron ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length is 5 or 6 && fields.All(f => f.All(c => char.IsAsciiLetterOrDigit(c) || c is '*' or '/' or ',' or '-' or '?' or '#'));
    }
}
