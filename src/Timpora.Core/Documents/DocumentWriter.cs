using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Timpora.Core.Documents;

/// <summary>A small writer of official documents on A4: a heading, paragraphs, tables and a signature block,
/// flowing over as many pages as needed. Text is written uncompressed in WinAnsi so that a reader (and a
/// test) can search it; Indonesian needs nothing beyond that code page.</summary>
public sealed class DocumentWriter : IDisposable
{
    private const double Margin = 56;
    private const double Gap = 6;
    private readonly PdfDocument document = new();
    private readonly XFont body;
    private readonly XFont bold;
    private readonly XFont heading;
    private XGraphics? graphics;
    private double y;

    public DocumentWriter(string title)
    {
        DocumentFonts.EnsureInstalled();
        document.Info.Title = title;
        document.Info.Creator = "Timpora";
        document.Options.CompressContentStreams = false;
        var options = new XPdfFontOptions(PdfFontEncoding.WinAnsi);
        body = new XFont(DocumentFonts.Family, 10.5, XFontStyleEx.Regular, options);
        bold = new XFont(DocumentFonts.Family, 10.5, XFontStyleEx.Bold, options);
        heading = new XFont(DocumentFonts.Family, 13, XFontStyleEx.Bold, options);
        NewPage();
    }

    private double Width => XUnit.FromMillimeter(210).Point - (2 * Margin);

    private double Bottom => XUnit.FromMillimeter(297).Point - Margin;

    /// <summary>Centred bold lines, the first larger: the letterhead or the document's title.</summary>
    public void Heading(params string[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            var font = i == 0 ? heading : bold;
            foreach (var line in Wrap(lines[i], font, Width))
            {
                Room(font.Height);
                graphics!.DrawString(line, font, XBrushes.Black, new XRect(Margin, y, Width, font.Height), XStringFormats.TopCenter);
                y += font.Height;
            }
        }

        y += Gap;
    }

    public void Rule()
    {
        Room(Gap);
        graphics!.DrawLine(new XPen(XColors.Black, 1.2), Margin, y, Margin + Width, y);
        y += Gap * 2;
    }

    public void Paragraph(string text, bool strong = false, double indent = 0)
    {
        var font = strong ? bold : body;
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            foreach (var line in Wrap(paragraph, font, Width - indent))
            {
                Room(font.Height);
                graphics!.DrawString(line, font, XBrushes.Black, new XRect(Margin + indent, y, Width - indent, font.Height), XStringFormats.TopLeft);
                y += font.Height;
            }
        }

        y += Gap;
    }

    /// <summary>A bordered table; <paramref name="widths"/> are relative column widths. The header row is
    /// repeated on each new page. When a word (a header such as "Peserta") is wider than its column, the whole
    /// table is set smaller, down to 7 points, so that no text runs over a cell's border; a word still too wide
    /// at that size is broken.</summary>
    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<double> widths)
    {
        var total = widths.Sum();
        var columns = widths.Select(w => w / total * Width).ToArray();
        var all = rows.ToList();
        var scale = 1.0;
        for (var i = 0; i < columns.Length; i++)
        {
            scale = Math.Max(scale, WidestWord(headers[i], bold) / (columns[i] - 6));
            foreach (var row in all)
            {
                scale = Math.Max(scale, WidestWord(row[i], body) / (columns[i] - 6));
            }
        }

        var size = Math.Max(7, body.Size / scale);
        var options = new XPdfFontOptions(PdfFontEncoding.WinAnsi);
        var (cellFont, headerFont) = scale <= 1
            ? (body, bold)
            : (new XFont(DocumentFonts.Family, size, XFontStyleEx.Regular, options), new XFont(DocumentFonts.Family, size, XFontStyleEx.Bold, options));
        Row(headers, columns, headerFont, isHeader: true);
        foreach (var row in all)
        {
            if (!Row(row, columns, cellFont, isHeader: false))
            {
                Row(headers, columns, headerFont, isHeader: true);
                Row(row, columns, cellFont, isHeader: false);
            }
        }

        y += Gap;
    }

    /// <summary>The signature block on the right: place and date, the signer's title, space, the name.</summary>
    public void Signature(string placeAndDate, string title, string name)
    {
        var x = Margin + (Width / 2);
        var lines = Wrap(placeAndDate, body, Width / 2).Concat(Wrap(title, body, Width / 2)).Select(l => (l, body))
            .Concat([("", body), ("", body), ("", body), (name, bold)]).ToList();
        Room((lines.Count * body.Height) + Gap);
        y += Gap;
        foreach (var (line, font) in lines)
        {
            graphics!.DrawString(line, font, XBrushes.Black, new XRect(x, y, Width / 2, body.Height), XStringFormats.TopCenter);
            y += body.Height;
        }
    }

    public byte[] ToBytes()
    {
        graphics?.Dispose();
        graphics = null;
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    public void Dispose()
    {
        graphics?.Dispose();
        document.Dispose();
    }

    /// <summary>Draws one row; returns false (drawing nothing) when it had to start a new page first.</summary>
    private bool Row(IReadOnlyList<string> cells, double[] columns, XFont font, bool isHeader)
    {
        var wrapped = cells.Select((c, i) => Wrap(c, font, columns[i] - 6).ToList()).ToList();
        var height = (wrapped.Max(w => w.Count) * font.Height) + 6;
        if (y + height > Bottom)
        {
            NewPage();
            if (!isHeader)
            {
                return false;
            }
        }

        var x = Margin;
        for (var i = 0; i < columns.Length; i++)
        {
            graphics!.DrawRectangle(new XPen(XColors.Black, 0.6), x, y, columns[i], height);
            for (var j = 0; j < wrapped[i].Count; j++)
            {
                graphics.DrawString(wrapped[i][j], font, XBrushes.Black, new XRect(x + 3, y + 3 + (j * font.Height), columns[i] - 6, font.Height), XStringFormats.TopLeft);
            }

            x += columns[i];
        }

        y += height;
        return true;
    }

    private void Room(double height)
    {
        if (y + height > Bottom)
        {
            NewPage();
        }
    }

    private void NewPage()
    {
        graphics?.Dispose();
        var page = document.AddPage();
        page.Width = XUnit.FromMillimeter(210);
        page.Height = XUnit.FromMillimeter(297);
        graphics = XGraphics.FromPdfPage(page);
        y = Margin;
    }

    private double WidestWord(string text, XFont font) =>
        text.Split(' ').Select(word => graphics!.MeasureString(word, font).Width).DefaultIfEmpty(0).Max();

    private IEnumerable<string> Wrap(string text, XFont font, double width)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield return "";
            yield break;
        }

        var line = "";
        foreach (var word in text.Split(' ').SelectMany(w => Break(w, font, width)))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && graphics!.MeasureString(candidate, font).Width > width)
            {
                yield return line;
                line = word;
            }
            else
            {
                line = candidate;
            }
        }

        yield return line;
    }

    /// <summary>A word wider than the line, cut into pieces that fit; any other word as it is.</summary>
    private IEnumerable<string> Break(string word, XFont font, double width)
    {
        if (word.Length <= 1 || graphics!.MeasureString(word, font).Width <= width)
        {
            yield return word;
            yield break;
        }

        var piece = "";
        foreach (var c in word)
        {
            if (piece.Length > 0 && graphics.MeasureString(piece + c, font).Width > width)
            {
                yield return piece;
                piece = "";
            }

            piece += c;
        }

        yield return piece;
    }
}
