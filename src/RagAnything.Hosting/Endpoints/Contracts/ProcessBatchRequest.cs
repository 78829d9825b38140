namespace RagAnything.Hosting.Endpoints.Contracts;

/// <summary>The documents to queue for processing.</summary>
internal sealed record ProcessBatchRequest(IReadOnlyList<string>? DocumentIds);
