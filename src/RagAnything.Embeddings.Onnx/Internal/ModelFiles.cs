namespace RagAnything.Embeddings.Onnx.Internal;

/// <summary>
/// Resolved locations of an ONNX model and its WordPiece vocabulary, with the id recorded next to its vectors.
/// </summary>
internal sealed record ModelFiles(string ModelId, string ModelPath, string VocabularyPath);
