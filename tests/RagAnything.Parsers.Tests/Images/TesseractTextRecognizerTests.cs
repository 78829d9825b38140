using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using RagAnything.Content;
using RagAnything.Parsing;
using Xunit.Abstractions;

namespace RagAnything.Parsers.Tests.Images;

/// <summary>
/// Runs the real Tesseract program. The machine needs the Debian packages tesseract-ocr, tesseract-ocr-eng,
/// tesseract-ocr-chi-sim and tesseract-ocr-kor; a missing one fails the test that needs it with the package name.
/// </summary>
public partial class TesseractTextRecognizerTests
{
    private readonly ITestOutputHelper _output;

    public TesseractTextRecognizerTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task TableImage_RecoversGroundTruthCells()
    {
        var parser = new ImageParser(textRecognizer: Recognizer("eng"));
        var document = await parser.ParseAsync(await Corpus.LoadAsync("img_table_multirow.png"), MediaTypes.Png);
        var image = Assert.IsType<ImageItem>(Assert.Single(document.Items));
        var truth = await new CsvParser().ParseAsync(await Corpus.LoadAsync("csv_table_multirow_ground_truth.csv"), MediaTypes.Csv);

        // Cells are compared with whitespace collapsed, because OCR breaks long cells over lines. Cells of one or two
        // characters ("5", "1") would match anywhere, so only longer cells are counted.
        var ocr = Normalize(image.OcrText ?? string.Empty);
        var cells = Assert.IsType<TableItem>(Assert.Single(truth.Items)).Rows.SelectMany(row => row)
            .Select(Normalize).Where(cell => cell.Length > 2).Distinct().ToList();
        var found = cells.Where(cell => ocr.Contains(cell, StringComparison.OrdinalIgnoreCase)).ToList();
        _output.WriteLine($"OCR recovered {found.Count} of {cells.Count} ground-truth cells longer than 2 characters.");
        _output.WriteLine("Missing: " + string.Join(" | ", cells.Except(found)));

        Assert.Equal((1377, 648), (image.Width, image.Height));
        Assert.Empty(document.Warnings);
        Assert.True(found.Count >= 12, $"Expected at least 12 of {cells.Count} cells in the OCR text, found {found.Count}: {ocr}");
        Assert.Contains("Dexterity", found);
        Assert.Contains("1416 sec, n=3", found);
    }

    [Fact]
    public async Task Poster_EnglishWords()
    {
        var result = await Recognizer("eng").RecognizeAsync(File.ReadAllBytes(Corpus.PathOf("img_poster_ocr.jpg")));

        Assert.Equal(TextRecognitionStatus.Recognized, result.Status);
        Assert.Contains("Microsoft", result.Text, StringComparison.Ordinal);
        Assert.Contains("Automotive News World Congress", Normalize(result.Text), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChineseImage_WithChiSim()
    {
        AssertLanguageInstalled("chi_sim", "tesseract-ocr-chi-sim");

        var result = await Recognizer("chi_sim").RecognizeAsync(File.ReadAllBytes(Corpus.PathOf("img_chinese_text.jpeg")));

        Assert.Equal(TextRecognitionStatus.Recognized, result.Status);
        Assert.Contains("肌肤", result.Text, StringComparison.Ordinal);
        Assert.Contains("适用人群", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnglishKoreanImage_WithLanguageOverride()
    {
        AssertLanguageInstalled("kor", "tesseract-ocr-kor");

        var result = await Recognizer("eng").RecognizeAsync(File.ReadAllBytes(Corpus.PathOf("img_english_korean_text.png")), "eng+kor");

        Assert.Equal(TextRecognitionStatus.Recognized, result.Status);
        Assert.Contains("RULES AND INSTRUCTIONS", result.Text, StringComparison.Ordinal);
        Assert.Contains("안녕하세요", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingProgram_WarnsInsteadOfFailing()
    {
        var parser = new ImageParser(textRecognizer: Recognizer("eng", options => options.TesseractPath = "/nonexistent/tesseract-missing"));

        var document = await parser.ParseAsync(await Corpus.LoadAsync("img_chinese_text.jpeg"), MediaTypes.Jpeg);

        var image = Assert.IsType<ImageItem>(Assert.Single(document.Items));
        Assert.Null(image.OcrText);
        Assert.Equal((449, 110), (image.Width, image.Height));
        var warning = Assert.Single(document.Warnings);
        Assert.Contains("Unavailable", warning, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/tesseract-missing", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timeout_StopsProgramAndWarns()
    {
        // Loading the language data alone takes longer than 1 ms, so the run always times out.
        var parser = new ImageParser(textRecognizer: Recognizer("eng", options => options.Timeout = TimeSpan.FromMilliseconds(1)));
        var started = Stopwatch.GetTimestamp();

        var document = await parser.ParseAsync(await Corpus.LoadAsync("img_english_korean_text.png"), MediaTypes.Png);

        Assert.Null(Assert.IsType<ImageItem>(Assert.Single(document.Items)).OcrText);
        Assert.Contains(document.Warnings, warning => warning.Contains("TimedOut", StringComparison.Ordinal));
        Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(20), "The timed-out process was not stopped promptly.");
    }

    [Fact]
    public async Task Cancellation_Throws()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Recognizer("eng").RecognizeAsync(File.ReadAllBytes(Corpus.PathOf("img_paper_page_with_table.jpg")), cancellationToken: cancellation.Token).AsTask());
    }

    [Fact]
    public async Task UnknownLanguage_Fails()
    {
        var result = await Recognizer("eng").RecognizeAsync(File.ReadAllBytes(Corpus.PathOf("img_chinese_text.jpeg")), "xyz");

        Assert.Equal(TextRecognitionStatus.Failed, result.Status);
        Assert.Contains("xyz", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disabled_DoesNotRun()
    {
        var result = await Recognizer("eng", options => options.Enabled = false).RecognizeAsync(new byte[] { 1 });

        Assert.Equal(TextRecognitionStatus.Disabled, result.Status);
    }

    [Theory]
    [InlineData("-l")]
    [InlineData("eng kor")]
    [InlineData("eng+")]
    public async Task LanguageList_IsValidated(string languages)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Recognizer("eng").RecognizeAsync(new byte[] { 1 }, languages).AsTask());
        Assert.Throws<OptionsValidationException>(() => Recognizer(languages));
    }

    [Fact]
    public void Options_InvalidValuesAreAllReported()
    {
        var exception = Assert.Throws<OptionsValidationException>(() => Recognizer("eng", options =>
        {
            options.Timeout = TimeSpan.Zero;
            options.TesseractPath = " ";
            options.PageSegmentationMode = 14;
        }));

        Assert.Equal(3, exception.Failures.Count());
    }

    private static TesseractTextRecognizer Recognizer(string languages, Action<OcrOptions>? configure = null)
    {
        var options = new OcrOptions { Languages = languages };
        configure?.Invoke(options);
        return new TesseractTextRecognizer(Options.Create(options));
    }

    private static void AssertLanguageInstalled(string language, string package)
    {
        using var process = Process.Start(new ProcessStartInfo("tesseract", "--list-langs") { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.True(
            output.Split('\n').Any(line => line.Trim() == language),
            $"Tesseract has no '{language}' language data; install the Debian package {package}.");
    }

    private static string Normalize(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
