using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using MxPortal.Infrastructure.Data;

namespace MxPortal.Migrations.Sqlite;

/// <summary>
/// Lets `dotnet ef migrations add X --project src/MxPortal.Migrations.Sqlite --startup-project src/MxPortal.Migrations.Sqlite`
/// build the model without starting the portal. No database is opened to add a migration.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseProviderConfigurator.Configure(builder, DatabaseProvider.Sqlite, "Data Source=design-time.db");
        return new AppDbContext(builder.Options);
    }
}
