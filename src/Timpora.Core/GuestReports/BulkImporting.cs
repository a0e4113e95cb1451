using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Timpora.Core.Data;
using Timpora.Core.Files;
using Timpora.Core.Foreigners;
using Timpora.Core.Permits;

namespace Timpora.Core.GuestReports;

/// <summary>Runs a queued bulk file: every valid row becomes a check-in through <see cref="GuestReporting"/>,
/// every invalid row a line in the result file that says why; progress is saved after each batch.</summary>
public static class BulkImporting
{
    private const int BatchSize = 2000;

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "dd-MM-yyyy"];

    private static readonly string[] DateTimeFormats =
        ["yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "dd/MM/yyyy HH:mm", "d/M/yyyy HH:mm", "yyyy-MM-dd"];

    /// <summary>Claims the oldest queued import, or returns null when there is none or another instance won it.</summary>
    public static async Task<Guid?> ClaimNextAsync(AppDbContext db, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var next = await db.BulkImports.IgnoreQueryFilters().Where(b => b.Status == BulkStatus.Queued)
            .OrderBy(b => b.CreatedUtc).Select(b => (Guid?)b.Id).FirstOrDefaultAsync(cancellationToken);
        if (next is null)
        {
            return null;
        }

        var claimed = await db.BulkImports.IgnoreQueryFilters().Where(b => b.Id == next && b.Status == BulkStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BulkStatus.Running).SetProperty(b => b.StartedUtc, nowUtc), cancellationToken);
        return claimed == 1 ? next : null;
    }

    public static async Task RunAsync(AppDbContext db, Guid importId, Func<ReportProblem, string> describe, TimeProvider clock, CancellationToken cancellationToken)
    {
        var import = await db.BulkImports.IgnoreQueryFilters().AsNoTracking().FirstAsync(b => b.Id == importId, cancellationToken);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(import.TimeZoneId);
        var result = new StringBuilder("line,status,receipt_number,reason\n");
        var options = (DbContextOptions<AppDbContext>)db.GetService<IDbContextOptions>();
        int processed = 0, accepted = 0, rejected = 0;
        Chunk? inFlight = null;

        // The rows of one chunk are reported in the result file (and the progress saved) once it is committed.
        async Task RecordAsync(Chunk chunk)
        {
            var outcomes = await chunk.Outcomes;
            var next = 0;
            foreach (var (row, parse) in chunk.Parsed)
            {
                var outcome = parse.Problems.Count > 0 ? null : outcomes[next++];
                var problems = outcome?.Problems ?? parse.Problems;
                if (problems.Count == 0)
                {
                    accepted++;
                    result.Append(CultureInfo.InvariantCulture, $"{row.Line},accepted,{outcome!.Report!.ReceiptNumber},\n");
                }
                else
                {
                    rejected++;
                    result.Append(CultureInfo.InvariantCulture, $"{row.Line},rejected,,{Quote(string.Join(" ", problems.Select(describe)))}\n");
                }
            }

            processed += chunk.Parsed.Count;
            // Beside the next chunk's write: in the same queue of writers.
            await db.InWriterQueueAsync(() => db.BulkImports.IgnoreQueryFilters().Where(b => b.Id == importId).ExecuteUpdateAsync(s => s
                .SetProperty(b => b.ProcessedRows, processed)
                .SetProperty(b => b.Accepted, accepted)
                .SetProperty(b => b.Rejected, rejected), cancellationToken), cancellationToken);
        }

        var lastLine = 1;
        Exception? stop = null;
        IEnumerator<BulkRow> reading;
        try
        {
            reading = BulkFile.Read(new MemoryStream(import.Content), import.Format).Rows.GetEnumerator();
        }
        catch (Exception error) when (Unreadable(error))
        {
            // Refused before the first row (the upload page checks the same, so only a file changed since).
            (reading, stop) = (Enumerable.Empty<BulkRow>().GetEnumerator(), error);
        }

        using (reading)
        {
            while (stop is null)
            {
                // A file that cannot be read past some row (damaged, or past an XLSX limit) still has every row
                // before it checked and kept, the last partial chunk included.
                var batch = new List<BulkRow>(BatchSize);
                try
                {
                    while (batch.Count < BatchSize && reading.MoveNext())
                    {
                        batch.Add(reading.Current);
                    }
                }
                catch (Exception error) when (Unreadable(error))
                {
                    stop = error;
                }

                if (batch.Count == 0)
                {
                    break;
                }

                lastLine = batch[^1].Line;
                var parsed = batch.Select(r => (Row: r, Parse: Parse(r, zone))).ToList();
                List<CheckIn> valid = [.. parsed.Where(p => p.Parse.Problems.Count == 0).Select(p => p.Parse.CheckIn!)];
                // Each chunk in a context of its own, on another thread: while one chunk is being written, the
                // next is validated and resolved (ADR 0016). A passport in both that is new to the register makes
                // the second fail on the unique index until the first commits; its retry then finds the person.
                var outcomes = Task.Run(() => CheckInChunkAsync(options, db.Caller, import.ProviderId, valid, clock, cancellationToken), cancellationToken);
                if (inFlight is not null)
                {
                    await RecordAsync(inFlight);
                }

                inFlight = new Chunk(parsed, outcomes);
                if (batch.Count < BatchSize)
                {
                    break;
                }
            }
        }

        if (inFlight is not null)
        {
            await RecordAsync(inFlight);
        }

        if (stop is null)
        {
            await FinishAsync(db, importId, BulkStatus.Done, null, result, processed, accepted, rejected, clock, cancellationToken);
            return;
        }

        // The result says where the file stopped and why; the rows before it are kept.
        var reason = describe(Stopped(stop));
        var line = stop is XlsxLimitException { Line: { } at } ? at : lastLine + 1;
        result.Append(CultureInfo.InvariantCulture, $"{line},stopped,,{Quote(reason)}\n");
        await FinishAsync(db, importId, BulkStatus.Failed, reason, result, processed, accepted, rejected, clock, cancellationToken);
    }

    private static bool Unreadable(Exception error) =>
        error is InvalidDataException or IOException or FormatException or CsvHelper.CsvHelperException;

    /// <summary>Why a file stopped being read, as a problem of the whole file ("Report.&lt;Code&gt;").</summary>
    public static ReportProblem Stopped(Exception error) => error is XlsxLimitException limit
        ? new ReportProblem("", "Xlsx" + limit.Limit, limit.Message, [limit.Maximum, limit.Line ?? 0])
        : new ReportProblem("", "FileUnreadable", "The file cannot be read from here on: " + error.Message, [error.Message]);

    private static async Task<IReadOnlyList<ReportOutcome>> CheckInChunkAsync(
        DbContextOptions<AppDbContext> options, Caller caller, Guid providerId, List<CheckIn> checkIns, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var db = new AppDbContext(options, caller, clock);
        return await GuestReporting.CheckInBatchAsync(db, providerId, checkIns, ReportChannel.BulkFile, clock.GetUtcNow().UtcDateTime, cancellationToken);
    }

    private sealed record Chunk(List<(BulkRow Row, (CheckIn? CheckIn, IReadOnlyList<ReportProblem> Problems) Parse)> Parsed, Task<IReadOnlyList<ReportOutcome>> Outcomes);

    private static async Task FinishAsync(AppDbContext db, Guid id, BulkStatus status, string? error, StringBuilder result,
        int processed, int accepted, int rejected, TimeProvider clock, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(result.ToString())).ToArray();
        var message = error is null ? null : error[..Math.Min(error.Length, 1000)];
        await db.BulkImports.IgnoreQueryFilters().Where(b => b.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(b => b.Status, status)
            .SetProperty(b => b.Error, message)
            .SetProperty(b => b.Result, bytes)
            .SetProperty(b => b.TotalRows, processed)
            .SetProperty(b => b.ProcessedRows, processed)
            .SetProperty(b => b.Accepted, accepted)
            .SetProperty(b => b.Rejected, rejected)
            .SetProperty(b => b.FinishedUtc, clock.GetUtcNow().UtcDateTime), cancellationToken);
    }

    /// <summary>Turns one row's text into a check-in, or says which cells are not readable.</summary>
    public static (CheckIn? CheckIn, IReadOnlyList<ReportProblem> Problems) Parse(BulkRow row, TimeZoneInfo zone)
    {
        var problems = new List<ReportProblem>();
        if (row.Values.ContainsKey(BulkFile.BrokenQuoting))
        {
            return (null, [new ReportProblem("line", "BulkBrokenQuoting", "The quotes in this line do not pair up.")]);
        }

        DateOnly? Date(string column)
        {
            var text = row[column];
            if (text.Length == 0)
            {
                return null;
            }

            if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 0 and < 2958466)
            {
                return DateOnly.FromDateTime(DateTime.FromOADate(serial));
            }

            problems.Add(new ReportProblem(column, "BulkDateInvalid", $"'{text}' in {column} is not a date (YYYY-MM-DD)."));
            return null;
        }

        DateTime? LocalTime(string column)
        {
            var text = row[column];
            DateTime local;
            if (text.Length == 0)
            {
                return null;
            }

            if (DateTime.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                local = parsed;
            }
            else if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 0 and < 2958466)
            {
                local = DateTime.FromOADate(serial);
            }
            else
            {
                problems.Add(new ReportProblem(column, "BulkDateTimeInvalid", $"'{text}' in {column} is not a date and time (YYYY-MM-DD HH:MM)."));
                return null;
            }

            return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
        }

        var sex = row["sex"].ToUpperInvariant() switch
        {
            "" => Sex.Unknown,
            "M" or "L" or "MALE" or "LAKI-LAKI" => Sex.Male,
            "F" or "P" or "FEMALE" or "PEREMPUAN" => Sex.Female,
            "X" => Sex.Other,
            _ => (Sex?)null,
        };
        if (sex is null)
        {
            problems.Add(new ReportProblem("sex", "BulkSexInvalid", $"'{row["sex"]}' in sex is not M, F or X."));
        }

        var kind = row["permit_kind"].ToUpperInvariant() switch
        {
            "" or "ITK" => PermitKind.Itk,
            "BVK" or "VISAFREE" or "VISA-FREE" => PermitKind.VisaFree,
            "ITAS" => PermitKind.Itas,
            "ITAP" => PermitKind.Itap,
            "DIPLOMATIC" or "DIPLOMATIK" => PermitKind.Diplomatic,
            "SERVICE" or "DINAS" => PermitKind.Service,
            _ => (PermitKind?)null,
        };
        if (kind is null)
        {
            problems.Add(new ReportProblem("permit_kind", "BulkPermitKindInvalid", $"'{row["permit_kind"]}' in permit_kind is not BVK, ITK, ITAS, ITAP, DIPLOMATIC or SERVICE."));
        }

        var birth = row["birth_date"];
        if (double.TryParse(birth, NumberStyles.Float, CultureInfo.InvariantCulture, out var birthSerial) && birthSerial > 3000)
        {
            birth = DateOnly.FromDateTime(DateTime.FromOADate(birthSerial)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        var checkIn = new CheckIn
        {
            Surname = row["surname"],
            GivenNames = row["given_names"],
            Sex = sex ?? Sex.Unknown,
            BirthDate = birth,
            Nationality = row["nationality"],
            PassportNumber = row["passport_number"],
            PassportIssuingState = row["passport_issuing_state"],
            PassportExpiresOn = Date("passport_expiry"),
            PermitKind = kind ?? PermitKind.Itk,
            VisaIndexCode = row["visa_index"],
            PermitNumber = row["permit_number"],
            PermitExpiresOn = Date("permit_expiry"),
            CheckInUtc = LocalTime("check_in") ?? default,
            PlannedDepartureUtc = Date("planned_departure") is { } departure
                ? TimeZoneInfo.ConvertTimeToUtc(departure.ToDateTime(new TimeOnly(12, 0)), zone)
                : null,
            Room = row["room"],
            Purpose = row["purpose"],
        };
        return problems.Count > 0 ? (null, problems) : (checkIn, []);
    }

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
