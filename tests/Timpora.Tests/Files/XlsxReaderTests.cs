using Timpora.Core.Files;
using Timpora.Core.GuestReports;

namespace Timpora.Tests.Files;

/// <summary>The bounded XLSX reader: what a file expands to is checked before or while it is read, never after,
/// and memory stays flat however far the file would expand.</summary>
public sealed class XlsxReaderTests
{
    private static readonly string[] Header = ["surname", "nationality", "passport_number", "check_in"];
    private static readonly string[] Guest = ["SMITH", "GBR", "X1234567", "2026-12-01 10:00"];

    [Fact]
    public void Read_HeaderOfA100000RowSheet_ReadsOnlyTheHeader()
    {
        var guest = XlsxPackages.Row(null, Guest);
        var file = XlsxPackages.Build(w =>
        {
            w.Write(XlsxPackages.Row(null, Header));
            for (var i = 0; i < 100_000; i++)
            {
                w.Write(guest);
            }
        });

        var before = GC.GetAllocatedBytesForCurrentThread();
        var (header, _) = BulkFile.Read(new MemoryStream(file), BulkFormat.Xlsx);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(Header, header);
        // Loading the sheet as a document (as the reader once did) allocates about a gigabyte for this file.
        Assert.True(allocated < 4 * 1024 * 1024, $"{allocated:N0} bytes allocated to read the header");
    }

    [Fact]
    public void Rows_PastTheRowLimit_StopThereAfterEveryRowBefore()
    {
        var file = XlsxPackages.Build(w =>
        {
            for (var i = 1; i <= 5000; i++)
            {
                w.Write(XlsxPackages.Row(i, Guest));
            }
        });
        using var reader = XlsxReader.Open(new MemoryStream(file), new XlsxLimits { Rows = 1000 });
        var read = 0;

        var error = Assert.Throws<XlsxLimitException>(() =>
        {
            foreach (var row in reader.Rows())
            {
                Assert.Equal("SMITH", row.Cells[0]);
                read++;
            }
        });

        Assert.Equal(1000, read);
        Assert.Equal((XlsxLimit.Rows, 1000L, 1001), (error.Limit, error.Maximum, error.Line));
    }

    [Fact]
    public void Open_PartLargerThanTheLimit_IsRefusedBeforeAnythingIsInflated()
    {
        var guest = XlsxPackages.Row(null, Guest);
        var file = XlsxPackages.Build(w =>
        {
            for (var i = 0; i < 50_000; i++)
            {
                w.Write(guest);
            }
        });

        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<XlsxLimitException>(() => XlsxReader.Open(new MemoryStream(file), new XlsxLimits { PartBytes = 1024 * 1024 }));

        Assert.Equal((XlsxLimit.PartBytes, "xl/worksheets/sheet1.xml", (int?)null), (error.Limit, error.Part, error.Line));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1024 * 1024);
    }

    [Fact]
    public void Rows_PartThatDeclaresLessThanItHolds_AreReadNoFurtherThanDeclared()
    {
        var guest = XlsxPackages.Row(null, Guest);
        var file = XlsxPackages.DeclareSize(XlsxPackages.Build(w =>
        {
            for (var i = 0; i < 50_000; i++)
            {
                w.Write(guest);
            }
        }), "xl/worksheets/sheet1.xml", 4096);
        using var reader = XlsxReader.Open(new MemoryStream(file));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var read = 0;
        Assert.ThrowsAny<InvalidDataException>(() =>
        {
            foreach (var row in reader.Rows())
            {
                read++;
            }
        });

        // The bounds on parts hold because the framework inflates no more than the directory declares.
        Assert.InRange(read, 0, 4096 / guest.Length);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1024 * 1024);
    }

    [Fact]
    public void Rows_CellLongerThanTheLimit_IsRefusedWithoutBeingHeld()
    {
        var file = XlsxPackages.Build(w =>
        {
            w.Write(XlsxPackages.Row(1, Guest));
            w.Write("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>");
            w.Write(new string('A', 8 * 1024 * 1024));
            w.Write("</t></is></c></row>");
        });
        using var reader = XlsxReader.Open(new MemoryStream(file));
        using var rows = reader.Rows().GetEnumerator();
        Assert.True(rows.MoveNext());

        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<XlsxLimitException>(() => rows.MoveNext());

        Assert.Equal((XlsxLimit.CellCharacters, (long)XlsxLimits.DefaultCellCharacters, 2), (error.Limit, error.Maximum, error.Line));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 2 * 1024 * 1024);
    }

    [Fact]
    public void Open_SharedStringsPastTheLimit_IsRefusedBeforeAnyRow()
    {
        var file = XlsxPackages.Build(w => w.Write(XlsxPackages.Row(1, Guest)), writeSharedStrings: w =>
        {
            for (var i = 0; i < 101; i++)
            {
                w.Write("<si><t>x</t></si>");
            }
        });

        var error = Assert.Throws<XlsxLimitException>(() => XlsxReader.Open(new MemoryStream(file), new XlsxLimits { SharedStrings = 100 }));

        Assert.Equal((XlsxLimit.SharedStrings, 100L), (error.Limit, error.Maximum));
    }

    [Fact]
    public void Rows_SharedAndInlineStrings_AreReadByColumn()
    {
        var file = XlsxPackages.Build(
            w => w.Write("<row r=\"3\"><c r=\"B3\" t=\"s\"><v>1</v></c><c r=\"D3\" t=\"inlineStr\"><is><r><t>LU</t></r><r><t>CA</t></r></is></c><c r=\"E3\"><v>42</v></c></row>"),
            writeSharedStrings: w => w.Write("<si><t>zero</t></si><si><r><t>RO</t></r><r><t>SSI</t></r><rPh><t>phonetic</t></rPh></si>"));
        using var reader = XlsxReader.Open(new MemoryStream(file));

        var row = Assert.Single(reader.Rows());

        Assert.Equal(3, row.Line);
        Assert.Equal(new Dictionary<int, string> { [1] = "ROSSI", [3] = "LUCA", [4] = "42" }, row.Cells);
    }

    [Fact]
    public void Open_WorkbookWithADtd_IsRefusedAsUnreadable()
    {
        var laughs = "<!DOCTYPE workbook [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>";
        var file = XlsxPackages.Build(w => w.Write(XlsxPackages.Row(1, Guest)), prologue: laughs);

        var error = Assert.Throws<InvalidDataException>(() => XlsxReader.Open(new MemoryStream(file)));

        Assert.Contains("DTD", error.Message, StringComparison.Ordinal);
    }
}
