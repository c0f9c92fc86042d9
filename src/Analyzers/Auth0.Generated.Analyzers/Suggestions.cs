namespace Auth0.Generated.Analyzers
{
    /// <summary>Did-you-mean: the nearest candidate by edit distance (optimal string alignment, so a swap costs 1).</summary>
    internal static class Suggestions
    {
        /// <summary>
        /// The candidate nearest to <paramref name="value"/>, or null when none is within
        /// <c>max(2, value.Length / 3)</c> edits. Ties go to the ordinally smallest candidate, so the answer is stable.
        /// </summary>
        public static string? Nearest(string value, IEnumerable<string> candidates)
        {
            var limit = Math.Max(2, value.Length / 3);
            string? best = null;
            var bestDistance = int.MaxValue;
            foreach (var candidate in candidates)
            {
                if (Math.Abs(candidate.Length - value.Length) > limit)
                {
                    continue;
                }

                var distance = Distance(value, candidate);
                if (distance <= limit
                    && (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(candidate, best) < 0)))
                {
                    best = candidate;
                    bestDistance = distance;
                }
            }

            return best;
        }

        /// <summary>Optimal string alignment distance (insertions, deletions, substitutions, adjacent transpositions).</summary>
        public static int Distance(string a, string b)
        {
            var d = new int[a.Length + 1, b.Length + 1];
            for (var i = 0; i <= a.Length; i++)
            {
                d[i, 0] = i;
            }

            for (var j = 0; j <= b.Length; j++)
            {
                d[0, j] = j;
            }

            for (var i = 1; i <= a.Length; i++)
            {
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    var best = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                    if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    {
                        best = Math.Min(best, d[i - 2, j - 2] + 1);
                    }

                    d[i, j] = best;
                }
            }

            return d[a.Length, b.Length];
        }
    }
}
