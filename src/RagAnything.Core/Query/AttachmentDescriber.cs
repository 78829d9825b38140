using System.Globalization;
using Microsoft.Extensions.AI;
using RagAnything.Content;
using RagAnything.Modal;

namespace RagAnything.Query;

/// <summary>
/// Describes a question's attachments: with the chat model when one is registered (images are sent to it), else
/// offline, from the table's cells, the equation's text and the captions.
/// </summary>
internal static class AttachmentDescriber
{
    // A described table is added to the query embedding and the prompt; past this length it blurs the question.
    private const int MaxTableTextLength = 2000;

    private const string Instructions =
        "A user attached the item below to a question about a document collection. Describe the item so that it can be " +
        "matched against passages of those documents: name what it shows, the entities, quantities and trends in it. " +
        "Use only what the item contains. Answer in plain prose of at most 120 words.";

    public static async Task<PreparedQuery> PrepareAsync(QueryRequest request, IChatClient? chatClient, CancellationToken cancellationToken)
    {
        if (request.Attachments.Count == 0)
        {
            return new PreparedQuery(request, request, []);
        }

        var descriptions = new List<AttachmentDescription>(request.Attachments.Count);
        for (var index = 0; index < request.Attachments.Count; index++)
        {
            descriptions.Add(await DescribeAsync(request.Attachments[index], index + 1, chatClient, cancellationToken).ConfigureAwait(false));
        }

        var described = descriptions.Where(description => description.Text.Length > 0).Select(description => description.Text);
        var retrievalText = string.Join("\n", [request.Query, .. described]);
        return new PreparedQuery(request, request with { Query = retrievalText }, descriptions);
    }

    private static async Task<AttachmentDescription> DescribeAsync(QueryAttachment attachment, int number, IChatClient? chatClient, CancellationToken cancellationToken)
    {
        var (kind, offline, image) = attachment switch
        {
            TableAttachment table => ("table", TableOffline(table), (DataContent?)null),
            EquationAttachment equation => ("equation", EquationOffline(equation), null),
            ImageAttachment picture => ("image", picture.Caption?.Trim() ?? "", new DataContent(picture.Data, picture.MediaType)),
            _ => throw new ArgumentOutOfRangeException(nameof(attachment), attachment.GetType().Name, "Unknown attachment type."),
        };
        var label = $"{kind} {number.ToString(CultureInfo.InvariantCulture)}";

        if (chatClient is null)
        {
            return new AttachmentDescription(label, offline, image);
        }

        var user = new ChatMessage(ChatRole.User, offline.Length > 0 ? $"Attached {kind}:\n{offline}" : $"Attached {kind}.");
        if (image is not null)
        {
            user.Contents.Add(image);
        }

        var response = await chatClient.GetResponseAsync([new ChatMessage(ChatRole.System, Instructions), user], cancellationToken: cancellationToken).ConfigureAwait(false);
        var text = response.Text.Trim();

        // The offline text keeps exact cell values and symbols that a prose description may round or drop.
        var combined = string.Join("\n", new[] { text, offline }.Where(part => part.Length > 0).Distinct(StringComparer.Ordinal));
        return new AttachmentDescription(label, combined, image);
    }

    private static string TableOffline(TableAttachment table)
    {
        var item = new TableItem(table.Rows) { HeaderRowCount = table.HeaderRowCount, Caption = table.Caption };
        var text = TableText.Linearise(item, MaxTableTextLength);
        return string.IsNullOrWhiteSpace(table.Caption) ? text : $"{table.Caption.Trim()}\n{text}";
    }

    private static string EquationOffline(EquationAttachment equation)
    {
        var text = $"Equation ({equation.Format}): {equation.Text.Trim()}";
        return string.IsNullOrWhiteSpace(equation.Caption) ? text : $"{equation.Caption.Trim()}\n{text}";
    }
}
