using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Tests.Crds.Kinds;

[Description("The color of a gadget.")]
[JsonConverter(typeof(JsonStringEnumConverter<GadgetColor>))]
public enum GadgetColor
{
    Red,
    Green,
    [JsonStringEnumMemberName("dark-blue")]
    DarkBlue,
}
