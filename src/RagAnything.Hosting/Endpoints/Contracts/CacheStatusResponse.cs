namespace RagAnything.Hosting.Endpoints.Contracts;

/// <summary>The counters of every cache layer; empty when the engine runs without caches.</summary>
internal sealed record CacheStatusResponse(IReadOnlyList<CacheLayerResponse> Layers);
