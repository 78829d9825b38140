using System.Text.Json.Serialization;

namespace RagAnything.Content;

/// <summary>
/// One ordered element of a document's content list: the contract between parsing and everything after it.
/// </summary>
/// <remarks>
/// Items are immutable. They serialize to JSON with a <c>kind</c> discriminator
/// (<c>text</c>, <c>table</c>, <c>image</c>, <c>equation</c>), so a content list can be stored, cached or posted as is.
/// </remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(TextItem), "text")]
[JsonDerivedType(typeof(TableItem), "table")]
[JsonDerivedType(typeof(ImageItem), "image")]
[JsonDerivedType(typeof(EquationItem), "equation")]
public abstract record ContentItem
{
    /// <summary>Gets the kind of the item.</summary>
    [JsonIgnore]
    public abstract ContentKind Kind { get; }

    /// <summary>Gets the zero-based index of the page, slide or sheet that holds the item.</summary>
    /// <value>The default is 0, for formats without pages.</value>
    public int PageIndex { get; init; }

    /// <summary>Gets a label for the page when it has a name, such as a sheet name.</summary>
    public string? PageLabel { get; init; }

    /// <summary>Gets where the item sits on its page, when the format records positions.</summary>
    public BoundingBox? BoundingBox { get; init; }

    /// <summary>Gets the titles of the headings above the item, outermost first.</summary>
    /// <value>The default is an empty list.</value>
    public IReadOnlyList<string> HeadingPath { get; init; } = [];
}
