using System.Net.Http.Headers;
using System.Text;

namespace RagAnything.Hosting.Tests.Infrastructure;

/// <summary>
/// Builds multipart/form-data bodies byte by byte, so tests can send file names and framing that HttpClient's
/// own multipart content would reject or repair.
/// </summary>
internal sealed class RawMultipart
{
    public const string Boundary = "raganything-test-boundary";

    private readonly MemoryStream _body = new();

    /// <summary>Adds a part named <c>file</c> with a raw <paramref name="contentDisposition"/> tail such as <c>filename="a.txt"</c>.</summary>
    public RawMultipart AddFile(string contentDisposition, byte[] content)
    {
        Write($"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; {contentDisposition}\r\nContent-Type: application/octet-stream\r\n\r\n");
        _body.Write(content);
        Write("\r\n");
        return this;
    }

    public RawMultipart AddFile(string fileName, string text) => AddFile($"filename=\"{fileName}\"", Encoding.UTF8.GetBytes(text));

    /// <summary>Returns the body with the closing boundary, or without it and cut short when <paramref name="truncate"/> is set.</summary>
    public ByteArrayContent Build(bool truncate = false)
    {
        if (!truncate)
        {
            Write($"--{Boundary}--\r\n");
        }

        var bytes = _body.ToArray();
        if (truncate)
        {
            bytes = bytes[..(bytes.Length - 10)];
        }

        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}");
        return content;
    }

    private void Write(string text) => _body.Write(Encoding.UTF8.GetBytes(text));
}
