namespace RagAnything.Graph;

/// <summary>
/// Word lists for offline extraction and offline query keywords: English function words, sentence openers
/// and calendar words that are capitalised without naming an entity.
/// </summary>
/// <remarks>NOTE: the lists are English only; capitalised words of other languages pass through as names.</remarks>
internal static class OfflineWordLists
{
    /// <summary>Lowercase words that carry no topic: articles, pronouns, auxiliaries, prepositions and question words.</summary>
    public static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "and", "or", "but", "nor", "so", "yet", "if", "then", "than", "as", "at", "by", "for", "from",
        "in", "into", "of", "on", "onto", "to", "with", "without", "within", "about", "above", "after", "against", "along",
        "among", "around", "before", "behind", "below", "beneath", "beside", "between", "beyond", "during", "except",
        "inside", "near", "off", "out", "outside", "over", "past", "since", "through", "throughout", "toward", "towards",
        "under", "until", "up", "upon", "via", "is", "are", "was", "were", "be", "been", "being", "am", "do", "does",
        "did", "done", "have", "has", "had", "having", "can", "could", "may", "might", "must", "shall", "should", "will",
        "would", "i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your", "yours", "he", "him", "his", "she",
        "her", "hers", "it", "its", "they", "them", "their", "theirs", "this", "that", "these", "those", "there", "here",
        "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "all", "any", "both", "each", "few",
        "more", "most", "other", "some", "such", "no", "not", "only", "own", "same", "too", "very", "just", "also",
        "however", "therefore", "thus", "although", "though", "because", "while", "whereas", "whether", "also", "again",
        "further", "once", "one", "many", "much", "every", "either", "neither", "tell", "show", "explain", "describe",
        "list", "give", "please", "does", "did", "know", "find",
    };

    /// <summary>Words inside a name that stay lowercase, as in "Bank of England" or "Ludwig van Beethoven".</summary>
    public static readonly HashSet<string> NameConnectors = new(StringComparer.Ordinal)
    {
        "of", "de", "du", "des", "da", "di", "del", "della", "van", "von", "der", "den", "la", "le", "y", "&",
    };

    /// <summary>Capitalised words that name a date rather than an entity.</summary>
    public static readonly HashSet<string> CalendarWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    };

    /// <summary>Capitalised words that start a caption and are followed by a number, mapped to the entity type they give.</summary>
    public static readonly Dictionary<string, string> CaptionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["figure"] = "figure",
        ["fig"] = "figure",
        ["table"] = "table",
        ["chart"] = "figure",
        ["equation"] = "equation",
        ["eq"] = "equation",
    };
}
