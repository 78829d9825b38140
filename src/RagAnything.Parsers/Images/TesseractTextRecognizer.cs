using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace RagAnything.Parsing;

/// <summary>
/// Recognises text by running the Tesseract command-line program (<c>tesseract stdin stdout -l LANGS --psm N</c>)
/// once per image, with the image bytes on standard input.
/// </summary>
/// <remarks>
/// The program is started directly with an argument list, never through a shell. A run that exceeds
/// <see cref="OcrOptions.Timeout"/> or is cancelled is stopped together with any child processes. The instance keeps no
/// per-call state and is safe for concurrent use; each call starts its own process.
/// </remarks>
public sealed partial class TesseractTextRecognizer : ITextRecognizer
{
    /// <summary>The longest part of Tesseract's error output that goes into a result message.</summary>
    private const int MaxErrorOutputLength = 500;

    private readonly OcrOptions _options;
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="options">The OCR settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="logger">The logger, or <see langword="null"/> to log nothing.</param>
    /// <exception cref="OptionsValidationException">A setting is invalid.</exception>
    public TesseractTextRecognizer(IOptions<OcrOptions>? options = null, ILogger<TesseractTextRecognizer>? logger = null)
    {
        _options = options?.Value ?? new OcrOptions();
        _logger = logger ?? NullLogger<TesseractTextRecognizer>.Instance;

        var validation = OcrOptionsValidator.Instance.Validate(Options.DefaultName, _options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(OcrOptions), validation.Failures);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<TextRecognitionResult> RecognizeAsync(
        ReadOnlyMemory<byte> image,
        string? languages = null,
        CancellationToken cancellationToken = default)
    {
        if (image.IsEmpty)
        {
            throw new ArgumentException("The image is empty; pass the bytes of an encoded image file.", nameof(image));
        }

        languages ??= _options.Languages;
        if (!OcrOptionsValidator.IsLanguageList(languages))
        {
            throw new ArgumentException(
                $"The language list '{languages}' is invalid; pass Tesseract language codes joined by '+', such as 'eng+kor'.",
                nameof(languages));
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (!_options.Enabled)
        {
            return TextRecognitionResult.NotRecognized(TextRecognitionStatus.Disabled, "OCR is disabled by OcrOptions.Enabled.");
        }

        using var process = new Process { StartInfo = CreateStartInfo(languages) };
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            WebImageLog.TesseractUnavailable(_logger, exception, _options.TesseractPath);
            return TextRecognitionResult.NotRecognized(
                TextRecognitionStatus.Unavailable,
                $"The Tesseract program '{_options.TesseractPath}' could not be started ({exception.Message}). " +
                "Install it (Debian: apt-get install tesseract-ocr) or set OcrOptions.TesseractPath to its full path.");
        }

        ChildProcessPriority.TryLower(process);

        return await RunAsync(process, image, languages, cancellationToken).ConfigureAwait(false);
    }

    private ProcessStartInfo CreateStartInfo(string languages)
    {
        var startInfo = new ProcessStartInfo(_options.TesseractPath)
        {
            UseShellExecute = false,
            CreateNoWindow = true,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };

        // "stdin" and "stdout" are Tesseract's names for the standard streams, so no temporary file is written.
        startInfo.ArgumentList.Add("stdin");
        startInfo.ArgumentList.Add("stdout");
        startInfo.ArgumentList.Add("-l");
        startInfo.ArgumentList.Add(languages);
        startInfo.ArgumentList.Add("--psm");
        startInfo.ArgumentList.Add(_options.PageSegmentationMode.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // The pipeline recognises several images at once, so one OpenMP thread per process keeps the processes
        // from competing for the same cores.
        startInfo.Environment["OMP_THREAD_LIMIT"] = "1";
        return startInfo;
    }

    private async Task<TextRecognitionResult> RunAsync(Process process, ReadOnlyMemory<byte> image, string languages, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var timeout = new CancellationTokenSource(_options.Timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);

        // Both output streams are drained while the image is written, so neither pipe can fill up and block Tesseract.
        var output = process.StandardOutput.ReadToEndAsync(linked.Token);
        var errors = process.StandardError.ReadToEndAsync(linked.Token);
        try
        {
            await WriteImageAsync(process, image, linked.Token).ConfigureAwait(false);
            await process.WaitForExitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await StopAsync(process, output, errors).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();

            WebImageLog.TesseractTimedOut(_logger, _options.TesseractPath, _options.Timeout.TotalSeconds);
            return TextRecognitionResult.NotRecognized(
                TextRecognitionStatus.TimedOut,
                $"Tesseract did not finish within {_options.Timeout.TotalSeconds:0.###} s and was stopped. Increase OcrOptions.Timeout for large images.");
        }

        var text = await output.ConfigureAwait(false);
        var errorText = await errors.ConfigureAwait(false);
        var elapsed = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (process.ExitCode != 0)
        {
            var detail = Truncate(errorText.Trim());
            WebImageLog.TesseractFailed(_logger, _options.TesseractPath, process.ExitCode, detail);
            return TextRecognitionResult.NotRecognized(
                TextRecognitionStatus.Failed,
                $"Tesseract exited with code {process.ExitCode} for languages '{languages}': {detail}");
        }

        var cleaned = CleanOutput(text);
        WebImageLog.TesseractCompleted(_logger, cleaned.Length, languages, elapsed);
        return TextRecognitionResult.Recognized(cleaned);
    }

    private static async Task WriteImageAsync(Process process, ReadOnlyMemory<byte> image, CancellationToken cancellationToken)
    {
        var input = process.StandardInput.BaseStream;
        try
        {
            await input.WriteAsync(image, cancellationToken).ConfigureAwait(false);
            await input.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // Tesseract closes its input early when it rejects the arguments or the image header. The exit code
            // and error output then give the reason, so the broken pipe itself is not the error to report.
        }
        finally
        {
            try
            {
                input.Close();
            }
            catch (IOException)
            {
                // Closing flushes; a pipe that is already broken was handled above.
            }
        }
    }

    private static async Task StopAsync(Process process, Task<string> output, Task<string> errors)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // The process exited between the timeout and the kill.
        }

        // The reads were cancelled with the same token or end when the pipes close, so awaiting them only observes
        // their outcome and cannot hang.
        try
        {
            await Task.WhenAll(output, errors).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        catch (IOException)
        {
        }
    }

    private static string CleanOutput(string text)
    {
        // Tesseract ends each page with a form feed, which RemoveControlCharacters drops with other controls.
        var cleaned = TextCleaner.RemoveControlCharacters(TextCleaner.NormalizeLineEnds(text));
        var lines = cleaned.Split('\n').Select(line => line.TrimEnd());
        return ExtraBlankLines().Replace(string.Join('\n', lines), "\n\n").Trim('\n', ' ');
    }

    private static string Truncate(string text) =>
        text.Length <= MaxErrorOutputLength ? text : string.Concat(text.AsSpan(0, MaxErrorOutputLength), "...");

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex ExtraBlankLines();
}
