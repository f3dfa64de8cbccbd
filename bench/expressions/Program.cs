using BenchmarkDotNet.Running;
using Tollgate.Bench.Expressions;

BenchmarkRunner.Run<ConditionBenchmarks>(args: args);
