using System.Globalization;
using Tollgate.Bench.Rollouts;

// bench/rollouts/run.sh [ROLLOUTS=1000] [CHANGES=100] [BURST=1000] | api
if (args is ["api"])
{
    return await ApiEconomyRun.RunAsync();
}

var rollouts = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
var changes = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
var burst = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1000;
return await ScaleRun.RunAsync(rollouts, changes, burst);
