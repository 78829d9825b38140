namespace RagAnything.Caching;

/// <summary>
/// A number that changes whenever the index changes, so cached query results from before an insert or a delete are
/// never returned after it.
/// </summary>
/// <remarks>Safe for concurrent use.</remarks>
public interface IIndexGeneration
{
    /// <summary>Gets the current generation.</summary>
    long Current { get; }

    /// <summary>Moves to a new generation and returns it. Call it after every document is indexed or deleted.</summary>
    long Advance();
}
