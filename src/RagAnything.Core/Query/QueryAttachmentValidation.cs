using RagAnything.Errors;

namespace RagAnything.Query;

/// <summary>
/// Checks a request's attachments before anything is sent to a model.
/// </summary>
internal static class QueryAttachmentValidation
{
    /// <summary>The maximum number of attachments of one request: each may cost a chat call to describe it.</summary>
    public const int MaxAttachments = 8;

    /// <summary>The maximum size of one image: 20 MiB, the upload limit that hosted vision models commonly set.</summary>
    public const int MaxImageBytes = 20 * 1024 * 1024;

    public static void Validate(IReadOnlyList<QueryAttachment>? attachments)
    {
        if (attachments is null)
        {
            throw Invalid("QueryRequest.Attachments is null. Pass an empty list for a question without attachments.");
        }

        if (attachments.Count > MaxAttachments)
        {
            throw Invalid($"The request has {attachments.Count} attachments; at most {MaxAttachments} are allowed.");
        }

        for (var index = 0; index < attachments.Count; index++)
        {
            var problem = attachments[index] switch
            {
                null => "is null",
                TableAttachment { Rows.Count: 0 } => "is a table without rows",
                TableAttachment { HeaderRowCount: < 0 } table => $"has a negative HeaderRowCount ({table.HeaderRowCount})",
                EquationAttachment equation when string.IsNullOrWhiteSpace(equation.Text) => "is an equation without text",
                ImageAttachment { Data.Length: 0 } => "is an empty image",
                ImageAttachment image when image.Data.Length > MaxImageBytes => $"is an image of {image.Data.Length} bytes, over the limit of {MaxImageBytes}",
                ImageAttachment image when !image.MediaType.StartsWith("image/", StringComparison.OrdinalIgnoreCase) => $"has media type '{image.MediaType}', which is not an image type such as image/png",
                _ => null,
            };

            if (problem is not null)
            {
                throw Invalid($"Attachment {index + 1} {problem}. Fix or remove it.");
            }
        }
    }

    private static RagAnythingException Invalid(string message) => new(ErrorCategory.Validation, message);
}
