using Microsoft.Extensions.Options;
using RagAnything.Content;
using RagAnything.Graph;

namespace RagAnything.Modal;

/// <summary>
/// Collects the text around a table, image or equation: text items on its page first, then on the pages next to it,
/// up to the token limit, returned in reading order.
/// </summary>
internal sealed class ModalContextBuilder(TokenCounter tokens, IOptions<KnowledgeGraphOptions> options)
{
    private readonly KnowledgeGraphOptions _options = options.Value;

    public string Build(IReadOnlyList<ContentItem> items, int itemIndex)
    {
        var page = items[itemIndex].PageIndex;
        var chosen = new SortedDictionary<int, string>();
        var used = 0;

        // Nearer pages first, so a tight budget keeps the text closest to the item.
        for (var distance = 0; distance <= _options.ModalContextPages; distance++)
        {
            var candidates = Enumerable.Range(0, items.Count)
                .Where(index => items[index] is TextItem && Math.Abs(items[index].PageIndex - page) == distance)
                .OrderBy(index => Math.Abs(index - itemIndex));

            foreach (var index in candidates)
            {
                var text = ((TextItem)items[index]).Text.Trim();
                var cost = tokens.Count(text);
                if (text.Length == 0 || used + cost > _options.ModalContextTokens)
                {
                    continue;
                }

                chosen[index] = text;
                used += cost;
            }
        }

        return string.Join('\n', chosen.Values);
    }
}
