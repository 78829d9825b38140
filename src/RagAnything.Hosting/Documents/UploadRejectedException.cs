namespace RagAnything.Hosting.Documents;

/// <summary>
/// Thrown while an upload is read when it breaks a limit or is malformed; carries the HTTP status to answer with.
/// </summary>
internal sealed class UploadRejectedException(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}
