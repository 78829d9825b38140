using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace RagAnything.Parsing;

/// <summary>
/// Renders PDF pages to PNG with poppler's <c>pdftoppm</c>, one process per page, in a private temporary directory
/// that <see cref="Dispose"/> deletes.
/// </summary>
internal sealed class PdfPageRenderer : IDisposable
{
    private readonly PdfParserOptions _options;
    private readonly string _directory;
    private readonly string _pdfPath;

    private PdfPageRenderer(PdfParserOptions options, string directory, string pdfPath)
    {
        _options = options;
        _directory = directory;
        _pdfPath = pdfPath;
    }

    /// <summary>Writes the document to a temporary file that each render reads.</summary>
    public static async Task<PdfPageRenderer> CreateAsync(PdfParserOptions options, ReadOnlyMemory<byte> pdf, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("raganything-pdf-").FullName;
        var pdfPath = Path.Combine(directory, "input.pdf");
        try
        {
            await File.WriteAllBytesAsync(pdfPath, pdf, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Directory.Delete(directory, recursive: true);
            throw;
        }

        return new PdfPageRenderer(options, directory, pdfPath);
    }

    /// <summary>Returns the PNG bytes of a page, or null with a reason when pdftoppm is missing, fails or times out.</summary>
    /// <exception cref="OperationCanceledException">The caller cancelled; the process is killed first.</exception>
    public async Task<(byte[]? Png, string? Failure)> RenderAsync(int pageNumber, CancellationToken cancellationToken)
    {
        var outputRoot = Path.Combine(_directory, $"page-{pageNumber}");
        using var process = new Process { StartInfo = CreateStartInfo(pageNumber, outputRoot) };
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            return (null, $"'{_options.PdftoppmPath}' could not be started ({exception.Message}); install poppler-utils or set PdfParserOptions.PdftoppmPath");
        }

        ChildProcessPriority.TryLower(process);

        using var timeout = new CancellationTokenSource(_options.RenderTimeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            cancellationToken.ThrowIfCancellationRequested();
            return (null, $"pdftoppm did not finish within {_options.RenderTimeout.TotalSeconds:0.#} s (PdfParserOptions.RenderTimeout)");
        }

        var errorText = (await errors.ConfigureAwait(false)).Trim();
        var pngPath = outputRoot + ".png";
        if (process.ExitCode != 0 || !File.Exists(pngPath))
        {
            return (null, $"pdftoppm exited with code {process.ExitCode}: {errorText}");
        }

        var png = await File.ReadAllBytesAsync(pngPath, cancellationToken).ConfigureAwait(false);
        File.Delete(pngPath);
        return (png, null);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A killed renderer may still hold its output open for a moment; the operating system's temp cleanup
            // removes what is left.
        }
    }

    private ProcessStartInfo CreateStartInfo(int pageNumber, string outputRoot)
    {
        var startInfo = new ProcessStartInfo(_options.PdftoppmPath)
        {
            UseShellExecute = false,
            CreateNoWindow = true,
            RedirectStandardError = true,
        };

        var page = pageNumber.ToString(CultureInfo.InvariantCulture);
        foreach (var argument in new[] { "-f", page, "-l", page, "-r", _options.RenderDpi.ToString(CultureInfo.InvariantCulture), "-gray", "-png", "-singlefile", _pdfPath, outputRoot })
        {
            startInfo.ArgumentList.Add(argument);
        }

        return startInfo;
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(5));
        }
        catch (InvalidOperationException)
        {
            // The process exited between the timeout and the kill.
        }
    }
}
