using System.Globalization;
using System.Text;
using Microsoft.Extensions.AI;

namespace RagAnything.Query;

/// <summary>
/// Asks the chat model to answer from the cited chunks only, citing them by number.
/// </summary>
internal static class ChatAnswerer
{
    private const string Instructions =
        "Answer the question using only the numbered context passages below. " +
        "After each statement, cite the passages it rests on as [n]. " +
        "If the passages do not contain the answer, say that the documents do not cover it. Do not invent facts.";

    private const string GraphInstructions =
        "The entities and relations below come from a knowledge graph built from the same documents; use them to connect facts, " +
        "but cite only the numbered passages.";

    public static List<ChatMessage> BuildMessages(QueryRequest request, IReadOnlyList<Citation> citations)
        => BuildMessages(request, citations, [], []);

    /// <summary>Builds the messages for a graph query: the entities and relations, then the numbered passages.</summary>
    public static List<ChatMessage> BuildMessages(QueryRequest request, QueryContext queryContext)
        => BuildMessages(request, queryContext.Chunks, queryContext.Entities, queryContext.Relations);

    private static List<ChatMessage> BuildMessages(
        QueryRequest request,
        IReadOnlyList<Citation> citations,
        IReadOnlyList<ContextEntity> entities,
        IReadOnlyList<ContextRelation> relations)
    {
        var context = new StringBuilder();
        context.AppendLine(Instructions).AppendLine();

        if (entities.Count > 0 || relations.Count > 0)
        {
            context.AppendLine(GraphInstructions).AppendLine();
            AppendSection(context, "Entities:", entities.Select(ContextBudget.EntityLine));
            AppendSection(context, "Relations:", relations.Select(ContextBudget.RelationLine));
            context.AppendLine("Passages:");
        }

        foreach (var citation in citations)
        {
            context.Append('[').Append(citation.Number.ToString(CultureInfo.InvariantCulture)).Append("] ")
                .Append(citation.DocumentName);
            if (citation.Page is { } page)
            {
                context.Append(", page ").Append(page.ToString(CultureInfo.InvariantCulture));
            }

            context.AppendLine().AppendLine(citation.Text.Trim()).AppendLine();
        }

        var messages = new List<ChatMessage> { new(ChatRole.System, context.ToString()) };
        messages.AddRange(request.History);
        messages.Add(new ChatMessage(ChatRole.User, request.Query));
        return messages;
    }

    private static void AppendSection(StringBuilder context, string title, IEnumerable<string> lines)
    {
        var list = lines.ToList();
        if (list.Count == 0)
        {
            return;
        }

        context.AppendLine(title);
        foreach (var line in list)
        {
            context.Append("- ").AppendLine(line);
        }

        context.AppendLine();
    }
}
