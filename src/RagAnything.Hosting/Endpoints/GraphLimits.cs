namespace RagAnything.Hosting.Endpoints;

/// <summary>
/// The defaults and bounds of the knowledge-graph routes. Requests outside the bounds are rejected with 400
/// rather than capped, so a client never mistakes a cut-down answer for the whole graph.
/// </summary>
internal static class GraphLimits
{
    /// <summary>The longest search text: longer than any entity name the extractors keep.</summary>
    public const int MaxSearchLength = 200;

    /// <summary>The label-search result count when the request names none: one screen of suggestions.</summary>
    public const int DefaultLabelLimit = 20;

    /// <summary>The largest label-search result count, so one request cannot list the whole graph.</summary>
    public const int MaxLabelLimit = 100;

    /// <summary>The subgraph depth when the request names none: the neighbours and their neighbours.</summary>
    public const int DefaultDepth = 2;

    /// <summary>The largest subgraph depth. Beyond three hops a dense graph reaches most of its nodes anyway.</summary>
    public const int MaxDepth = 3;

    /// <summary>The subgraph node count when the request names none: about as many as a graph view can draw legibly.</summary>
    public const int DefaultMaxNodes = 100;

    /// <summary>The largest subgraph node count, which bounds the response to a few MB of descriptions.</summary>
    public const int MaxNodes = 1000;
}
