namespace RagAnything.Hosting.Endpoints.Contracts;

/// <summary>One page of a listing, with the cursor of the next page or <see langword="null"/> on the last one.</summary>
internal sealed record PageResponse<T>(IReadOnlyList<T> Items, string? Next);
