namespace RagAnything.Hosting.Endpoints.Contracts;

/// <summary>The overall health status and the status of each check.</summary>
internal sealed record HealthResponse(string Status, IReadOnlyDictionary<string, HealthEntryResponse> Checks);
