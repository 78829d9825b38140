using System.Text;

namespace RagAnything.Parsing;

/// <summary>
/// Collects the text of inline HTML content the way a browser renders it: runs of whitespace become one space and
/// <c>&lt;br&gt;</c> becomes a line break.
/// </summary>
/// <remarks>An instance is reused for many blocks of one document and is not thread-safe.</remarks>
internal sealed class HtmlTextBuffer
{
    private readonly StringBuilder _text = new();
    private bool _pendingSpace;

    /// <summary>Gets a value indicating whether the buffer contains no visible text.</summary>
    public bool IsEmpty => _text.Length == 0;

    /// <summary>Appends text, collapsing whitespace; leading whitespace of a block is dropped.</summary>
    public void Append(string text)
    {
        foreach (var character in text)
        {
            // HTML whitespace collapsing applies to ASCII whitespace; a no-break space is kept as a space.
            if (character is ' ' or '\t' or '\n' or '\r' or '\f' or '\u00A0')
            {
                _pendingSpace = _text.Length > 0 && _text[^1] != '\n';
                continue;
            }

            if (char.IsControl(character) || character == '\u200B')
            {
                continue;
            }

            if (_pendingSpace)
            {
                _text.Append(' ');
                _pendingSpace = false;
            }

            _text.Append(character);
        }
    }

    /// <summary>Ends the current word, so text appended next starts after a space.</summary>
    public void Separate() => _pendingSpace = _text.Length > 0 && _text[^1] != '\n';

    /// <summary>Appends a line break, dropping spaces before it.</summary>
    public void AppendLineBreak()
    {
        _pendingSpace = false;
        if (_text.Length > 0 && _text[^1] != '\n')
        {
            _text.Append('\n');
        }
    }

    /// <summary>Returns the collected text without trailing line breaks and clears the buffer.</summary>
    public string Take()
    {
        var text = _text.ToString().TrimEnd('\n', ' ');
        _text.Clear();
        _pendingSpace = false;
        return text;
    }
}
