namespace RagAnything.Parsing;

/// <summary>
/// Counts the images kept across one document, so <see cref="PdfParserOptions.MaxImagesPerDocument"/> applies to the
/// document and not to each page.
/// </summary>
internal sealed class PdfImageBudget(int maxImages)
{
    public int Kept { get; private set; }

    public int Dropped { get; private set; }

    public bool TryTake()
    {
        if (Kept >= maxImages)
        {
            Dropped++;
            return false;
        }

        Kept++;
        return true;
    }
}
