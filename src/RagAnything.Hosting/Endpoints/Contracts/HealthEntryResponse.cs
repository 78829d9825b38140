namespace RagAnything.Hosting.Endpoints.Contracts;

/// <summary>The result of one health check.</summary>
internal sealed record HealthEntryResponse(string Status, string? Description);
