using System.Text;
using RagAnything.Content;

namespace RagAnything.Core.Tests.Content;

public sealed class UnicodeTextTests
{
    // Attribute arguments are stored as UTF-8, which cannot carry a lone surrogate, so the cases are built here.
    private static readonly (string Input, string Expected)[] RejectedCases =
    [
        ("abc\uD800def", "abc\uFFFDdef"),
        ("abc\uDC00def", "abc\uFFFDdef"),
        ("ends high \uD83D", "ends high \uFFFD"),
        ("\uFFFE", "\uFFFD"),
        ("\uDC00\uD800", "\uFFFD\uFFFD"),
    ];

    [Fact]
    public void ReplaceInvalid_RejectedCodeUnits_BecomeReplacementCharacter()
    {
        foreach (var (input, expected) in RejectedCases)
        {
            string repaired = UnicodeText.ReplaceInvalid(input);

            Assert.Equal(expected, repaired);
            Assert.Equal(repaired, repaired.Normalize(NormalizationForm.FormC));
        }
    }

    [Theory]
    [InlineData("plain text")]
    [InlineData("pair \U0001F600 kept, \uFFFF and \uFDD0 too")]
    [InlineData("")]
    public void ReplaceInvalid_ValidText_ReturnsSameInstance(string input)
    {
        Assert.Same(input, UnicodeText.ReplaceInvalid(input));
    }

    [Fact]
    public void Normalize_QueryWithNoncharacter_DoesNotThrow()
    {
        string normalized = RagAnything.Caching.QueryCache.Normalize("When does the bakery open \uFFFE?");

        Assert.Contains("bakery", normalized, StringComparison.Ordinal);
    }
}
