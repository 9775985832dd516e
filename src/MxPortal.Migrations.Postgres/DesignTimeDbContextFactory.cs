using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using MxPortal.Infrastructure.Data;

namespace MxPortal.Migrations.Postgres;

/// <summary>
/// Lets `dotnet ef migrations add X --project src/MxPortal.Migrations.Postgres --startup-project src/MxPortal.Migrations.Postgres`
/// build the model without starting the portal. No database is opened to add a migration.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseProviderConfigurator.Configure(builder, DatabaseProvider.Postgres, "Host=127.0.0.1;Database=design_time;Username=design");
        return new AppDbContext(builder.Options);
    }
}
