var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapStaticAssets();
app.MapGet("/", (IConfiguration c, IWebHostEnvironment e) => $"{e.ContentRootPath} {e.WebRootPath} {c["AllowedHosts"]}");
app.Run();
