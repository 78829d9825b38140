using System.Text.Json.Serialization;

namespace RagAnything.Query;

/// <summary>
/// A table, equation or image sent with a question. Its description is added to the text that retrieval searches
/// with and to the prompt, so a question such as "which year in this table grew fastest?" finds related passages.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TableAttachment), "table")]
[JsonDerivedType(typeof(EquationAttachment), "equation")]
[JsonDerivedType(typeof(ImageAttachment), "image")]
public abstract record QueryAttachment
{
    private protected QueryAttachment()
    {
    }

    /// <summary>Gets a caption or short note from the caller, such as "Figure 3: revenue by region".</summary>
    public string? Caption { get; init; }
}
