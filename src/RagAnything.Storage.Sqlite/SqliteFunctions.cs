namespace RagAnything.Storage.Sqlite;

/// <summary>Names of the .NET functions registered on every connection for use in SQL.</summary>
internal static class SqliteFunctions
{
    /// <summary><c>raganything_contains_ignore_case(text, part)</c>: 1 when <c>text</c> contains <c>part</c>, ordinal and case-insensitive.</summary>
    public const string ContainsIgnoreCase = "raganything_contains_ignore_case";
}
