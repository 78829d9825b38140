using System.Globalization;
using RagAnything.Content;

namespace RagAnything.Modal;

/// <summary>
/// Describes any non-text item that no specific processor handles, from its kind, headings and surrounding text.
/// </summary>
/// <remarks>It is the fallback, so it is tried after every other processor.</remarks>
internal sealed class GenericModalProcessor(ModalChat chat) : IModalProcessor
{
    public bool CanProcess(ContentItem item) => item is not TextItem;

    public async Task<ModalDescription> DescribeAsync(ModalContext context, CancellationToken cancellationToken)
    {
        var kind = context.Item.Kind.ToString();
        var name = ModalNames.Create(caption: null, kind, context);
        var headings = context.Item.HeadingPath.Count > 0 ? $" under the heading \"{string.Join(" > ", context.Item.HeadingPath)}\"" : "";
        var itemText = string.Create(CultureInfo.InvariantCulture, $"A {kind.ToLowerInvariant()} item on page {context.PageNumber}{headings}.");

        var described = await chat.DescribeAsync(itemText, context.SurroundingText, image: null, cancellationToken).ConfigureAwait(false);
        return new ModalDescription(name, kind.ToLowerInvariant(), described ?? itemText);
    }
}
