using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;

namespace RagAnything.Parsing;

/// <summary>
/// Maps the Unicode characters that OMML stores to LaTeX commands, and escapes LaTeX's special characters.
/// </summary>
internal static partial class OmmlSymbols
{
    private static readonly FrozenDictionary<char, string> Commands = new Dictionary<char, string>
    {
        ['α'] = @"\alpha", ['β'] = @"\beta", ['γ'] = @"\gamma", ['δ'] = @"\delta", ['ε'] = @"\epsilon", ['ϵ'] = @"\epsilon",
        ['ζ'] = @"\zeta", ['η'] = @"\eta", ['θ'] = @"\theta", ['ι'] = @"\iota", ['κ'] = @"\kappa", ['λ'] = @"\lambda",
        ['μ'] = @"\mu", ['ν'] = @"\nu", ['ξ'] = @"\xi", ['π'] = @"\pi", ['ρ'] = @"\rho", ['σ'] = @"\sigma", ['τ'] = @"\tau",
        ['υ'] = @"\upsilon", ['φ'] = @"\phi", ['ϕ'] = @"\phi", ['χ'] = @"\chi", ['ψ'] = @"\psi", ['ω'] = @"\omega",
        ['Γ'] = @"\Gamma", ['Δ'] = @"\Delta", ['Θ'] = @"\Theta", ['Λ'] = @"\Lambda", ['Ξ'] = @"\Xi", ['Π'] = @"\Pi",
        ['Σ'] = @"\Sigma", ['Φ'] = @"\Phi", ['Ψ'] = @"\Psi", ['Ω'] = @"\Omega",
        ['≤'] = @"\leq", ['≥'] = @"\geq", ['≠'] = @"\neq", ['≈'] = @"\approx", ['≡'] = @"\equiv", ['∝'] = @"\propto",
        ['±'] = @"\pm", ['∓'] = @"\mp", ['×'] = @"\times", ['÷'] = @"\div", ['·'] = @"\cdot", ['⋅'] = @"\cdot", ['∙'] = @"\cdot",
        ['∞'] = @"\infty", ['∂'] = @"\partial", ['∇'] = @"\nabla", ['∈'] = @"\in", ['∉'] = @"\notin", ['⊂'] = @"\subset",
        ['⊆'] = @"\subseteq", ['∪'] = @"\cup", ['∩'] = @"\cap", ['∀'] = @"\forall", ['∃'] = @"\exists", ['¬'] = @"\neg",
        ['→'] = @"\rightarrow", ['←'] = @"\leftarrow", ['⇒'] = @"\Rightarrow", ['⇔'] = @"\Leftrightarrow", ['↔'] = @"\leftrightarrow",
        ['…'] = @"\ldots", ['⋯'] = @"\cdots", ['∘'] = @"\circ", ['′'] = "'", ['−'] = "-", ['ℏ'] = @"\hbar", ['ℓ'] = @"\ell",
    }.ToFrozenDictionary();

    private static readonly FrozenSet<string> Functions = new[]
    {
        "sin", "cos", "tan", "cot", "sec", "csc", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "coth",
        "log", "ln", "lg", "exp", "lim", "max", "min", "sup", "inf", "det", "arg", "deg", "dim", "gcd", "Pr",
    }.ToFrozenSet();

    /// <summary>Escapes LaTeX's reserved characters and replaces symbols with commands, such as α with <c>\alpha</c>.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var character in text)
        {
            if (Commands.TryGetValue(character, out var command))
            {
                // The trailing space ends the command name, so "αx" does not become the unknown command \alphax.
                builder.Append(command).Append(' ');
            }
            else if (character is '{' or '}' or '%' or '#' or '&' or '$')
            {
                builder.Append('\\').Append(character);
            }
            else
            {
                builder.Append(character);
            }
        }

        return builder.ToString();
    }

    /// <summary>Returns <c>\sin</c> for <c>sin</c> and the other standard function names; other text as it is.</summary>
    public static string FunctionName(string name)
    {
        var trimmed = name.Trim();
        return Functions.Contains(trimmed) ? "\\" + trimmed : trimmed;
    }

    /// <summary>Returns the command of an n-ary operator. OMML's default, when no character is given, is the integral.</summary>
    public static string NaryOperator(string? character) => character switch
    {
        null or "" or "∫" => @"\int",
        "∑" => @"\sum",
        "∏" => @"\prod",
        "∐" => @"\coprod",
        "∬" => @"\iint",
        "∭" => @"\iiint",
        "∮" => @"\oint",
        "∯" => @"\oiint",
        "∰" => @"\oiiint",
        "⋃" => @"\bigcup",
        "⋂" => @"\bigcap",
        "⋁" => @"\bigvee",
        "⋀" => @"\bigwedge",
        _ => Escape(character),
    };

    /// <summary>Returns the accent command for an OMML accent character. OMML's default is the circumflex.</summary>
    public static string Accent(string? character) => character switch
    {
        "\u0303" or "~" => @"\tilde",
        "\u0304" or "\u00AF" => @"\bar",
        "\u20D7" or "\u2192" => @"\vec",
        "\u0307" or "\u02D9" => @"\dot",
        "\u0308" or "\u00A8" => @"\ddot",
        "\u030C" => @"\check",
        _ => @"\hat",
    };

    /// <summary>Returns a delimiter for <c>\left</c> or <c>\right</c>; an empty character means no visible delimiter.</summary>
    public static string Delimiter(string character) => character switch
    {
        "" => ".",
        "{" => @"\{",
        "}" => @"\}",
        "〈" or "⟨" => @"\langle",
        "〉" or "⟩" => @"\rangle",
        "‖" => @"\|",
        "⌈" => @"\lceil",
        "⌉" => @"\rceil",
        "⌊" => @"\lfloor",
        "⌋" => @"\rfloor",
        _ => character,
    };

    /// <summary>Collapses runs of spaces and trims the result.</summary>
    public static string Tidy(string latex) => RepeatedSpaces().Replace(latex, " ").Trim();

    [GeneratedRegex(" {2,}")]
    private static partial Regex RepeatedSpaces();
}
