using Tollgate.Shared.Expressions;

namespace Tollgate.Shared.Tests.Expressions;

public sealed class ConditionExpressionTests
{
    public static TheoryData<string, object?, bool> Conditions => new()
    {
        // Typical Argo conditions
        { "result < 0.05", 0.01, true },
        { "result[0] < 0.05", new[] { 0.01 }, true },
        { "result[0] < 0.05", new[] { 0.5 }, false },
        { "len(result) == 0", Array.Empty<double>(), true },
        { "len(result) == 0", new[] { 1.0 }, false },
        { "isNaN(result)", double.NaN, true },
        { "isNaN(result)", 1.0, false },
        { "isInf(result)", double.PositiveInfinity, true },
        { "isInf(result)", 1.0, false },
        { "default(result, 0) > 1", null, false },
        { "default(result, 0) > 1", 5.0, true },
        { "default(result, 2) > 1", null, true },
        { "result[0] >= 0.95 and result[0] < 2", new[] { 0.97 }, true },
        { "result[0] >= 0.95 and result[0] < 2", new[] { 2.0 }, false },
        { "result[0] >= 0.95 and result[0] < 2", new[] { 0.5 }, false },
        { "result[0] >= 0.95 && result[0] < 2", new[] { 1.0 }, true },
        { "isNil(result)", null, true },
        { "isNil(result)", 0.0, false },
        { "result == nil", null, true },
        { "result != nil", 1.0, true },
        { "result > 1", 5, true }, // integer results compare with float literals
        { "result[-1] == 3", new[] { 1.0, 2.0, 3.0 }, true },
        { "result == 1", 1.0, true },
        // Strings
        { "result == 'ok'", "ok", true },
        { "result == \"ok\"", "OK", false },
        { "result != 'ok'", "ko", true },
        { "result < 'b'", "a", true },
        { "'abc' + 'def' == 'abcdef'", null, true },
        { "len(result) == 3", "xyz", true },
        { "'it\\'s' == \"it's\"", null, true },
        // Conversions
        { "asInt(result) == 1", "1", true },
        { "asInt(result) == 1", 1.9, true },
        { "asInt(result) == -2", -2.5, true },
        { "asInt(result) < -9e18", double.NaN, true }, // Go's int64(NaN) is the minimum int on amd64
        { "asFloat(result) == 1.1", "1.1", true },
        { "asFloat(result) >= 1", 1, true },
        // Arithmetic and precedence
        { "1 + 2 * 3 == 7", null, true },
        { "(1 + 2) * 3 == 9", null, true },
        { "10 - 4 - 3 == 3", null, true },
        { "7 / 2 == 3.5", null, true },
        { "7 % 3 == 1", null, true },
        { "2 ** 3 ** 2 == 512", null, true },
        { "2 ^ 10 == 1024", null, true },
        { "-2 ** 2 == -4", null, true },
        { "-result == -3", 3.0, true },
        { "+result == 3", 3.0, true },
        { "1e3 == 1000", null, true },
        { "2.5e-1 == 0.25", null, true },
        { ".5 == 0.5", null, true },
        { "1_000 == 1000", null, true },
        { "result / 0 > 1e308", 1.0, true },
        // Logic
        { "not false and false", null, false },
        { "not (false and false)", null, true },
        { "!true == false", null, true },
        { "true or false and false", null, true },
        { "false and true or true", null, true },
        { "false || true && false", null, false },
        { "false and result[0] > 1", Array.Empty<double>(), false }, // short-circuit skips the bad index
        { "true or result[0] > 1", Array.Empty<double>(), true },
        { "1 < 2 < 3", null, true },
        { "3 > 2 > 2", null, false },
        { "0.9 <= result <= 1", 0.95, true },
        // NaN is unordered
        { "result < 1", double.NaN, false },
        { "result >= 1", double.NaN, false },
        { "result != result", double.NaN, true },
        // Quantifiers
        { "all(result, {# < 0.5})", new[] { 0.1, 0.2 }, true },
        { "all(result, {# < 0.5})", new[] { 0.1, 0.7 }, false },
        { "all(result, {# < 0.5})", Array.Empty<double>(), true },
        { "any(result, # > 0.5)", new[] { 0.1, 0.7 }, true },
        { "any(result, # > 0.5)", Array.Empty<double>(), false },
        { "result > 1 ? true : false", 2.0, true },
    };

    [Theory]
    [MemberData(nameof(Conditions))]
    public void IsSatisfiedBy_Condition_EvaluatesLikeExprLang(string expression, object? result, bool expected)
    {
        Assert.Equal(expected, ConditionExpression.Compile(expression).IsSatisfiedBy(result));
    }

