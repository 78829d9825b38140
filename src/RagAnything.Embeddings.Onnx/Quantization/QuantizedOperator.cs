namespace RagAnything.Embeddings.Onnx.Quantization;

/// <summary>
/// The ONNX Runtime contrib operator that replaces each quantized weight <c>MatMul</c>.
/// </summary>
public enum QuantizedOperator
{
    /// <summary>
    /// <c>com.microsoft.DynamicQuantizeMatMul</c>: int8 weights with one scale per output column, and the input
    /// quantized at run time to uint8 with one scale for the whole tensor. The fastest form, about 2× fp32 for
    /// all-MiniLM-L6-v2 on 2 cores with AVX-512 VNNI.
    /// </summary>
    DynamicQuantizeMatMul,

    /// <summary>
    /// <c>com.microsoft.MatMulNBits</c> with 8-bit weights and accuracy level 4: one weight scale per block of
    /// <see cref="QuantizationOptions.BlockSize"/> input channels and output column, and the input quantized at run time
    /// to int8 per block of each row. Much more accurate, because one large value only coarsens its own block, and the
    /// vectors do not depend on the batch, but only 1.1-1.3× fp32 for all-MiniLM-L6-v2 with ONNX Runtime 1.32.
    /// </summary>
    MatMulNBits,
}
