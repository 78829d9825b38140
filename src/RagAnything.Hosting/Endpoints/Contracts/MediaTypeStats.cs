namespace RagAnything.Hosting.Endpoints.Contracts;

/// <summary>How many documents of one media type were processed, failed, or are still pending or in progress.</summary>
internal sealed record MediaTypeStats(string MediaType, int Processed, int Failed, int InProgress);
