var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/", () => "The demo lands with issue 7.");
app.Run();
