namespace RagAnything.Embeddings.Onnx.Internal;

/// <summary>
/// Cuts the inputs of one call into model runs, each limited both in inputs and in padded tokens.
/// </summary>
internal static class BatchPlanner
{
    /// <summary>
    /// Returns the input indexes of each batch. With <paramref name="sortByLength"/> the inputs are taken shortest
    /// first, so each batch is padded to a length close to all of its inputs.
    /// </summary>
    /// <param name="lengths">The token count of each input, [CLS] and [SEP] included.</param>
    /// <param name="maxInputs">The maximum number of inputs in one batch.</param>
    /// <param name="maxTokens">
    /// The maximum of inputs × longest input in one batch. An input longer than this still gets a batch of its own.
    /// </param>
    /// <param name="sortByLength">Whether to order inputs by length before cutting, instead of keeping input order.</param>
    public static List<int[]> Plan(IReadOnlyList<int> lengths, int maxInputs, int maxTokens, bool sortByLength)
    {
        IEnumerable<int> indexes = Enumerable.Range(0, lengths.Count);
        int[] order = sortByLength ? [.. indexes.OrderBy(index => lengths[index])] : [.. indexes];

        var batches = new List<int[]>();
        var current = new List<int>(maxInputs);
        int longest = 0;

        foreach (int index in order)
        {
            int candidateLongest = Math.Max(longest, lengths[index]);
            bool full = current.Count == maxInputs || (long)(current.Count + 1) * candidateLongest > maxTokens;
            if (current.Count > 0 && full)
            {
                batches.Add([.. current]);
                current.Clear();
                candidateLongest = lengths[index];
            }

            current.Add(index);
            longest = candidateLongest;
        }

        if (current.Count > 0)
        {
            batches.Add([.. current]);
        }

        return batches;
    }
}