    public static TheoryData<string, object?, string, int?> Failures => new()
    {
        // Run-time errors
        { "result[0] < 0.05", Array.Empty<double>(), "index out of range: 0 (array length is 0)", 7 },
        { "result[3] < 0.05", new[] { 1.0 }, "index out of range: 3 (array length is 1)", 7 },
        { "1 % 0 == 0", null, "runtime error: integer divide by zero", 3 },
        { "asInt(result) == 1", "1.1", "strconv.ParseInt: parsing \"1.1\": invalid syntax", 1 },
        { "asFloat(result) == 1", "NotANum", "strconv.ParseFloat: parsing \"NotANum\": invalid syntax", 1 },
        { "1", null, "expected bool, but got int", null },
        { "result", 0.5, "expected bool, but got float64", null },
        // Compile errors: expr's checker knows result's type, as in Argo (expr.Env with the measured value)
        { "result[0] < 0.05", null, "type <nil>[int] is undefined", 7 },
        { "result[0.5] > 1", new[] { 1.0 }, "array elements can only be selected using an integer (got float64)", 8 },
        { "result[1.0] == 2", new[] { 1.0, 2.0, 3.0 }, "array elements can only be selected using an integer (got float64)", 8 },
        { "result[0] == 'x'", "xyz", "invalid operation: == (mismatched types int and string)", 11 },
        { "result > 'a'", 1.0, "invalid operation: > (mismatched types float64 and string)", 8 },
        { "result == 'a'", 1.0, "invalid operation: == (mismatched types float64 and string)", 8 },
        { "result > 1", null, "invalid operation: > (mismatched types <nil> and int)", 8 },
        { "result > 1 and 2", 5.0, "invalid operation: and (mismatched types bool and int)", 12 },
        { "not result", 1.0, "invalid operation: not (mismatched type float64)", 1 },
        { "-result > 1", "x", "invalid operation: - (mismatched type string)", 1 },
        { "result + 1 > 1", "x", "invalid operation: + (mismatched types string and int)", 8 },
        { "result % 2 == 0", 3.0, "invalid operation: % (mismatched types float64 and int)", 8 },
        { "isNaN(result)", new[] { 1.0 }, "cannot use []float64 as argument (type float64) to call isNaN", 7 },
        { "isInf(result)", null, "cannot use <nil> as argument (type float64) to call isInf", 7 },
        { "len(result) == 0", null, "invalid argument for len (type <nil>)", 1 },
        { "all(result, # > 1)", null, "builtin all takes only array (got <nil>)", 5 },
        { "any(result, # + 1)", new[] { 1.0 }, "predicate should return boolean (got float64)", 13 },
        { "result.value > 1", 1.0, "type float64 has no field value", 8 },
        // Syntax errors
        { "", null, "unexpected token EOF", 1 },
        { "result <", 1.0, "unexpected token EOF", 9 },
        { "result < 1)", 1.0, "unexpected token Bracket(\")\")", 11 },
        { "foo > 1", null, "unknown name foo", 1 },
        { "bar(result)", null, "unknown name bar", 1 },
        { "len(result, 1) == 0", null, "invalid number of arguments (expected 1, got 2)", 1 },
        { "default(result) > 1", null, "not enough arguments to call default", 1 },
        { "result = 1", 1.0, "unexpected token Operator(\"=\")", 8 },
        { "(result > 1", 1.0, "unexpected token EOF", 12 },
        { "result[0 > 1", 1.0, "unexpected token EOF", 13 },
        { "'abc", null, "literal not terminated", 4 },
        { "'a\\qb' == 'a'", null, "invalid char escape", 4 },
        { "1.2.3 > 0", null, "unexpected token Number(\".3\")", 4 },
        { "1e > 0", null, "invalid float literal: strconv.ParseFloat: parsing \"1e\": invalid syntax", 1 },
        { "12abc > 0", null, "bad number syntax: \"12a\"", 3 },
        { "99999999999999999999 > 0", null, "invalid integer literal: strconv.ParseInt: parsing \"99999999999999999999\": value out of range", 1 },
        { "# > 1", null, "cannot use pointer accessor outside predicate", 1 },
        { "all(result {# > 1})", null, "unexpected token Bracket(\"{\")", 12 },
        { "all(result, {# > 1)", null, "unexpected token Bracket(\")\")", 19 },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void IsSatisfiedBy_InvalidOrFailingCondition_ThrowsWithProblemAndPosition(string expression, object? result, string expectedProblem, int? expectedColumn)
    {
        var exception = Assert.Throws<ExpressionException>(() => ConditionExpression.Compile(expression).IsSatisfiedBy(result));

        Assert.Equal(expectedProblem, exception.Problem);
        Assert.Equal(expectedColumn, exception.Column);
        Assert.Equal(expectedColumn is null ? expectedProblem : $"{expectedProblem} (1:{expectedColumn})", exception.Message);
    }

    [Theory]
    [InlineData("result[0] < 0.05", new[] { 0.01, 0.04, 0.2, 0.049 }, new[] { true, true, false, true })]
    [InlineData("len(result) > 1", new[] { 1.0, 2.0, 3.0, 4.0 }, new[] { false, false, false, false })]
    public void IsSatisfiedBy_CompiledOnce_EvaluatesManyResults(string expression, double[] firstValues, bool[] expected)
    {
        var condition = ConditionExpression.Compile(expression);

        var verdicts = firstValues.Select(value => condition.IsSatisfiedBy(new[] { value })).ToArray();

        Assert.Equal(expected, verdicts);
        Assert.Equal(expression, condition.Source);
    }

    public static TheoryData<string, object?, object?> Values => new()
    {
        { "result", 2.5, 2.5 },
        { "result", 3, 3L },
        { "result", 1.5f, 1.5 },
        { "7 / 2", null, 3.5 },
        { "7 % 2", null, 1L },
        { "2 + 3", null, 5L },
        { "2 + 0.5", null, 2.5 },
        { "len(result)", new List<double> { 1, 2 }, 2L },
        { "result[0]", new List<double> { 4, 5 }, 4.0 },
        { "default(result, 'none')", null, "none" },
        { "nil", 1.0, null },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Evaluate_Expression_ReturnsExprTypedValue(string expression, object? result, object? expected)
    {
        Assert.Equal(expected, ConditionExpression.Compile(expression).Evaluate(result));
    }

    [Theory]
    [InlineData("result > 1")]
    public void Evaluate_UnsupportedResultType_ThrowsArgumentException(string expression)
    {
        var exception = Assert.Throws<ArgumentException>(() => ConditionExpression.Compile(expression).Evaluate(new Uri("http://x")));

        Assert.Contains("unsupported metric result type Uri", exception.Message, StringComparison.Ordinal);
    }
}
