using RagAnything.Storage.Documents;

namespace RagAnything.Hosting.Endpoints.Contracts;

/// <summary>The failure of a document or task: the stage, the error category and a message.</summary>
internal sealed record ErrorResponse(string Stage, string Category, string Message)
{
    public static ErrorResponse? From(DocumentError? error)
        => error is null ? null : new ErrorResponse(error.Stage, ApiNames.Of(error.Category), error.Message);
}
