using Marsad.Model;

namespace Marsad.Entities.Ner;

/// <summary>
/// The tagger's label set: IOB2 over <see cref="EntityType"/>. Label 0 is <c>O</c>;
/// <c>B-X</c> is <c>1 + 2·X</c> and <c>I-X</c> is <c>2 + 2·X</c>, X in enum order (PER, ORG, LOC, MISC).
/// </summary>
public static class NerLabels
{
    /// <summary>Number of labels (O plus B/I for four types).</summary>
    public const int Count = 9;

    /// <summary>The outside label.</summary>
    public const byte Outside = 0;

    public static byte Begin(EntityType type) => (byte)(1 + (2 * (int)type));

    public static byte Inside(EntityType type) => (byte)(2 + (2 * (int)type));

    public static bool IsBegin(byte label) => label != 0 && (label & 1) == 1;

    public static bool IsInside(byte label) => label != 0 && (label & 1) == 0;

    /// <summary>The entity type of a B/I label (undefined for O).</summary>
    public static EntityType TypeOf(byte label) => (EntityType)((label - 1) / 2);

    /// <summary>True when IOB2 allows <paramref name="next"/> right after <paramref name="previous"/>
    /// (<c>I-X</c> only after <c>B-X</c> or <c>I-X</c>). Use <see cref="Outside"/> for the sentence start.</summary>
    public static bool IsValidTransition(byte previous, byte next) =>
        !IsInside(next) || (previous != Outside && TypeOf(previous) == TypeOf(next));

    /// <summary>The type name as ANERcorp spells it: PERS, ORG, LOC, MISC (<paramref name="perAsPers"/>), or PER.</summary>
    public static string TypeName(EntityType type, bool perAsPers = true) => type switch
    {
        EntityType.PER => perAsPers ? "PERS" : "PER",
        EntityType.ORG => "ORG",
        EntityType.LOC => "LOC",
        _ => "MISC",
    };

    /// <summary>The label as text (<c>O</c>, <c>B-PERS</c>, <c>I-LOC</c> …).</summary>
    public static string Name(byte label, bool perAsPers = true) =>
        label == Outside ? "O" : (IsBegin(label) ? "B-" : "I-") + TypeName(TypeOf(label), perAsPers);
}
