using RagAnything.Storage.Graph;

namespace RagAnything.Graph;

/// <summary>A relation being merged: every mention of one edge key.</summary>
internal sealed class EdgeDraft(string source, string target)
{
    public string Source { get; } = source;

    public string Target { get; } = target;

    public List<string> Keywords { get; } = [];

    public List<string> Parts { get; } = [];

    public double Weight { get; set; }

    public List<GraphSource> Sources { get; } = [];
}
