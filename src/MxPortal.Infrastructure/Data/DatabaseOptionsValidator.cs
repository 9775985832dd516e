using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MxPortal.Infrastructure.Data;

/// <summary>Refuses an unknown provider or a connection string the provider cannot parse, naming the key.</summary>
internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        if (!Enum.TryParse<DatabaseProvider>(options.Provider, ignoreCase: true, out var provider)
            || !Enum.IsDefined(provider) || int.TryParse(options.Provider, out _))
        {
            return ValidateOptionsResult.Fail(
                $"{DatabaseOptions.Section}:Provider is '{options.Provider}'; expected one of: {string.Join(", ", Enum.GetNames<DatabaseProvider>())}.");
        }
        if (provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString))
            return ValidateOptionsResult.Fail($"{DatabaseOptions.Section}:ConnectionString is required when {DatabaseOptions.Section}:Provider is Postgres.");
        try
        {
            if (provider == DatabaseProvider.Sqlite)
            {
                var b = new SqliteConnectionStringBuilder(options.EffectiveConnectionString);
                if (string.IsNullOrWhiteSpace(b.DataSource)) throw new ArgumentException("Data Source is empty.");
            }
            else
            {
                var b = new NpgsqlConnectionStringBuilder(options.EffectiveConnectionString);
                if (string.IsNullOrWhiteSpace(b.Host)) throw new ArgumentException("Host is empty.");
            }
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            return ValidateOptionsResult.Fail($"{DatabaseOptions.Section}:ConnectionString is not a valid {provider} connection string: {e.Message}");
        }
        return ValidateOptionsResult.Success;
    }
}
