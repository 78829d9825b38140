using Google.Protobuf;
using Onnx;

namespace RagAnything.Embeddings.Onnx.Quantization;

/// <summary>
/// Parses serialized ONNX models and rejects input that is not one.
/// </summary>
internal static class OnnxModelParser
{
    /// <summary>
    /// Parses <paramref name="model"/> as an ONNX <see cref="ModelProto"/>.
    /// </summary>
    /// <exception cref="InvalidDataException">The bytes are not valid protobuf, or they decode to a message without a graph.</exception>
    public static ModelProto Parse(ReadOnlySpan<byte> model)
    {
        ModelProto parsed;
        try
        {
            parsed = ModelProto.Parser.ParseFrom(model);
        }
        catch (InvalidProtocolBufferException exception)
        {
            throw new InvalidDataException(
                $"The {model.Length} bytes are not a valid ONNX model: {exception.Message} Check that the file is a complete .onnx model.",
                exception);
        }

        // Protobuf skips unknown fields, so arbitrary bytes can decode "successfully" to an empty message.
        if (parsed.Graph is null || parsed.Graph.Node.Count == 0)
        {
            throw new InvalidDataException(
                $"The {model.Length} bytes decode to a message without a graph, so they are not an ONNX model. Check that the file is a complete .onnx model.");
        }

        return parsed;
    }
}
