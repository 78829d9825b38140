namespace RagAnything.Hosting.Endpoints.Contracts;

/// <summary>The outcome of each file of a batch upload, in the order the parts arrived.</summary>
internal sealed record BatchUploadResponse(IReadOnlyList<UploadResponse> Files);
