namespace RagAnything.Embeddings.Onnx.Internal;

/// <summary>
/// The distinct texts of one call, in order of first appearance, and for each input the index of its distinct text.
/// </summary>
internal sealed class DistinctTexts
{
    private DistinctTexts(List<string> texts, int[] indexOfInput)
    {
        Texts = texts;
        IndexOfInput = indexOfInput;
    }

    /// <summary>Gets each distinct text once, compared ordinally.</summary>
    public IReadOnlyList<string> Texts { get; }

    /// <summary>Gets, for input <c>i</c>, the index in <see cref="Texts"/> of its text.</summary>
    public int[] IndexOfInput { get; }

    public static DistinctTexts Find(IReadOnlyList<string> inputs)
    {
        var texts = new List<string>(inputs.Count);
        var indexOfText = new Dictionary<string, int>(inputs.Count, StringComparer.Ordinal);
        var indexOfInput = new int[inputs.Count];

        for (int input = 0; input < inputs.Count; input++)
        {
            if (!indexOfText.TryGetValue(inputs[input], out int index))
            {
                index = texts.Count;
                indexOfText.Add(inputs[input], index);
                texts.Add(inputs[input]);
            }

            indexOfInput[input] = index;
        }

        return new DistinctTexts(texts, indexOfInput);
    }
}
