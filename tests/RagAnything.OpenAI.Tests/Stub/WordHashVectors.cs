namespace RagAnything.OpenAI.Tests.Stub;

/// <summary>
/// A deterministic bag-of-words embedding: each lowercased word adds 1 to a hashed dimension, then the vector is
/// L2-normalised, so texts that share words are similar without a model.
/// </summary>
internal static class WordHashVectors
{
    public static float[] Embed(string text, int dimensions)
    {
        var vector = new float[dimensions];
        foreach (var word in text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var trimmed = word.Trim('.', ',', '?', '!', ';', ':', '"', '(', ')', '[', ']');
            if (trimmed.Length > 0)
            {
                vector[Fnv1a(trimmed) % (uint)dimensions] += 1;
            }
        }

        var norm = MathF.Sqrt(vector.Sum(value => value * value));
        if (norm == 0)
        {
            vector[0] = 1;
            return vector;
        }

        for (var index = 0; index < vector.Length; index++)
        {
            vector[index] /= norm;
        }

        return vector;
    }

    private static uint Fnv1a(string word)
    {
        var hash = 2166136261u;
        foreach (var character in word)
        {
            hash = (hash ^ character) * 16777619u;
        }

        return hash;
    }
}
