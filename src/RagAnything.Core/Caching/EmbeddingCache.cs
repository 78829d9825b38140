namespace RagAnything.Caching;

/// <summary>
/// The embedding layer: vectors keyed by model id and the SHA-256 of the text, so a text embedded once for a
/// document or a question is never sent to the model again.
/// </summary>
internal sealed class EmbeddingCache(CacheRegistry registry)
{
    private CountingHybridCache Layer => registry[CacheLayer.Embedding];

    /// <summary>
    /// Embeds <paramref name="texts"/>, taking cached vectors where there are some and calling
    /// <paramref name="generate"/> once with the distinct remaining texts, then caching its vectors.
    /// </summary>
    /// <param name="modelId">The embedding model id; vectors of different models never mix.</param>
    /// <param name="texts">The texts, in order.</param>
    /// <param name="generate">Embeds the texts it is given, returning one vector per text in the same order.</param>
    /// <param name="cancellationToken">Cancels the lookups and the call.</param>
    public async Task<ReadOnlyMemory<float>[]> EmbedAsync(
        string modelId,
        IReadOnlyList<string> texts,
        Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyList<ReadOnlyMemory<float>>>> generate,
        CancellationToken cancellationToken)
    {
        var vectors = new ReadOnlyMemory<float>[texts.Count];
        if (!Layer.Enabled)
        {
            var all = await generate(texts, cancellationToken).ConfigureAwait(false);
            all.ToArray().CopyTo(vectors, 0);
            return vectors;
        }

        // Positions of each text that still needs the model, grouped so a text repeated in one request is embedded once.
        var missing = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var keys = new string[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            keys[i] = CacheKeys.Combine(modelId, CacheKeys.Sha256(texts[i]));
            if (missing.TryGetValue(texts[i], out var positions))
            {
                positions.Add(i);
                continue;
            }

            var cached = await Layer.TryGetAsync<float[]>(keys[i], cancellationToken).ConfigureAwait(false);
            if (cached is null)
            {
                missing[texts[i]] = [i];
            }
            else
            {
                vectors[i] = cached;
            }
        }

        if (missing.Count == 0)
        {
            return vectors;
        }

        var request = missing.Keys.ToList();
        var generated = await generate(request, cancellationToken).ConfigureAwait(false);

        for (var j = 0; j < request.Count; j++)
        {
            var positions = missing[request[j]];
            foreach (var position in positions)
            {
                vectors[position] = generated[j];
            }

            await Layer.SetAsync(keys[positions[0]], generated[j].ToArray(), cancellationToken).ConfigureAwait(false);
        }

        return vectors;
    }
}
