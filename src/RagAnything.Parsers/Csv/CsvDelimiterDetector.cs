namespace RagAnything.Parsing;

/// <summary>
/// Picks the field delimiter of a delimited text file from a sample of its first records.
/// </summary>
internal static class CsvDelimiterDetector
{
    /// <summary>The candidates, tried in this order; the order breaks ties after the preferred delimiter.</summary>
    public static readonly char[] Candidates = [',', ';', '\t', '|'];

    /// <summary>How many records of the sample are compared; enough to see a pattern, few enough to stay cheap.</summary>
    private const int SampleRecords = 50;

    /// <summary>
    /// Returns the candidate whose records have the most consistent field count: the largest share of records with
    /// the most common count, then the larger count. A candidate that never splits a record scores nothing.
    /// </summary>
    /// <param name="sample">The start of the file. A record cut off at its end is ignored when the sample is partial.</param>
    /// <param name="sampleIsComplete">Whether <paramref name="sample"/> is the whole file.</param>
    /// <param name="preferred">The delimiter that wins ties and is returned when no candidate splits any record.</param>
    public static char Detect(string sample, bool sampleIsComplete, char preferred)
    {
        var best = preferred;
        var bestScore = (Consistency: 0.0, FieldCount: 1);

        foreach (var candidate in Candidates.OrderBy(candidate => candidate == preferred ? 0 : 1))
        {
            var counts = CountFields(sample, sampleIsComplete, candidate);
            if (counts.Count == 0)
            {
                continue;
            }

            var mode = counts.GroupBy(count => count).OrderByDescending(group => group.Count()).ThenByDescending(group => group.Key).First();
            var score = (Consistency: (double)mode.Count() / counts.Count, FieldCount: mode.Key);
            if (score.FieldCount > 1 && (score.Consistency > bestScore.Consistency ||
                (score.Consistency == bestScore.Consistency && score.FieldCount > bestScore.FieldCount)))
            {
                best = candidate;
                bestScore = score;
            }
        }

        return best;
    }

    private static List<int> CountFields(string sample, bool sampleIsComplete, char delimiter)
    {
        var reader = new CsvReader(new StringReader(sample), delimiter);
        var fields = new List<string>();
        var counts = new List<int>();
        while (counts.Count <= SampleRecords && reader.TryReadRecord(fields))
        {
            counts.Add(fields.Count);
        }

        // The last record of a partial sample may be cut in the middle, so its field count is not used.
        if (!sampleIsComplete && counts.Count > 1)
        {
            counts.RemoveAt(counts.Count - 1);
        }

        return counts;
    }
}
