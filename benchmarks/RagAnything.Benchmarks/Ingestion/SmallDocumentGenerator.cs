using System.Globalization;
using System.Text;

namespace RagAnything.Benchmarks.Ingestion;

/// <summary>
/// Generates distinct documents of about 1 to 2 KB of English-like prose, deterministically from a seed.
/// </summary>
internal static class SmallDocumentGenerator
{
    private static readonly string[] Subjects = ["The harbour authority", "A regional railway", "The city library", "Our maintenance team", "The research group", "A small bakery", "The water utility", "The football club"];
    private static readonly string[] Verbs = ["reported", "announced", "reviewed", "measured", "planned", "delayed", "approved", "published"];
    private static readonly string[] Objects = ["a new timetable", "the annual budget", "energy use in winter", "repairs to the north pier", "a survey of visitors", "changes to opening hours", "the results of a pilot", "a plan for electric buses"];
    private static readonly string[] Details = ["after a long consultation", "with support from the council", "despite rising costs", "ahead of the summer season", "following complaints from residents", "as part of a five-year plan"];

    public static IEnumerable<(string Name, byte[] Content)> Generate(int count, int seed = 17)
    {
        var random = new Random(seed);
        for (var index = 0; index < count; index++)
        {
            var text = new StringBuilder();
            text.Append("Report ").Append(index.ToString(CultureInfo.InvariantCulture)).Append('\n').Append('\n');
            var targetLength = 1024 + random.Next(1024);

            while (text.Length < targetLength)
            {
                text.Append(Subjects[random.Next(Subjects.Length)]).Append(' ')
                    .Append(Verbs[random.Next(Verbs.Length)]).Append(' ')
                    .Append(Objects[random.Next(Objects.Length)]).Append(' ')
                    .Append(Details[random.Next(Details.Length)]).Append(" in ")
                    .Append((1990 + random.Next(35)).ToString(CultureInfo.InvariantCulture)).Append(", with ")
                    .Append(random.Next(2, 900).ToString(CultureInfo.InvariantCulture)).Append(" people involved. ");
            }

            yield return ($"report-{index:D5}.txt", Encoding.UTF8.GetBytes(text.ToString()));
        }
    }
}
