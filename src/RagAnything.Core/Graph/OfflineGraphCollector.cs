namespace RagAnything.Graph;

/// <summary>
/// Collects the names and co-occurrences found in one chunk and turns them into an extraction result.
/// </summary>
/// <remarks>
/// An entity's description is the text of the sentences or rows it appears in. A relation's weight is the number of
/// sentences or rows its two entities share. Weak names (a lone capitalised first word) are kept only when the
/// chunk also has a strong mention of the same name.
/// </remarks>
internal sealed class OfflineGraphCollector(int maxDescriptionLength)
{
    // Every pair of names in a sentence becomes a relation, so a long list of names is capped to keep it linear.
    private const int MaxNamesPerSentence = 8;
    private const int MaxRelationKeywords = 5;

    private readonly Dictionary<string, EntityState> _entities = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), RelationState> _relations = [];

    /// <summary>Records the names of one sentence or table row, and links each pair of them.</summary>
    public void AddSpan(IReadOnlyList<OfflineName> names, string text, IReadOnlyList<OfflineWord> words)
    {
        var keys = new List<string>();
        foreach (var name in names)
        {
            var key = EntityNames.ToKey(name.Text);
            if (key.Length == 0 || keys.Contains(key))
            {
                continue;
            }

            AddEntity(key, name, text);
            if (keys.Count < MaxNamesPerSentence)
            {
                keys.Add(key);
            }
        }

        var keywords = ContentWords(words, keys);
        for (var first = 0; first < keys.Count; first++)
        {
            for (var second = first + 1; second < keys.Count; second++)
            {
                AddRelation(keys[first], keys[second], keywords, text, 1);
            }
        }
    }

    /// <summary>Records a relation with its own keywords and description, such as a table row label and a column.</summary>
    public void AddLink(OfflineName source, OfflineName target, string keywords, string description)
    {
        var sourceKey = EntityNames.ToKey(source.Text);
        var targetKey = EntityNames.ToKey(target.Text);
        if (sourceKey.Length == 0 || targetKey.Length == 0 || sourceKey == targetKey)
        {
            return;
        }

        AddEntity(sourceKey, source, description);
        AddEntity(targetKey, target, description);
        AddRelation(sourceKey, targetKey, [keywords], description, 1);
    }

    public ExtractionResult ToResult()
    {
        var kept = _entities
            .Where(pair => !pair.Value.IsWeak)
            .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);

        var entities = kept.Values
            .OrderBy(entity => entity.Order)
            .Select(entity => new ExtractedEntity(entity.Name, entity.Type, Truncate(entity.Texts)))
            .ToList();

        var relations = _relations
            .Where(pair => kept.ContainsKey(pair.Key.Item1) && kept.ContainsKey(pair.Key.Item2))
            .OrderBy(pair => pair.Value.Order)
            .Select(pair => new ExtractedRelation(
                kept[pair.Key.Item1].Name,
                kept[pair.Key.Item2].Name,
                string.Join(", ", pair.Value.Keywords),
                Truncate(pair.Value.Texts),
                pair.Value.Weight))
            .ToList();

        return new ExtractionResult(entities, relations, 0);
    }

    private void AddEntity(string key, OfflineName name, string text)
    {
        if (!_entities.TryGetValue(key, out var state))
        {
            state = new EntityState(name.Text, name.Type, _entities.Count) { IsWeak = name.IsWeak };
            _entities[key] = state;
        }

        // A strong mention confirms a weak one, and its spelling is the better display name.
        if (state.IsWeak && !name.IsWeak)
        {
            state.IsWeak = false;
            state.Name = name.Text;
            state.Type = name.Type;
        }

        AddText(state.Texts, text);
    }

    private void AddRelation(string sourceKey, string targetKey, IEnumerable<string> keywords, string text, double weight)
    {
        var pair = string.CompareOrdinal(sourceKey, targetKey) <= 0 ? (sourceKey, targetKey) : (targetKey, sourceKey);
        if (!_relations.TryGetValue(pair, out var state))
        {
            state = new RelationState(_relations.Count);
            _relations[pair] = state;
        }

        state.Weight += weight;
        AddText(state.Texts, text);
        foreach (var keyword in keywords)
        {
            if (state.Keywords.Count < MaxRelationKeywords && !state.Keywords.Contains(keyword, StringComparer.OrdinalIgnoreCase))
            {
                state.Keywords.Add(keyword);
            }
        }
    }

    private void AddText(List<string> texts, string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length > 0 && texts.Sum(part => part.Length + 1) < maxDescriptionLength && !texts.Contains(trimmed, StringComparer.Ordinal))
        {
            texts.Add(trimmed);
        }
    }

    private string Truncate(List<string> texts)
    {
        var joined = string.Join(' ', texts);
        return joined.Length <= maxDescriptionLength ? joined : string.Concat(joined.AsSpan(0, maxDescriptionLength - 1).TrimEnd(), "…");
    }

    private static IEnumerable<string> ContentWords(IReadOnlyList<OfflineWord> words, List<string> nameKeys)
    {
        var nameWords = new HashSet<string>(nameKeys.SelectMany(key => key.Split(' ')), StringComparer.Ordinal);
        return words
            .Where(word => word.Text.Length > 2 && !word.IsNumber && !OfflineWordLists.StopWords.Contains(word.Text))
            .Select(word => word.Text.ToLowerInvariant())
            .Where(word => !nameWords.Contains(EntityNames.ToKey(word)))
            .Distinct(StringComparer.Ordinal)
            .Take(MaxRelationKeywords);
    }

    private sealed class EntityState(string name, string type, int order)
    {
        public string Name { get; set; } = name;

        public string Type { get; set; } = type;

        public int Order { get; } = order;

        public bool IsWeak { get; set; }

        public List<string> Texts { get; } = [];
    }

    private sealed class RelationState(int order)
    {
        public int Order { get; } = order;

        public double Weight { get; set; }

        public List<string> Keywords { get; } = [];

        public List<string> Texts { get; } = [];
    }
}
