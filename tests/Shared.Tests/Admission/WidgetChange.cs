using Tollgate.Shared.Admission;
using Tollgate.Shared.Tests.Support;

namespace Tollgate.Shared.Tests.Admission;

/// <summary>The Widgets of a request: the stored one (UPDATE, DELETE), the incoming one (CREATE, UPDATE), or why neither could be read.</summary>
internal sealed record WidgetChange(Widget? Old, Widget? New, ValidationResult? Refusal);
