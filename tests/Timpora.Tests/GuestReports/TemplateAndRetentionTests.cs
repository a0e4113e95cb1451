using Microsoft.EntityFrameworkCore;
using Timpora.Core.GuestReports;

namespace Timpora.Tests.GuestReports;

public sealed class TemplateAndRetentionTests(TestApp app)
{
    [Theory]
    [InlineData("csv", "text/csv")]
    [InlineData("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    public async Task Template_EachFormat_HasTheHeaderTheUploadExpects(string format, string mediaType)
    {
        var (_, op) = await ReportingData.ProviderAsync(app);
        var client = await app.SignInAsync(op);

        var response = await client.GetAsync(new Uri($"/GuestReports/Upload?handler=Template&format={format}", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        var content = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        var detected = BulkFile.Detect(content);
        Assert.Equal(format == "xlsx" ? BulkFormat.Xlsx : BulkFormat.Csv, detected);
        using var stream = new MemoryStream(content);
        var (header, rows) = BulkFile.Read(stream, detected!.Value);
        Assert.Null(BulkFile.CheckHeader(header));
        Assert.Equal(BulkFile.Columns, header);
        Assert.Single(rows);
    }

    [Fact]
    public async Task Prune_OldAndNewAnswers_DeletesOnlyThoseBeyondRetention()
    {
        var (providerId, _) = await ReportingData.ProviderAsync(app);
        var now = DateTime.UtcNow;
        await using (var arrange = app.SystemDb())
        {
            arrange.IdempotencyRecords.AddRange(
                new IdempotencyRecord { ProviderId = providerId, Key = "old", RequestHash = "h", Body = "{}", StatusCode = 201, CreatedUtc = now.AddDays(-8) },
                new IdempotencyRecord { ProviderId = providerId, Key = "new", RequestHash = "h", Body = "{}", StatusCode = 201, CreatedUtc = now.AddDays(-1) });
            await arrange.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var db = app.SystemDb();
        await IdempotencyRetention.PruneAsync(db, now, IdempotencyRetention.Default, TestContext.Current.CancellationToken);

        var left = await db.IdempotencyRecords.Where(r => r.ProviderId == providerId).Select(r => r.Key).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["new"], left);
    }
}
