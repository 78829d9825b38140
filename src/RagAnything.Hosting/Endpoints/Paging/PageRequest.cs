namespace RagAnything.Hosting.Endpoints.Paging;

/// <summary>A checked page request: the page size after the cap, and the store's token, or <see langword="null"/> for the first page.</summary>
internal readonly record struct PageRequest(int Size, string? StoreToken);
