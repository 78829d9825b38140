namespace RagAnything.Embeddings.Onnx.Internal;

/// <summary>
/// The tokenized distinct texts of one embedding call, the batches they are cut into, and the vectors as the
/// batches produce them.
/// </summary>
/// <remarks>
/// Batches may run on different threads at once: each writes only the vector slots of its own inputs. Once one batch
/// fails, the batches that have not started yet are skipped, because the call fails with that batch's exception and
/// their vectors would be discarded.
/// </remarks>
internal sealed class CallPlan
{
    private readonly OnnxModelSession _session;

    // Set by the first batch that fails, and read by batches on other threads before they start.
    private volatile bool _failed;

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

    /// <summary>Runs the model on one batch and stores its vectors, unless another batch of the call has failed.</summary>
    /// <returns>
    /// <see langword="true"/> when the batch ran, or <see langword="false"/> when it was skipped because another batch
    /// had failed. Either way the run can be queued as a work item with a result.
    /// </returns>
    public bool Run(int[] indexes)
    {
        // Without this check a call of thousands of texts would keep every inference thread busy for all of its
        // remaining batches before its caller saw the failure.
        if (_failed)
        {
            return false;
        }

        var batch = new IReadOnlyList<int>[indexes.Length];
        for (int position = 0; position < indexes.Length; position++)
        {
            batch[position] = Sequences[indexes[position]];
        }

        float[][] batchVectors;
        try
        {
            batchVectors = _session.Embed(batch);
        }
        catch
        {
            _failed = true;
            throw;
        }

        for (int position = 0; position < indexes.Length; position++)
        {
            Vectors[indexes[position]] = batchVectors[position];
        }

        return true;
    }
}
