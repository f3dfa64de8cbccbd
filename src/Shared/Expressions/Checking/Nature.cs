using Tollgate.Shared.Expressions.Runtime;

namespace Tollgate.Shared.Expressions.Checking;

/// <summary>What the checker knows statically about a value's type (expr's "nature"); Unknown is Go's interface{}.</summary>
internal sealed record Nature(NatureKind Kind, Nature? Element = null)
{
    public static readonly Nature Unknown = new(NatureKind.Unknown);
    public static readonly Nature Nil = new(NatureKind.Nil);
    public static readonly Nature Bool = new(NatureKind.Bool);
    public static readonly Nature Int = new(NatureKind.Int);
    public static readonly Nature Float = new(NatureKind.Float);
    public static readonly Nature String = new(NatureKind.String);
    public static readonly Nature Map = new(NatureKind.Map, Unknown);
    public static readonly Nature Time = new(NatureKind.Time);
    public static readonly Nature Duration = new(NatureKind.Duration);
    public static readonly Nature AnyArray = new(NatureKind.Array, Unknown);

    public bool IsUnknown => Kind == NatureKind.Unknown;

    public bool IsNumber => Kind is NatureKind.Int or NatureKind.Float;

    public static Nature ArrayOf(Nature element) => new(NatureKind.Array, element);

    /// <summary>The static type Argo's expr.Env(env) gives <c>result</c>: the Go type of the value itself.</summary>
    public static Nature Of(object? value) => value switch
    {
        null => Nil,
        bool => Bool,
        long => Int,
        double => Float,
        string => String,
        byte[] => new Nature(NatureKind.Bytes),
        DoubleList => ArrayOf(Float),
        IReadOnlyList<object?> => AnyArray,
        ExprMap => Map,
        DateTimeOffset => Time,
        TimeSpan => Duration,
        TimeZoneInfo => new Nature(NatureKind.Location),
        _ => Unknown,
    };

    /// <summary>Go's name for the type, as expr's checker prints it.</summary>
    public override string ToString() => Kind switch
    {
        NatureKind.Unknown => "interface {}",
        NatureKind.Nil => "<nil>",
        NatureKind.Bool => "bool",
        NatureKind.Int => "int",
        NatureKind.Float => "float64",
        NatureKind.String => "string",
        NatureKind.Bytes => "[]uint8",
        NatureKind.Array => Element is { IsUnknown: false } element ? $"[]{element}" : "[]interface {}",
        NatureKind.Map => "map[string]interface {}",
        NatureKind.Time => "time.Time",
        NatureKind.Duration => "time.Duration",
        NatureKind.Location => "*time.Location",
        _ => "func",
    };
}
