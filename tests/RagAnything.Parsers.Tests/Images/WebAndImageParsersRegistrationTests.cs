using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RagAnything.Parsing;

namespace RagAnything.Parsers.Tests.Images;

public class WebAndImageParsersRegistrationTests
{
    [Fact]
    public void Registration_ResolvesParsersOnce()
    {
        var services = new ServiceCollection();
        services.AddRagAnything().AddWebAndImageParsers(options => options.Languages = "eng+kor").AddWebAndImageParsers();
        using var provider = services.BuildServiceProvider();

        var parsers = provider.GetServices<IDocumentParser>().ToList();

        Assert.Single(parsers.OfType<HtmlParser>());
        Assert.Single(parsers.OfType<CsvParser>());
        Assert.Single(parsers.OfType<ImageParser>());
        Assert.IsType<TesseractTextRecognizer>(provider.GetRequiredService<ITextRecognizer>());
        Assert.Equal("eng+kor", provider.GetRequiredService<IOptions<OcrOptions>>().Value.Languages);
    }

    [Fact]
    public void Registration_RejectsInvalidOcrOptions()
    {
        var services = new ServiceCollection();
        services.AddRagAnything().AddWebAndImageParsers(options => options.Languages = "eng; rm -rf /");
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<OcrOptions>>().Value);

        Assert.Contains("Ocr:Languages", exception.Message, StringComparison.Ordinal);
    }
}
