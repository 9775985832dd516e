using MxPortal.Infrastructure;
using MxPortal.Infrastructure.Bounces.Rules;
using MxPortal.Web;
using MxPortal.Web.Telemetry;

var builder = MxWebApplication.CreateBuilder(args);

builder.Services.AddMxInfrastructure(builder.Configuration);
builder.Services.UseStoredBounceRules();     // the bounce rules edited in the portal, not the built-in defaults
builder.Services.AddMxWeb(builder.Configuration);
builder.Services.AddMxTelemetry(builder.Configuration);   // metrics: Prometheus /metrics and/or OTLP (Telemetry section)

var app = builder.Build();

await app.PrepareAsync();          // migrations, roles, bootstrap Administrator, recurring jobs
app.UseMxPipeline();               // errors, static files, auth, antiforgery
app.MapMxEndpoints();              // portal components, account, health, metrics, exports, jobs dashboard

app.Run();
