using RagAnything.Content;

namespace RagAnything.Modal;

/// <summary>
/// Describes equations: with the chat model from the source and its context, or offline as the source text and notation.
/// </summary>
internal sealed class EquationModalProcessor(ModalChat chat) : IModalProcessor
{
    public bool CanProcess(ContentItem item) => item is EquationItem;

    public async Task<ModalDescription> DescribeAsync(ModalContext context, CancellationToken cancellationToken)
    {
        var equation = (EquationItem)context.Item;
        var name = ModalNames.Create(caption: null, "Equation", context);
        var itemText = $"Equation ({equation.Format}): {equation.Text.Trim()}";

        var described = await chat.DescribeAsync(itemText, context.SurroundingText, image: null, cancellationToken).ConfigureAwait(false);
        return new ModalDescription(name, "equation", described ?? itemText);
    }
}
