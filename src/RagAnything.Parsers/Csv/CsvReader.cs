using System.Text;

namespace RagAnything.Parsing;

/// <summary>
/// Reads delimited records from a <see cref="TextReader"/> following RFC 4180: fields may be quoted, a quoted field
/// may contain the delimiter, line breaks and doubled quotes, and records end at CRLF, LF or CR.
/// </summary>
/// <remarks>
/// The reader is tolerant where files in the wild break the RFC. A quote inside an unquoted field is kept as a
/// character. Text after the closing quote of a quoted field is appended to it, closing quote included. A quoted field
/// still open at the end of the input ends there, and <see cref="EndedInsideQuotes"/> reports it. An instance reads one
/// input and is not thread-safe.
/// </remarks>
internal sealed class CsvReader
{
    private const char Quote = '"';

    private readonly TextReader _reader;
    private readonly char _delimiter;
    private readonly StringBuilder _field = new();
    private int _pending = -1;

    public CsvReader(TextReader reader, char delimiter)
    {
        _reader = reader;
        _delimiter = delimiter;
    }

    private enum State
    {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }

    /// <summary>Gets the 1-based number of the line the reader is on.</summary>
    public long LineNumber { get; private set; } = 1;

    /// <summary>Gets a value indicating whether the input ended inside a quoted field.</summary>
    public bool EndedInsideQuotes => UnterminatedRecordLineNumber > 0;

    /// <summary>Gets the line on which the record with the unterminated quoted field started, or 0.</summary>
    public long UnterminatedRecordLineNumber { get; private set; }

    /// <summary>Gets the line on which the record being read started.</summary>
    public long RecordLineNumber { get; private set; }

    /// <summary>
    /// Reads the next record into <paramref name="fields"/>, which is cleared first. Blank lines are skipped.
    /// </summary>
    /// <returns><see langword="false"/> at the end of the input.</returns>
    public bool TryReadRecord(List<string> fields)
    {
        while (true)
        {
            fields.Clear();
            if (!ReadRecord(fields))
            {
                return false;
            }

            // A blank line parses as one empty field; it separates nothing and is not a row.
            if (fields.Count > 1 || fields[0].Length > 0)
            {
                return true;
            }
        }
    }

    private bool ReadRecord(List<string> fields)
    {
        RecordLineNumber = LineNumber;
        var state = State.FieldStart;
        var readAny = false;
        _field.Clear();

        while (true)
        {
            var next = Read();
            if (next < 0)
            {
                if (!readAny)
                {
                    return false;
                }

                if (state == State.Quoted)
                {
                    UnterminatedRecordLineNumber = RecordLineNumber;
                }

                fields.Add(_field.ToString());
                return true;
            }

            readAny = true;
            var character = (char)next;
            switch (state)
            {
                case State.FieldStart when character == Quote:
                    state = State.Quoted;
                    break;

                case State.FieldStart or State.Unquoted or State.QuoteInQuoted when character == _delimiter:
                    fields.Add(_field.ToString());
                    _field.Clear();
                    state = State.FieldStart;
                    break;

                case State.FieldStart or State.Unquoted or State.QuoteInQuoted when character is '\r' or '\n':
                    ConsumeLineEnd(character);
                    fields.Add(_field.ToString());
                    return true;

                case State.FieldStart or State.Unquoted:
                    _field.Append(character);
                    state = State.Unquoted;
                    break;

                case State.Quoted when character == Quote:
                    state = State.QuoteInQuoted;
                    break;

                case State.Quoted:
                    CountLine(character);
                    _field.Append(character);
                    break;

                case State.QuoteInQuoted when character == Quote:
                    // A doubled quote inside a quoted field stands for one quote.
                    _field.Append(Quote);
                    state = State.Quoted;
                    break;

                case State.QuoteInQuoted:
                    // A stray quote followed by more text: keep both and read on as an unquoted field.
                    _field.Append(Quote).Append(character);
                    state = State.Unquoted;
                    break;
            }
        }
    }

    private void ConsumeLineEnd(char character)
    {
        LineNumber++;
        if (character == '\r' && Peek() == '\n')
        {
            Read();
        }
    }

    private void CountLine(char character)
    {
        // Line breaks inside quoted fields still advance the line count, so messages point at the right line.
        if (character == '\n' || (character == '\r' && Peek() != '\n'))
        {
            LineNumber++;
        }
    }

    private int Read()
    {
        if (_pending >= 0)
        {
            var pending = _pending;
            _pending = -1;
            return pending;
        }

        return _reader.Read();
    }

    private int Peek()
    {
        if (_pending < 0)
        {
            _pending = _reader.Read();
        }

        return _pending;
    }
}
