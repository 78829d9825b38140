using RagAnything.Content;

namespace RagAnything.Modal;

/// <summary>
/// Describes tables: with the chat model from the linearised table and its context, or offline as the caption,
/// the header and the linearised rows.
/// </summary>
internal sealed class TableModalProcessor(ModalChat chat) : IModalProcessor
{
    // About 500 tokens of table text: enough for the model to see the structure and the notable rows.
    private const int MaxTableTextLength = 2000;

    public bool CanProcess(ContentItem item) => item is TableItem;

    public async Task<ModalDescription> DescribeAsync(ModalContext context, CancellationToken cancellationToken)
    {
        var table = (TableItem)context.Item;
        var name = ModalNames.Create(table.Caption, "Table", context);
        var tableText = TableText.Linearise(table, MaxTableTextLength);

        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(table.Caption))
        {
            parts.Add(table.Caption.Trim());
        }

        parts.Add(tableText);
        parts.AddRange(table.Footnotes);
        var itemText = string.Join('\n', parts);

        var described = await chat.DescribeAsync(itemText, context.SurroundingText, image: null, cancellationToken).ConfigureAwait(false);
        return new ModalDescription(name, "table", described ?? itemText);
    }
}
