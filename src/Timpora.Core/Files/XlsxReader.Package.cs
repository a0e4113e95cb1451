using System.Buffers.Binary;
using System.Xml;

namespace Timpora.Core.Files;

/// <summary>The package side of the reader: its ZIP directory, the relationships that lead from the package to
/// the first sheet, and each part opened as bounded XML.</summary>
public sealed partial class XlsxReader
{
    private string? FirstSheetId(string workbook)
    {
        using var xml = OpenPart(workbook);
        return Guarded(() =>
        {
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheet")
                {
                    // r:id, in the transitional or the strict relationships namespace.
                    while (xml.MoveToNextAttribute())
                    {
                        if (xml.LocalName == "id" && xml.NamespaceURI.EndsWith("relationships", StringComparison.Ordinal))
                        {
                            return xml.Value;
                        }
                    }

                    return null;
                }
            }

            return null;
        });
    }

    private sealed record Relationship(string Id, string Type, string Target);

    /// <summary>The relationships of a part that <paramref name="wanted"/> keeps; only those are held.</summary>
    private List<Relationship> Relationships(string part, Func<Relationship, bool> wanted)
    {
        var slash = part.LastIndexOf('/') + 1;
        var name = part[..slash] + "_rels/" + part[slash..] + ".rels";
        var found = new List<Relationship>();
        if (!parts.ContainsKey(name))
        {
            return found;
        }

        using var xml = OpenPart(name);
        return Guarded(() =>
        {
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Relationship" && xml.GetAttribute("TargetMode") != "External"
                    && new Relationship(xml.GetAttribute("Id") ?? "", xml.GetAttribute("Type") ?? "", xml.GetAttribute("Target") ?? "") is var relationship
                    && wanted(relationship) && found.Count < 16)
                {
                    found.Add(relationship);
                }
            }

            return found;
        });
    }

    /// <summary>The part a relationship points to, resolved against the folder of its source part.</summary>
    private string? Target(IEnumerable<Relationship> relationships, string source)
    {
        if (relationships.FirstOrDefault() is not { } relationship)
        {
            return null;
        }

        var path = relationship.Target.StartsWith('/') ? relationship.Target.TrimStart('/') : source[..(source.LastIndexOf('/') + 1)] + relationship.Target;
        var segments = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }
            }
            else if (segment is not ("." or ""))
            {
                segments.Add(segment);
            }
        }

        var name = string.Join('/', segments);
        return parts.ContainsKey(name) ? name : throw new InvalidDataException($"The XLSX file names a part it does not hold: {name}.");
    }

    private XmlReader OpenPart(string name)
    {
        var stream = parts[name].Open();
        return XmlReader.Create(stream, new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = limits.PartBytes,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            CloseInput = true,
        });
    }

    /// <summary>Damaged XML, or a DTD, is a file that cannot be read, not a server error.</summary>
    private static T Guarded<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (XmlException error)
        {
            throw new InvalidDataException("The XLSX file holds damaged XML or a DTD: " + error.Message, error);
        }
    }

    /// <summary>The entry count the package's end record declares, read before ZipArchive builds an object per
    /// entry (a 50 MB upload could otherwise declare a million of them). Null when no end record is found; ZipArchive
    /// then says what is wrong.</summary>
    private static long? DeclaredEntries(Stream stream)
    {
        const int EndRecord = 22;
        var tail = new byte[(int)Math.Min(stream.Length, EndRecord + ushort.MaxValue)];
        stream.Seek(-tail.Length, SeekOrigin.End);
        stream.ReadExactly(tail);
        stream.Seek(0, SeekOrigin.Begin);
        for (var i = tail.Length - EndRecord; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i)) == 0x06054b50)
            {
                // 0xFFFF means a ZIP64 directory, which no spreadsheet within the limits needs.
                var entries = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(i + 10));
                return entries == ushort.MaxValue ? long.MaxValue : entries;
            }
        }

        return null;
    }
}
