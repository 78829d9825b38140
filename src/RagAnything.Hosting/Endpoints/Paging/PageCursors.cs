using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace RagAnything.Hosting.Endpoints.Paging;

/// <summary>
/// Issues and checks the opaque <c>cursor</c> values of the listing routes. A cursor is the store's continuation
/// token protected with ASP.NET Core Data Protection. A cursor that this server did not issue, or one changed by
/// the client, fails authentication, so it is rejected instead of reaching the store as a position.
/// </summary>
/// <remarks>
/// Cursors stay valid as long as the Data Protection key that protected them, which by default lives in a key ring
/// on the local disk for 90 days. Several servers behind one address must share a key ring, or a cursor issued by
/// one is rejected by the others. Each listing uses its own purpose, so a task cursor is rejected by the document
/// listing.
/// </remarks>
internal sealed class PageCursors(IDataProtectionProvider provider)
{
    private readonly IDataProtector _documents = provider.CreateProtector("RagAnything.Hosting.PageCursor.Documents");
    private readonly IDataProtector _tasks = provider.CreateProtector("RagAnything.Hosting.PageCursor.Tasks");

    /// <summary>Returns the cursor for a store token, or <see langword="null"/> on the last page.</summary>
    public string? Issue(PageListing listing, string? storeToken) =>
        storeToken is null ? null : ProtectorFor(listing).Protect(storeToken);

    /// <summary>Reads the store token out of a cursor. Returns <see langword="false"/> for a cursor that this server did not issue.</summary>
    public bool TryRead(PageListing listing, string cursor, out string storeToken)
    {
        try
        {
            storeToken = ProtectorFor(listing).Unprotect(cursor);
            return true;
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException)
        {
            // Unprotect raises FormatException for text that is not base64url and CryptographicException for
            // bytes that fail authentication, such as a cursor from another key ring or another listing.
            storeToken = string.Empty;
            return false;
        }
    }

    private IDataProtector ProtectorFor(PageListing listing) => listing == PageListing.Documents ? _documents : _tasks;
}
