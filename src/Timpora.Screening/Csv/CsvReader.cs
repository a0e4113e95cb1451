using System.Text;

namespace Timpora.Screening.Csv;

/// <summary>
/// A strict RFC 4180 reader: comma-separated, double quotes around fields that hold commas, quotes or line
/// breaks, a quote inside a quoted field doubled. Anything else (a stray quote, text after a closing quote,
/// a quote left open at the end) is reported with its line, never guessed at.
/// </summary>
public sealed class CsvReader(TextReader reader)
{
    private readonly StringBuilder field = new();
    private int line = 1;

    /// <summary>The line on which the record last read (or failed) began.</summary>
    public int RecordLine { get; private set; }

    /// <summary>
    /// Reads the next record into <paramref name="fields"/>. Returns false at the end of the input; a
    /// malformed record sets <paramref name="error"/> and the reader cannot be used further.
    /// </summary>
    public bool TryReadRecord(List<string> fields, out string? error)
    {
        ArgumentNullException.ThrowIfNull(fields);
        fields.Clear();
        error = null;
        RecordLine = line;
        var c = reader.Read();
        if (c == -1)
        {
            return false;
        }

        while (true)
        {
            field.Clear();
            if (c == '"')
            {
                var openedOn = line;
                while (true)
                {
                    c = reader.Read();
                    if (c == -1)
                    {
                        error = $"a quoted field opened on line {openedOn} is never closed";
                        return false;
                    }

                    if (c == '"')
                    {
                        if (reader.Peek() != '"')
                        {
                            break;
                        }

                        reader.Read();
                    }
                    else if (c == '\n')
                    {
                        line++;
                    }

                    field.Append((char)c);
                }

                c = reader.Read();
                if (c is not (',' or '\r' or '\n' or -1))
                {
                    error = $"field {fields.Count + 1} has text after its closing quote";
                    return false;
                }
            }
            else
            {
                while (c is not (',' or '\r' or '\n' or -1))
                {
                    if (c == '"')
                    {
                        error = $"field {fields.Count + 1} has a quote inside an unquoted value";
                        return false;
                    }

                    field.Append((char)c);
                    c = reader.Read();
                }
            }

            fields.Add(field.ToString());
            if (c == ',')
            {
                c = reader.Read();
                continue;
            }

            if (c == '\r' && reader.Peek() == '\n')
            {
                reader.Read();
            }

            if (c is '\r' or '\n')
            {
                line++;
            }

            return true;
        }
    }
}
