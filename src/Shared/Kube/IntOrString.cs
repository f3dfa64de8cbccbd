using System.Globalization;
using System.Text.Json.Serialization;
using Tollgate.Shared.Kube.Serialization;

namespace Tollgate.Shared.Kube;

/// <summary>intstr.IntOrString: either a whole number or a string such as "25%".</summary>
[JsonConverter(typeof(IntOrStringConverter))]
public readonly record struct IntOrString
{
    public IntOrString(int value) => (IntValue, StringValue) = (value, null);

    public IntOrString(string value) => (IntValue, StringValue) = (0, value ?? throw new ArgumentNullException(nameof(value)));

    public int IntValue { get; }

    public string? StringValue { get; }

    public bool IsString => StringValue is not null;

    public static implicit operator IntOrString(int value) => new(value);

    public static implicit operator IntOrString(string value) => new(value);

    public static IntOrString FromInt32(int value) => new(value);

    public static IntOrString FromString(string value) => new(value);

    public override string ToString() => StringValue ?? IntValue.ToString(CultureInfo.InvariantCulture);
}
