namespace RagAnything.Hosting.Endpoints.Contracts;

/// <summary>The cache layers with their sizes; empty until the library has a cache layer.</summary>
internal sealed record CacheStatusResponse(IReadOnlyList<string> Layers);
