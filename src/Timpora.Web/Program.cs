using Timpora.Web.Platform;

var builder = WebApplication.CreateBuilder(args);
builder.AddTimpora();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseTimpora();
await app.RunAsync();

/// <summary>Entry point; public so that tests can start the application with WebApplicationFactory.</summary>
public partial class Program;
