using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Timpora.Tests.Providers;

namespace Timpora.Tests.Api;

/// <summary>SIGTERM while API check-ins arrive: what was acknowledged is in the database, and nothing waits for ever.</summary>
public sealed class ShutdownTests(TestApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Stop_WhileCheckInsArrive_EveryAcknowledgedReportIsCommittedAndTheRestAreRefused()
    {
        var provider = await ProviderData.AddAsync(app);
        var key = await ProviderData.AddKeyAsync(app, provider.Id);
        // A host of its own on the same database, with its own group commit, so that stopping it leaves the suite's.
        var host = app.WithWebHostBuilder(b => b.UseSetting("Timpora:ApiPermitsPerSecond", "100000"));
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        var passports = Enumerable.Range(0, 300).Select(_ => ProviderData.NewPassportNumber()).ToList();
        var firstAnswer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sends = passports.Select(async passport =>
        {
            try
            {
                var response = await client.PostAsync(
                    new Uri("/api/v1/check-ins", UriKind.Relative), new StringContent(Guest(passport), Encoding.UTF8, "application/json"), Token);
                firstAnswer.TrySetResult();
                return (passport, (HttpStatusCode?)response.StatusCode);
            }
            catch (Exception error) when (error is HttpRequestException or OperationCanceledException or InvalidOperationException)
            {
                // The test server went away under the request: no answer, so nothing was acknowledged.
                return (passport, (HttpStatusCode?)null);
            }
        }).ToList();

        await firstAnswer.Task.WaitAsync(TimeSpan.FromSeconds(60), Token);
        // What SIGTERM does: the host stops its hosted services, the group commit among them.
        await host.Services.GetRequiredService<IHost>().StopAsync(Token);
        var answers = await Task.WhenAll(sends).WaitAsync(TimeSpan.FromSeconds(60), Token);
        await host.DisposeAsync();

        var acknowledged = answers.Where(a => a.Item2 == HttpStatusCode.Created).Select(a => a.passport).ToList();
        Assert.NotEmpty(acknowledged);
        // The test server drops the answers of requests still running when its host stops (null here), so this test
        // proves only that what was acknowledged is committed once, not the drain itself (see ADR 0028's note).
        Assert.All(answers, a => Assert.True(
            a.Item2 is null or HttpStatusCode.Created or HttpStatusCode.ServiceUnavailable, $"{a.passport}: {a.Item2}"));
        await using var db = app.SystemDb();
        var stored = await db.GuestReports.Where(r => r.ProviderId == provider.Id).Select(r => r.PassportNumber).ToListAsync(Token);
        Assert.Empty(acknowledged.Except(stored));
        Assert.Equal(stored.Count, stored.Distinct().Count());
    }

    private static string Guest(string passport) => new JsonObject
    {
        ["surname"] = "Uji",
        ["givenNames"] = "Henti " + string.Concat(Guid.NewGuid().ToString("N")[..8].Select(c => (char)('A' + (c % 26)))),
        ["sex"] = "Female",
        ["birthDate"] = "1990-04-01",
        ["nationality"] = "AUS",
        ["passportNumber"] = passport,
        ["passportExpiresOn"] = "2032-01-31",
        ["permitKind"] = "VisaFree",
        ["checkInUtc"] = DateTimeOffset.UtcNow.AddHours(-2).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
        ["room"] = "12",
    }.ToJsonString();
}
