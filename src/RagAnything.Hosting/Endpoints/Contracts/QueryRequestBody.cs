namespace RagAnything.Hosting.Endpoints.Contracts;

/// <summary>The body of the query routes.</summary>
internal sealed record QueryRequestBody
{
    public string? Query { get; init; }

    /// <summary>Gets the query mode name, such as <c>naive</c> or <c>mix</c>; <see langword="null"/> uses the default.</summary>
    public string? Mode { get; init; }

    public int? TopK { get; init; }

    public IReadOnlyList<HistoryMessage>? History { get; init; }

    public IReadOnlyList<string>? DocumentIds { get; init; }
}
