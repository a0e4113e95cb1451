using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Providers;
using Timpora.Tests.Providers;

namespace Timpora.Tests.Api;

/// <summary>The provider API through HTTP: check-in, check-out, read back, authentication, bad input and
/// Idempotency-Key, with the state checked in the database.</summary>
public sealed class CheckInApiTests(TestApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<(AccommodationProvider Provider, HttpClient Client)> ApprovedClientAsync()
    {
        var provider = await ProviderData.AddAsync(app);
        return (provider, Client(await ProviderData.AddKeyAsync(app, provider.Id)));
    }

    private HttpClient Client(string? key, bool header = false)
    {
        var client = app.Anonymous();
        if (key is not null && header)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }
        else if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    private static JsonObject Guest(string passport, string nationality = "AUS") => new()
    {
        ["surname"] = "Uji",
        // Unique, so that no earlier test's guest makes this one a possible match.
        ["givenNames"] = "Api " + string.Concat(Guid.NewGuid().ToString("N")[..8].Select(c => (char)('A' + (c % 26)))),
        ["sex"] = "Female",
        ["birthDate"] = "1990-04-01",
        ["nationality"] = nationality,
        ["passportNumber"] = passport,
        ["passportExpiresOn"] = "2032-01-31",
        ["permitKind"] = "VisaFree",
        ["checkInUtc"] = DateTimeOffset.UtcNow.AddHours(-2).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
        ["room"] = "12",
    };

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request, Token);
    }

    private static async Task<JsonObject> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(Token))!.AsObject();

    private static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await JsonAsync(response);
    }

    private static void AssertFieldError(JsonObject problem, string field) =>
        Assert.True(problem["errors"]?[field] is JsonArray { Count: > 0 }, $"no error for '{field}' in {problem.ToJsonString()}");

    [Fact]
    public async Task CheckIn_Valid_Returns201AndTheReportExists()
    {
        var (provider, client) = await ApprovedClientAsync();
        var passport = ProviderData.NewPassportNumber();

        var response = await PostAsync(client, "/api/v1/check-ins", Guest(passport).ToJsonString());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var receipt = await JsonAsync(response);
        var number = (string)receipt["receiptNumber"]!;
        Assert.Equal("/api/v1/check-ins/" + number, response.Headers.Location!.ToString());
        Assert.Equal("New", (string)receipt["personMatch"]!);
        Assert.False((bool)receipt["isLate"]!);
        await using var db = app.SystemDb();
        var report = await db.GuestReports.SingleAsync(r => r.ReceiptNumber == number, Token);
        Assert.Equal(provider.Id, report.ProviderId);
        Assert.Equal(passport, report.PassportNumber);
        Assert.Equal(Timpora.Core.GuestReports.ReportChannel.Api, report.Channel);
    }

    [Fact]
    public async Task CheckIn_ManyAtOnce_EachCommittedWithItsOwnReceipt()
    {
        var (provider, client) = await ApprovedClientAsync();

        // Concurrent requests share group-commit batches; each must still get its own committed report.
        var responses = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => PostAsync(client, "/api/v1/check-ins", Guest(ProviderData.NewPassportNumber()).ToJsonString())));
        var receipts = await Task.WhenAll(responses.Select(async r => (string)(await JsonAsync(r))["receiptNumber"]!));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(24, receipts.Distinct().Count());
        await using var db = app.SystemDb();
        Assert.Equal(24, await db.GuestReports.CountAsync(r => r.ProviderId == provider.Id && receipts.Contains(r.ReceiptNumber), Token));
    }

    [Fact]
    public async Task CheckIn_SamePassportTwice_AttachesToTheSameForeigner()
    {
        var (_, client) = await ApprovedClientAsync();
        var passport = ProviderData.NewPassportNumber();

        var first = await JsonAsync(await PostAsync(client, "/api/v1/check-ins", Guest(passport).ToJsonString()));
        var second = await JsonAsync(await PostAsync(client, "/api/v1/check-ins", Guest(passport).ToJsonString()));

        Assert.Equal("Document", (string)second["personMatch"]!);
        await using var db = app.SystemDb();
        var foreigners = await db.GuestReports
            .Where(r => r.ReceiptNumber == (string)first["receiptNumber"]! || r.ReceiptNumber == (string)second["receiptNumber"]!)
            .Select(r => r.ForeignerId).Distinct().ToListAsync(Token);
        Assert.Single(foreigners);
    }

    [Fact]
    public async Task CheckIn_LateReport_IsMarkedLate()
    {
        var (_, client) = await ApprovedClientAsync();
        var guest = Guest(ProviderData.NewPassportNumber());
        guest["checkInUtc"] = DateTimeOffset.UtcNow.AddDays(-3).ToString("O", System.Globalization.CultureInfo.InvariantCulture);

        var receipt = await JsonAsync(await PostAsync(client, "/api/v1/check-ins", guest.ToJsonString()));

        Assert.True((bool)receipt["isLate"]!);
    }

    [Fact]
    public async Task CheckOut_ThenGet_ShowsTheCheckOut()
    {
        var (_, client) = await ApprovedClientAsync();
        var number = (string)(await JsonAsync(await PostAsync(client, "/api/v1/check-ins", Guest(ProviderData.NewPassportNumber()).ToJsonString())))["receiptNumber"]!;

        var checkOut = await PostAsync(client, $"/api/v1/check-ins/{number}/check-out", $$"""{"checkOutUtc":"{{DateTime.UtcNow.AddMinutes(-5):yyyy-MM-ddTHH:mm:ssZ}}"}""");
        var read = await client.GetAsync(new Uri($"/api/v1/check-ins/{number}", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.OK, checkOut.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.NotNull((await JsonAsync(read))["checkOutUtc"]);
    }

    [Fact]
    public async Task CheckOut_BeforeCheckIn_Is422OnCheckOutUtc()
    {
        var (_, client) = await ApprovedClientAsync();
        var number = (string)(await JsonAsync(await PostAsync(client, "/api/v1/check-ins", Guest(ProviderData.NewPassportNumber()).ToJsonString())))["receiptNumber"]!;

        var response = await PostAsync(client, $"/api/v1/check-ins/{number}/check-out", $$"""{"checkOutUtc":"{{DateTime.UtcNow.AddDays(-2):yyyy-MM-ddTHH:mm:ssZ}}"}""");

        AssertFieldError(await ProblemAsync(response, HttpStatusCode.UnprocessableEntity), "checkOutUtc");
    }

    [Fact]
    public async Task Get_AnotherProvidersReceipt_Is404()
    {
        var (_, owner) = await ApprovedClientAsync();
        var (_, other) = await ApprovedClientAsync();
        var number = (string)(await JsonAsync(await PostAsync(owner, "/api/v1/check-ins", Guest(ProviderData.NewPassportNumber()).ToJsonString())))["receiptNumber"]!;

        var read = await other.GetAsync(new Uri($"/api/v1/check-ins/{number}", UriKind.Relative), Token);
        var checkOut = await PostAsync(other, $"/api/v1/check-ins/{number}/check-out", $$"""{"checkOutUtc":"{{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ssZ}}"}""");

        await ProblemAsync(read, HttpStatusCode.NotFound);
        await ProblemAsync(checkOut, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("tpk_0000000000_00000000000000000000000000000000")]
    [InlineData("not-a-key")]
    public async Task CheckIn_MissingOrWrongKey_Is401Problem(string? key)
    {
        var response = await PostAsync(Client(key), "/api/v1/check-ins", Guest(ProviderData.NewPassportNumber()).ToJsonString());

        await ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task CheckIn_RevokedKey_Is401AndXApiKeyHeaderWorksBefore()
    {
        var provider = await ProviderData.AddAsync(app);
        var key = await ProviderData.AddKeyAsync(app, provider.Id);
        var before = await PostAsync(Client(key, header: true), "/api/v1/check-ins", Guest(ProviderData.NewPassportNumber()).ToJsonString());
        await using (var db = app.SystemDb())
        {
            var id = await db.ApiKeys.Where(k => k.ProviderId == provider.Id).Select(k => k.Id).SingleAsync(Token);
            Assert.True(await ApiKeys.RevokeAsync(db, provider.Id, id, DateTime.UtcNow, Token));
            Assert.NotNull(await db.ApiKeys.Where(k => k.Id == id).Select(k => k.LastUsedUtc).SingleAsync(Token));
        }

        var after = await PostAsync(Client(key, header: true), "/api/v1/check-ins", Guest(ProviderData.NewPassportNumber()).ToJsonString());

        Assert.Equal(HttpStatusCode.Created, before.StatusCode);
        await ProblemAsync(after, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData(ProviderStatus.Pending)]
    [InlineData(ProviderStatus.Suspended)]
    public async Task CheckIn_ProviderNotApproved_Is403Problem(ProviderStatus status)
    {
        var provider = await ProviderData.AddAsync(app, status);
        var client = Client(await ProviderData.AddKeyAsync(app, provider.Id));

        var response = await PostAsync(client, "/api/v1/check-ins", Guest(ProviderData.NewPassportNumber()).ToJsonString());

        await ProblemAsync(response, HttpStatusCode.Forbidden);
        await using var db = app.SystemDb();
        Assert.False(await db.GuestReports.AnyAsync(r => r.ProviderId == provider.Id, Token));
    }

    [Theory]
    [InlineData("nationality", "ZZZ", "nationality")]
    [InlineData("passportExpiresOn", "2000-01-01", "passportExpiresOn")]
    [InlineData("birthDate", "1990-13-45", "birthDate")]
    [InlineData("passportNumber", "AB-12", "passportNumber")]
    public async Task CheckIn_RuleBroken_Is422WithTheField(string field, string value, string expectedField)
    {
        var (_, client) = await ApprovedClientAsync();
        var guest = Guest(ProviderData.NewPassportNumber());
        guest[field] = value;

        var response = await PostAsync(client, "/api/v1/check-ins", guest.ToJsonString());

        AssertFieldError(await ProblemAsync(response, HttpStatusCode.UnprocessableEntity), expectedField);
    }

    [Fact]
    public async Task CheckIn_MissingFields_Is422NamingEachField()
    {
        var (_, client) = await ApprovedClientAsync();

        var problem = await ProblemAsync(await PostAsync(client, "/api/v1/check-ins", """{"room":"1"}"""), HttpStatusCode.UnprocessableEntity);

        foreach (var field in new[] { "surname", "nationality", "passportNumber", "checkInUtc" })
        {
            AssertFieldError(problem, field);
        }
    }

    [Theory]
    [InlineData("{\"surname\": ", "body")]
    [InlineData("", "body")]
    [InlineData("[1,2]", "body")]
    [InlineData("{\"checkInUtc\": 12345}", "checkInUtc")]
    [InlineData("{\"checkInUtc\": \"2025-01-01T10:00:00\"}", "checkInUtc")]
    [InlineData("{\"sex\": \"Robot\"}", "sex")]
    [InlineData("{\"passportExpiresOn\": \"31/12/2030\"}", "passportExpiresOn")]
    public async Task CheckIn_UnreadableBody_Is400NamingTheField(string body, string field)
    {
        var (_, client) = await ApprovedClientAsync();

        var problem = await ProblemAsync(await PostAsync(client, "/api/v1/check-ins", body), HttpStatusCode.BadRequest);

        AssertFieldError(problem, field);
    }

    [Fact]
    public async Task CheckIn_BodyOver1MB_Is413Problem()
    {
        var (_, client) = await ApprovedClientAsync();
        var guest = Guest(ProviderData.NewPassportNumber());
        guest["purpose"] = new string('x', 1_100_000);

        await ProblemAsync(await PostAsync(client, "/api/v1/check-ins", guest.ToJsonString()), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task CheckIn_RetriedWithSameIdempotencyKey_ReplaysAndMakesOneReport()
    {
        var (provider, client) = await ApprovedClientAsync();
        var passport = ProviderData.NewPassportNumber();
        var body = Guest(passport).ToJsonString();
        var key = Guid.NewGuid().ToString();

        var first = await PostAsync(client, "/api/v1/check-ins", body, key);
        var retry = await PostAsync(client, "/api/v1/check-ins", body, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(Token), await retry.Content.ReadAsStringAsync(Token));
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        await using var db = app.SystemDb();
        Assert.Equal(1, await db.GuestReports.CountAsync(r => r.ProviderId == provider.Id && r.PassportNumber == passport, Token));
    }

    [Fact]
    public async Task CheckIn_SameIdempotencyKeyOtherBody_Is422()
    {
        var (_, client) = await ApprovedClientAsync();
        var key = Guid.NewGuid().ToString();
        await PostAsync(client, "/api/v1/check-ins", Guest(ProviderData.NewPassportNumber()).ToJsonString(), key);

        var response = await PostAsync(client, "/api/v1/check-ins", Guest(ProviderData.NewPassportNumber()).ToJsonString(), key);

        AssertFieldError(await ProblemAsync(response, HttpStatusCode.UnprocessableEntity), "Idempotency-Key");
    }

    [Fact]
    public async Task CheckIn_IdempotencyKeyTooLong_Is400()
    {
        var (_, client) = await ApprovedClientAsync();

        var response = await PostAsync(client, "/api/v1/check-ins", Guest(ProviderData.NewPassportNumber()).ToJsonString(), new string('k', 101));

        AssertFieldError(await ProblemAsync(response, HttpStatusCode.BadRequest), "Idempotency-Key");
    }

    [Fact]
    public async Task CheckIn_ConcurrentSameIdempotencyKey_OneReportNo500()
    {
        var (provider, client) = await ApprovedClientAsync();
        var passport = ProviderData.NewPassportNumber();
        var body = Guest(passport).ToJsonString();
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PostAsync(client, "/api/v1/check-ins", body, key)));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"answered {(int)r.StatusCode}"));
        var receipts = new HashSet<string>();
        foreach (var r in responses.Where(r => r.StatusCode == HttpStatusCode.Created))
        {
            receipts.Add((string)(await JsonAsync(r))["receiptNumber"]!);
        }

        Assert.Single(receipts);
        await using var db = app.SystemDb();
        Assert.Equal(1, await db.GuestReports.CountAsync(r => r.ProviderId == provider.Id && r.PassportNumber == passport, Token));
    }

    [Fact]
    public async Task OpenApiDocument_Anonymous_DescribesTheEndpointsAndTheKeyScheme()
    {
        var response = await app.Anonymous().GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/check-ins", out _));
        Assert.True(paths.TryGetProperty("/api/v1/check-ins/{receiptNumber}/check-out", out _));
        Assert.True(paths.TryGetProperty("/api/v1/check-ins/{receiptNumber}", out _));
        Assert.True(document.RootElement.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("ApiKey", out _));
    }
}
