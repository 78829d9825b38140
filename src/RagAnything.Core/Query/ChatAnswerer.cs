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

    /// <summary>
    /// Builds the messages of a query: the instructions with the entities and relations (graph modes) and the
    /// numbered passages, then the conversation history, then the question with its attachments.
    /// </summary>
    public static List<ChatMessage> BuildMessages(PreparedQuery query, QueryContext queryContext)
        => BuildMessages(query, queryContext.Chunks, queryContext.Entities, queryContext.Relations);

    /// <summary>Builds the user message: the question, then each attachment's description, with images attached.</summary>
    public static ChatMessage BuildQuestion(PreparedQuery query)
    {
        if (query.Attachments.Count == 0)
        {
            return new ChatMessage(ChatRole.User, query.Request.Query);
        }

        var text = new StringBuilder(query.Request.Query).AppendLine().AppendLine().AppendLine("Attached to the question:");
        foreach (var attachment in query.Attachments)
        {
            text.Append('(').Append(attachment.Label).Append(") ")
                .AppendLine(attachment.Text.Length > 0 ? attachment.Text : "no description available");
        }

        var message = new ChatMessage(ChatRole.User, text.ToString().TrimEnd());
        foreach (var image in query.Attachments.Select(attachment => attachment.Image).OfType<DataContent>())
        {
            message.Contents.Add(image);
        }

        return message;
    }

    private static List<ChatMessage> BuildMessages(
        PreparedQuery query,
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
        messages.AddRange(query.Request.History);
        messages.Add(BuildQuestion(query));
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
