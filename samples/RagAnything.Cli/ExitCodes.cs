namespace RagAnything.Cli;

/// <summary>
/// Process exit codes of the <c>rag</c> tool.
/// </summary>
internal static class ExitCodes
{
    /// <summary>Everything succeeded.</summary>
    public const int Success = 0;

    /// <summary>The command ran, but some documents failed or the query could not be answered.</summary>
    public const int PartialFailure = 1;

    /// <summary>The command line was invalid: an unknown option, a missing argument, a path that does not exist, or a --store folder without a store.</summary>
    public const int UsageError = 2;
}
