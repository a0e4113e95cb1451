using System.Net;
using System.Net.Http.Headers;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.GuestReports;

namespace Timpora.Tests.GuestReports;

/// <summary>Bulk files: header checked at once, rows in the background, every valid row kept, every invalid
/// row explained in the result file.</summary>
public sealed class BulkUploadTests(TestApp app)
{
    internal const string Header = "surname,given_names,sex,birth_date,nationality,passport_number,passport_issuing_state,passport_expiry,permit_kind,visa_index,permit_number,permit_expiry,check_in,planned_departure,room,purpose";

    [Fact]
    public async Task Csv_MixedRows_KeepsTheValidOnesAndExplainsTheOthers()
    {
        var (_, op) = await ReportingData.ProviderAsync(app);
        var client = await app.SignInAsync(op);
        var csv = string.Join('\n',
            Header,
            Row("SMITH", "JOHN", "GBR", Passport()),
            Row("DUBOIS", "MARIE", "FRA", Passport()),
            Row("ROSSI", "LUCA", "QQQ", Passport()),
            Row("TANAKA", "YUKI", "JPN", Passport()).Replace(CheckInText(), "yesterday", StringComparison.Ordinal),
            "BRO\"KEN,QUOTE,M,1980,DEU,X1,DEU,,ITK,,,,2026-01-01 10:00,,,",
            Row("MUELLER", "JONAS", "D", Passport()));

        var import = await UploadAsync(client, "guests.csv", System.Text.Encoding.UTF8.GetBytes(csv));
        var done = await WaitAsync(import);

        Assert.Equal(BulkStatus.Done, done.Status);
        Assert.Equal(3, done.Accepted);
        Assert.Equal(3, done.Rejected);
        var result = System.Text.Encoding.UTF8.GetString(done.Result!).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("2,accepted,TP", result[1].TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains(result, l => l.StartsWith("4,rejected", StringComparison.Ordinal) && l.Contains("Nationality", StringComparison.Ordinal));
        Assert.Contains(result, l => l.StartsWith("5,rejected", StringComparison.Ordinal) && l.Contains("check_in", StringComparison.Ordinal));
        Assert.True(result.Any(l => l.StartsWith("7,accepted", StringComparison.Ordinal)), string.Join("\n", result));

        var page = await TestApp.GetHtmlAsync(client, $"/GuestReports/Imports/{import}");
        Assert.Equal("3", page.QuerySelector("[data-testid=accepted]")!.TextContent);
        var download = await client.GetAsync(new Uri($"/GuestReports/Imports/{import}?handler=Result", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal("text/csv", download.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Xlsx_Rows_AreReadLikeCsv()
    {
        var (_, op) = await ReportingData.ProviderAsync(app);
        var client = await app.SignInAsync(op);

        var import = await UploadAsync(client, "guests.xlsx", Xlsx([Header.Split(','), Row("NGUYEN", "VAN AN", "VNM", Passport()).Split(','), Row("KIM", "MIN JI", "KOR", Passport()).Split(',')]));
        var done = await WaitAsync(import);

        Assert.True(done.Status == BulkStatus.Done, done.Error);
        Assert.Equal(2, done.Accepted);
        Assert.Equal(0, done.Rejected);
    }

    [Theory]
    [InlineData("surname,passport_number\nA,B\n", "nationality")]
    [InlineData("surname,nationality,passport_number,check_in,shoe_size\n", "shoe_size")]
    public async Task WrongHeader_IsRefusedAtOnceNamingTheColumns(string content, string named)
    {
        var (_, op) = await ReportingData.ProviderAsync(app);
        var client = await app.SignInAsync(op);

        var response = await PostFileAsync(client, "bad.csv", System.Text.Encoding.UTF8.GetBytes(content));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(named, (await TestApp.HtmlAsync(response)).QuerySelector("[data-valmsg-for=file]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BinaryFile_IsRefusedAsNotCsvOrXlsx()
    {
        var (_, op) = await ReportingData.ProviderAsync(app);
        var client = await app.SignInAsync(op);

        var response = await PostFileAsync(client, "photo.csv", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0, 1, 2, 3]);

        Assert.Contains("bukan CSV atau XLSX", (await TestApp.HtmlAsync(response)).QuerySelector("[data-valmsg-for=file]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_OfAnotherProvider_IsNotFound()
    {
        var (_, op) = await ReportingData.ProviderAsync(app);
        var (_, otherOp) = await ReportingData.ProviderAsync(app);
        var import = await UploadAsync(await app.SignInAsync(op), "guests.csv", System.Text.Encoding.UTF8.GetBytes(Header + "\n" + Row("SMITH", "ANN", "GBR", Passport())));
        var other = await app.SignInAsync(otherOp);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/GuestReports/Imports/{import}", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/GuestReports/Imports/{import}?handler=Result", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
    }

    private static string CheckInText() => DateTime.UtcNow.AddHours(7).AddHours(-3).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    internal static string Passport() => "B" + ReportingData.Letters(3) + Random.Shared.Next(10000, 99999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    internal static string Row(string surname, string given, string nationality, string passport) =>
        $"{surname},{given},M,1985-04-01,{nationality},{passport},{nationality},2031-01-01,ITK,B1,,{DateTime.UtcNow.AddDays(20):yyyy-MM-dd},{CheckInText()},,5,Holiday";

    internal static async Task<HttpResponseMessage> PostFileAsync(HttpClient client, string name, byte[] content)
    {
        var page = await TestApp.GetHtmlAsync(client, "/GuestReports/Upload");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        return await client.PostAsync(new Uri("/GuestReports/Upload", UriKind.Relative), form);
    }

    internal static async Task<Guid> UploadAsync(HttpClient client, string name, byte[] content)
    {
        var response = await PostFileAsync(client, name, content);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.ToString().Split('/').Last());
    }

    private Task<BulkImport> WaitAsync(Guid id) => WaitAsync(app, id);

    internal static async Task<BulkImport> WaitAsync(TestApp app, Guid id)
    {
        for (var i = 0; i < 100; i++)
        {
            await using var db = app.SystemDb();
            var import = await db.BulkImports.AsNoTracking().SingleAsync(b => b.Id == id);
            if (import.Status is BulkStatus.Done or BulkStatus.Failed)
            {
                return import;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The bulk file was not processed within 20 seconds.");
    }

    private static byte[] Xlsx(string[][] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            foreach (var row in rows)
            {
                data.AppendChild(new Row(row.Select(v => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(v)) })));
            }

            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Guests" }));
        }

        return stream.ToArray();
    }
}
