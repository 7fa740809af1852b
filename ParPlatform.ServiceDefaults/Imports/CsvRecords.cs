using System.Runtime.CompilerServices;
using System.Text;

namespace ParPlatform.ServiceDefaults.Imports;

/// <summary>One CSV record and the line of the file it starts on (1 is the first line).</summary>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// Reads comma-separated text as RFC 4180 says, record by record as the text arrives: fields in double
/// quotes may hold commas, line breaks and doubled quotes; records end with LF or CRLF; blank lines are
/// skipped; a byte order mark is ignored. A record longer than <see cref="MaxRecordLength"/> characters (a
/// quote never closed takes the rest of the file) stops the reading with <see cref="CsvRecordTooLongException"/>.
/// </summary>
internal static class CsvRecords
{
    public const int MaxRecordLength = 1_000_000;

    public static async IAsyncEnumerable<CsvRecord> ReadAsync(TextReader reader, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = new char[16 * 1024];
        var parser = new Parser();
        var records = new List<CsvRecord>();
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
        {
            parser.Feed(buffer.AsSpan(0, read), records);
            foreach (var record in records)
                yield return record;
            records.Clear();
        }
        parser.End(records);
        foreach (var record in records)
            yield return record;
    }

    /// <summary>The state between two pieces of text: the record so far, and what the last character leaves open.</summary>
    private sealed class Parser
    {
        private readonly List<string> _fields = [];
        private readonly StringBuilder _field = new();
        private int _recordLength;
        private int _line = 1;
        private int _recordLine = 1;
        private State _state = State.Start;

        private enum State
        {
            Start,
            Unquoted,
            Quoted,
            QuoteInQuoted, // a quote in a quoted field: the field's end, or the first of two
            CarriageReturn, // a CR outside quotes: a line's end if an LF follows
        }

        public void Feed(ReadOnlySpan<char> text, List<CsvRecord> records)
        {
            foreach (var c in text)
            {
                if (_state == State.Start)
                {
                    _state = State.Unquoted;
                    if (c == '\uFEFF')
                        continue;
                }
                if (++_recordLength > MaxRecordLength)
                    throw new CsvRecordTooLongException(_recordLine);
                Next(c, records);
            }
        }

        public void End(List<CsvRecord> records)
        {
            if (_state == State.CarriageReturn)
                _field.Append('\r');
            EndRecord(records);
        }

        private void Next(char c, List<CsvRecord> records)
        {
            switch (_state)
            {
                case State.Quoted when c == '"':
                    _state = State.QuoteInQuoted;
                    return;
                case State.Quoted:
                    if (c == '\n')
                        _line++;
                    _field.Append(c);
                    return;
                case State.QuoteInQuoted when c == '"':
                    _field.Append('"');
                    _state = State.Quoted;
                    return;
                case State.CarriageReturn when c == '\n':
                    _state = State.Unquoted;
                    break;
                case State.CarriageReturn:
                    _field.Append('\r');
                    break;
            }
            _state = State.Unquoted;
            switch (c)
            {
                case '"' when _field.Length == 0:
                    _state = State.Quoted;
                    break;
                case ',':
                    _fields.Add(_field.ToString());
                    _field.Clear();
                    break;
                case '\r':
                    _state = State.CarriageReturn;
                    break;
                case '\n':
                    EndRecord(records);
                    _line++;
                    _recordLine = _line;
                    break;
                default:
                    _field.Append(c);
                    break;
            }
        }

        private void EndRecord(List<CsvRecord> records)
        {
            _fields.Add(_field.ToString());
            _field.Clear();
            if (_fields.Count > 1 || _fields[0].Length > 0)
                records.Add(new CsvRecord(_recordLine, [.. _fields]));
            _fields.Clear();
            _recordLength = 0;
        }
    }
}

/// <summary>A CSV record, from <see cref="Line"/>, longer than <see cref="CsvRecords.MaxRecordLength"/> characters.</summary>
internal sealed class CsvRecordTooLongException(int line)
    : Exception($"Dòng dài quá {CsvRecords.MaxRecordLength} ký tự; kiểm tra dấu ngoặc kép chưa đóng.")
{
    public int Line { get; } = line;
}
