using Timpora.Screening.Indexing;
using Timpora.Screening.Normalisation;

namespace Timpora.Screening.Matching;

/// <summary>The query's name parts with everything the comparison needs computed once per query.</summary>
internal sealed class PreparedQuery
{
    public PreparedQuery(NormalisedName name, TokenVocabulary vocabulary)
    {
        Parts = [.. name.Parts];
        MayBeTruncated = name.MayBeTruncated;
        Skeletons = new string[Parts.Length];
        Traits = new PartTraits[Parts.Length];
        Weights = new double[Parts.Length];
        UnmatchedWeights = new double[Parts.Length];
        NamesHolding = new int[Parts.Length];
        Joins = new string[Math.Max(0, Parts.Length - 1)];
        JoinSkeletons = new string[Joins.Length];
        for (var i = 0; i < Parts.Length; i++)
        {
            Skeletons[i] = NameKeys.Skeleton(Parts[i]);
            Traits[i] = PartTraits.Of(Parts[i], Skeletons[i]);
            Weights[i] = Parts[i].Length == 1 ? 0.5 : 1.0;
            StrongCount += Parts[i].Length == 1 ? 0 : 1;
            TotalWeight += Weights[i];
            var known = Parts[i].Length == 1 ? -1 : vocabulary.Find(Parts[i]);
            UnmatchedWeights[i] = known >= 0 ? vocabulary.Weights[known] : Weights[i];
            NamesHolding[i] = known >= 0 ? vocabulary.NamesHolding[known] : 0;
        }

        for (var i = 0; i < Joins.Length; i++)
        {
            Joins[i] = Parts[i] + Parts[i + 1];
            JoinSkeletons[i] = NameKeys.Skeleton(Joins[i]);
        }
    }

    public string[] Parts { get; }

    public string[] Skeletons { get; }

    public PartTraits[] Traits { get; }

    public double[] Weights { get; }

    public double TotalWeight { get; }

    /// <summary>What a part costs when it finds no partner: a common part (VAN, THI) little, an unknown one fully.</summary>
    public double[] UnmatchedWeights { get; }

    /// <summary>How many list names hold each part as written: 0 for a part no list name has (a typo, most often).</summary>
    public int[] NamesHolding { get; }

    /// <summary>Parts longer than an initial.</summary>
    public int StrongCount { get; }

    /// <summary>Adjacent parts written together (ABDUL RAHMAN as ABDULRAHMAN).</summary>
    public string[] Joins { get; }

    public string[] JoinSkeletons { get; }

    public bool MayBeTruncated { get; }
}
