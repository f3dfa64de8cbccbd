namespace Tollgate.Shared.Expressions.Syntax;

/// <summary>A node of the syntax tree; <see cref="Position"/> is where errors about it point (0-based offset).</summary>
internal abstract record Node(int Position)
{
    /// <summary>Height of the subtree; bounded by the parser so evaluation never recurses too deep.</summary>
    public int Height { get; init; } = 1;
}
