using System.Diagnostics.Metrics;
using System.Text;

namespace Tollgate.Shared.Metrics;

/// <summary>Prometheus naming: a tollgate_ prefix, snake_case, base units as suffixes, _total on counters.</summary>
internal static class PrometheusNames
{
    public static string For(Instrument instrument, MetricKind kind)
    {
        var name = Sanitize(instrument.Name);
        if (!name.StartsWith("tollgate_", StringComparison.Ordinal))
        {
            name = "tollgate_" + name;
        }

        var unitSuffix = instrument.Unit switch
        {
            "s" => "_seconds",
            "By" => "_bytes",
            _ => null,
        };
        if (unitSuffix is not null && !name.EndsWith(unitSuffix, StringComparison.Ordinal))
        {
            name += unitSuffix;
        }

        if (kind == MetricKind.Counter && !name.EndsWith("_total", StringComparison.Ordinal))
        {
            name += "_total";
        }

        return name;
    }

    public static string Sanitize(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsAsciiLetterUpper(c))
            {
                if (i > 0 && builder.Length > 0 && builder[^1] != '_')
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else if (char.IsAsciiLetterOrDigit(c) || c == '_')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('_');
            }
        }

        return builder.ToString();
    }
}
