namespace RagAnything.Hosting.Endpoints.Contracts;

/// <summary>The outcome for each document of a batch process request, in request order.</summary>
internal sealed record ProcessBatchResponse(IReadOnlyList<ProcessBatchItem> Items);
