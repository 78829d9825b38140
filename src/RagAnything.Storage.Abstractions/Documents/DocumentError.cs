namespace RagAnything.Storage.Documents;

/// <summary>
/// The failure recorded on a document that ended in <see cref="DocumentProcessingStatus.Failed"/>.
/// </summary>
/// <param name="Stage">The stage that failed, such as <c>parse</c> or <c>embed</c>.</param>
/// <param name="Category">The error category, which says whether retrying can help.</param>
/// <param name="Message">A message that names what failed and what to do about it.</param>
public sealed record DocumentError(string Stage, ErrorCategory Category, string Message);
