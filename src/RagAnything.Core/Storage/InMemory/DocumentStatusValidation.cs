using RagAnything.Storage.Documents;

namespace RagAnything.Storage.InMemory;

/// <summary>Argument checks shared by the document status store's methods.</summary>
internal static class DocumentStatusValidation
{
    public static void Validate(DocumentStatusRecord? record, string parameterName)
    {
        if (record is null)
        {
            throw new ArgumentNullException(parameterName);
        }

        if (string.IsNullOrEmpty(record.Id))
        {
            throw new ArgumentException("A document status record has a missing or empty id.", parameterName);
        }
    }

    public static void ValidateQuery(DocumentStatusQuery? query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.PageSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.PageSize, "The page size must be at least 1.");
        }
    }
}
