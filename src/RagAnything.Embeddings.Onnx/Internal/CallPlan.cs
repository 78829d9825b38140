namespace RagAnything.Embeddings.Onnx.Internal;

/// <summary>
/// The tokenized distinct texts of one embedding call, the batches they are cut into, and the vectors as the
/// batches produce them.
/// </summary>
/// <remarks>Batches may run on different threads at once: each writes only the vector slots of its own inputs.</remarks>
internal sealed class CallPlan
{
    private readonly OnnxModelSession _session;

    public CallPlan(OnnxModelSession session, IReadOnlyList<int>[] sequences, int[] indexOfInput, List<int[]> batches)
    {
        _session = session;
        Sequences = sequences;
        IndexOfInput = indexOfInput;
        Batches = batches;
        Vectors = new float[sequences.Length][];
    }

    /// <summary>Gets the token ids of each distinct text.</summary>
    public IReadOnlyList<int>[] Sequences { get; }

    /// <summary>Gets, for each input of the call, the index of its distinct text.</summary>
    public int[] IndexOfInput { get; }

    /// <summary>Gets the indexes into <see cref="Sequences"/> of each batch.</summary>
    public List<int[]> Batches { get; }

    /// <summary>Gets the vector of each distinct text, filled in as batches run.</summary>
    public float[][] Vectors { get; }

    /// <summary>Runs the model on one batch and stores its vectors.</summary>
    /// <returns><see langword="true"/>, so that the run can be queued as a work item with a result.</returns>
    public bool Run(int[] indexes)
    {
        var batch = new IReadOnlyList<int>[indexes.Length];
        for (int position = 0; position < indexes.Length; position++)
        {
            batch[position] = Sequences[indexes[position]];
        }

        float[][] batchVectors = _session.Embed(batch);
        for (int position = 0; position < indexes.Length; position++)
        {
            Vectors[indexes[position]] = batchVectors[position];
        }

        return true;
    }
}
