namespace RagAnything.Storage.Graph;

/// <summary>
/// Builds the keys that identify edges, shared by every graph store so that all of them agree on them.
/// </summary>
public static class GraphKeys
{
    /// <summary>The character between the two endpoint keys of an edge key.</summary>
    public const char EdgeSeparator = '|';

    /// <summary>
    /// Returns the key of the undirected edge between two nodes: the two node keys in ordinal order,
    /// joined by <see cref="EdgeSeparator"/>, such as <c>alpha|beta</c>.
    /// </summary>
    public static string EdgeKey(string source, string target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);

        return string.CompareOrdinal(source, target) <= 0
            ? string.Concat(source, "|", target)
            : string.Concat(target, "|", source);
    }
}
