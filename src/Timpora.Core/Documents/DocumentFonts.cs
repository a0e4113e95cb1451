using PdfSharp.Fonts;

namespace Timpora.Core.Documents;

/// <summary>PDFsharp finds no system fonts on Linux, and a fresh machine may have none: the documents use
/// DejaVu Sans, copied from npm into the application's Fonts folder at build time (see ADR 0011).</summary>
public sealed class DocumentFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";
    private static readonly Lock Gate = new();
    private static bool installed;
    private readonly string folder;

    private DocumentFonts(string folder) => this.folder = folder;

    /// <summary>Installs the resolver once per process; the font files sit in <c>Fonts/</c> beside the application.</summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (installed)
            {
                return;
            }

            GlobalFontSettings.FontResolver = new DocumentFonts(Path.Combine(AppContext.BaseDirectory, "Fonts"));
            installed = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular, false, italic);

    public byte[]? GetFont(string faceName) => File.ReadAllBytes(Path.Combine(folder, faceName + ".ttf"));
}
