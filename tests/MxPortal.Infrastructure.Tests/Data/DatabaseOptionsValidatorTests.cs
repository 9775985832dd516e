using MxPortal.Infrastructure.Data;

namespace MxPortal.Infrastructure.Tests.Data;

public sealed class DatabaseOptionsValidatorTests
{
    [Theory]
    [InlineData("Sqlite", null, null)]
    [InlineData("sqlite", "Data Source=data/x.db", null)]
    [InlineData("Postgres", "Host=127.0.0.1;Port=5432;Database=mx;Username=mx;Password=x", null)]
    [InlineData("Oracle", null, "Database:Provider")]
    [InlineData("1", null, "Database:Provider")]
    [InlineData("", null, "Database:Provider")]
    [InlineData("Postgres", null, "Database:ConnectionString is required")]
    [InlineData("Sqlite", "Data Source", "Database:ConnectionString")]
    [InlineData("Sqlite", "Nonsense=1", "Database:ConnectionString")]
    [InlineData("Postgres", "Host=127.0.0.1;Bogus Key=1", "Database:ConnectionString")]
    [InlineData("Postgres", "Port=5432", "Database:ConnectionString")]
    public void Validate_NamesTheKeyThatIsWrong(string provider, string? connectionString, string? expectedError)
    {
        var result = new DatabaseOptionsValidator().Validate(null, new DatabaseOptions { Provider = provider, ConnectionString = connectionString });

        if (expectedError is null)
        {
            Assert.True(result.Succeeded, result.FailureMessage);
        }
        else
        {
            Assert.True(result.Failed);
            Assert.Contains(expectedError, result.FailureMessage);
        }
    }
}
