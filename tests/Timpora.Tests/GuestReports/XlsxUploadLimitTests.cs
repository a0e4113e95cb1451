using System.Net;
using Timpora.Core.Files;
using Timpora.Core.GuestReports;
using Timpora.Tests.Files;

namespace Timpora.Tests.GuestReports;

/// <summary>An XLSX upload is bounded by what it expands to: a bomb is refused at once naming the limit, a DTD is
/// a clear refusal, and a bound met inside the sheet keeps every row before it.</summary>
public sealed class XlsxUploadLimitTests(TestApp app)
{
    [Fact]
    public async Task Upload_XlsxBomb_IsRefusedAtOnceNamingTheLimit()
    {
        // Millions of empty cells: the sheet passes the limit on a part's uncompressed size, the file stays small.
        var emptyCells = "<row>" + string.Concat(Enumerable.Repeat("<c/>", 10_000)) + "</row>";
        var bomb = XlsxPackages.Build(w =>
        {
            w.Write(XlsxPackages.Row(null, BulkUploadTests.Header.Split(',')));
            w.Write(XlsxPackages.Row(null, BulkUploadTests.Row("BOMB", "GUEST", "NZL", "B0MB0001").Split(',')));
            for (long written = 0; written <= XlsxLimits.DefaultPartBytes; written += emptyCells.Length)
            {
                w.Write(emptyCells);
            }
        });
        Assert.True(bomb.Length < 1024 * 1024, $"{bomb.Length:N0} bytes");
        var client = await app.SignInAsync("hotel.tambolaka");

        var response = await BulkUploadTests.PostFileAsync(client, "guests.xlsx", bomb);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = (await TestApp.HtmlAsync(response)).QuerySelector("[data-valmsg-for=file]")!.TextContent;
        Assert.Contains("268.435.456 byte", message, StringComparison.Ordinal);
        Assert.Contains("batas ukuran tiap bagian tanpa kompresi", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_XlsxWithADtd_IsRefusedNotAServerError()
    {
        var laughs = "<!DOCTYPE workbook [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>";
        var file = XlsxPackages.Build(w => w.Write(XlsxPackages.Row(null, BulkUploadTests.Header.Split(','))), prologue: laughs);
        var client = await app.SignInAsync("hotel.tambolaka");

        var response = await BulkUploadTests.PostFileAsync(client, "guests.xlsx", file);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("memuat DTD", (await TestApp.HtmlAsync(response)).QuerySelector("[data-valmsg-for=file]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_XlsxPastTheColumnLimitMidway_KeepsTheRowsBeforeAndSaysWhereItStopped()
    {
        var (_, op) = await ReportingData.ProviderAsync(app);
        var client = await app.SignInAsync(op);
        string[] Guest(string surname) => BulkUploadTests.Row(surname, "ANN", "GBR", BulkUploadTests.Passport()).Split(',');
        var farCell = $"<c r=\"{XlsxPackages.Column(XlsxLimits.DefaultColumns + 10)}4\" t=\"inlineStr\"><is><t>note</t></is></c></row>";
        var file = XlsxPackages.Build(w =>
        {
            w.Write(XlsxPackages.Row(1, BulkUploadTests.Header.Split(',')));
            w.Write(XlsxPackages.Row(2, Guest("FIRST")));
            w.Write(XlsxPackages.Row(3, Guest("SECOND")));
            w.Write(XlsxPackages.Row(4, Guest("THIRD")).Replace("</row>", farCell, StringComparison.Ordinal));
            w.Write(XlsxPackages.Row(5, Guest("FOURTH")));
        });

        var done = await BulkUploadTests.WaitAsync(app, await BulkUploadTests.UploadAsync(client, "guests.xlsx", file));

        Assert.Equal(BulkStatus.Failed, done.Status);
        Assert.Equal(2, done.Accepted);
        var result = System.Text.Encoding.UTF8.GetString(done.Result!).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("2,accepted,TP", result[1].TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.StartsWith("3,accepted,TP", result[2], StringComparison.Ordinal);
        Assert.StartsWith("4,stopped,,", result[3], StringComparison.Ordinal);
        Assert.Contains("256 kolom pertama (batas jumlah kolom)", result[3], StringComparison.Ordinal);
        Assert.Equal(4, result.Length);
        var page = await TestApp.GetHtmlAsync(client, $"/GuestReports/Imports/{done.Id}");
        Assert.Contains("batas jumlah kolom", page.Body!.TextContent, StringComparison.Ordinal);
    }
}
