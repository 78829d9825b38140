namespace RagAnything.Hosting.Endpoints.Paging;

/// <summary>A listing route whose cursors are issued and checked apart from the others.</summary>
internal enum PageListing
{
    /// <summary><c>GET /documents</c>.</summary>
    Documents,

    /// <summary><c>GET /tasks</c>.</summary>
    Tasks,
}
