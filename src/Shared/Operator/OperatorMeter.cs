namespace Tollgate.Shared.Operator;

/// <summary>The name of the meter every operator instrument (work queues, reconciles) is created on.</summary>
public static class OperatorMeter
{
    public const string Name = "Tollgate.Operator";
}
