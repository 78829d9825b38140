namespace RagAnything.Embeddings.Onnx.Tests.Quantization;

/// <summary>
/// Paragraphs of the SQuAD evaluation documents, the realistic text the int8 accuracy gate runs on.
/// </summary>
internal static class SquadParagraphs
{
    /// <summary>
    /// Loads the paragraphs of every squad Markdown file: blocks separated by blank lines, without headings.
    /// </summary>
    public static IReadOnlyList<string> Load()
    {
        string directory = Path.Combine(FindSharedDirectory(), "eval", "documents", "squad");
        List<string> paragraphs = [];
        foreach (string file in Directory.GetFiles(directory, "*.md").Order(StringComparer.Ordinal))
        {
            string text = File.ReadAllText(file).ReplaceLineEndings("\n");
            foreach (string block in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!block.StartsWith('#'))
                {
                    paragraphs.Add(block);
                }
            }
        }

        return paragraphs;
    }

    /// <summary>
    /// Walks up from the test binaries to the folder with RagAnything.sln and returns its sibling folder "shared".
    /// </summary>
    private static string FindSharedDirectory()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RagAnything.sln")))
            {
                return Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared"));
            }
        }

        throw new DirectoryNotFoundException($"No folder above {AppContext.BaseDirectory} contains RagAnything.sln, so the shared evaluation data cannot be found.");
    }
}
