namespace RagAnything.Storage.Graph;

/// <summary>
/// How <see cref="IGraphStore.SearchLabelsAsync"/> compares the search text with node names.
/// </summary>
public enum LabelMatch
{
    /// <summary>The name starts with the text, ignoring case.</summary>
    Prefix,

    /// <summary>The name contains the text anywhere, ignoring case. Names that start with it come first.</summary>
    Contains,
}
