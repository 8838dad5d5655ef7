using System.Collections.Frozen;

namespace Marsad.Text;

/// <summary>One proclitic found inside a word: offsets relative to the word, and its canonical form.</summary>
public readonly record struct CliticSpan(int Start, int End, string Form);

/// <summary>The proclitics of a word (outermost first) and where its stem begins.</summary>
public readonly struct Segmentation
{
    private readonly CliticSpan _a, _b, _c;

    internal Segmentation(int count, int stemStart, CliticSpan a = default, CliticSpan b = default, CliticSpan c = default)
    {
        Count = count;
        StemStart = stemStart;
        _a = a;
        _b = b;
        _c = c;
    }

    /// <summary>Number of proclitics (0–3).</summary>
    public int Count { get; }

    /// <summary>Offset in the word where the stem starts (0 when there are no proclitics).</summary>
    public int StemStart { get; }

    public CliticSpan this[int index] => index switch
    {
        0 when Count > 0 => _a,
        1 when Count > 1 => _b,
        2 when Count > 2 => _c,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };
}

/// <summary>
/// Splits the proclitics off an Arabic word: the conjunctions و ف, the prepositions ب ك ل, the article ال,
/// the fused لل (ل + ال) and a tatweel-marked clitic such as «لـ» or «بـ» written before a quote.
/// A word has at most (و|ف)? (ب|ك|ل)? (ال)?; which of these letters are clitics is decided by
/// the rules below, in order (the README of this folder gives the reasons and the figures):
/// <list type="number">
/// <item>A word that ends in tatweel and whose letters are exactly a clitic chain («لـ», «ولـ», «بالـ», «الـ»)
/// is all clitics.</item>
/// <item>Closed-class words that begin like a clitic stay whole (كما، لكن، لقد، بين، بعد، فقط، لدى …).</item>
/// <item>A preposition before a pronoun suffix is split (به، لها، لهم …); after a clitic, a two-letter
/// remainder is split only when it is a function word (وهو، وقد، فإن، بأن، لكل; hamza matters: بأن is
/// ب + أن, بان is a word).</item>
/// <item>A clitic before the article is split when the article form is attested (بالنسبة، والتي → و + التي).</item>
/// <item>Otherwise the remainder must be attested in the <see cref="WordLexicon"/>; for و ف it must be at least
/// 1% as frequent as the whole word, for ب ك ل 10% (counting its article form too), and ب ك need a noun-like
/// remainder (seen with the article or another preposition); and the whole word must not itself take
/// the article or a preposition in 5% of its uses or more (الوزير، بلبنان show وزير and لبنان are stems).</item>
/// <item>A word the lexicon does not know (seen fewer than 3 times) is split when the remainder is
/// attested, and after و when the remainder has three letters or more.</item>
/// <item>With no clitic chain, a word starting with bare «ال» (not أل إل) has the article when the stem
/// has two letters or more and it is not a relative pronoun or «الله».</item>
/// </list>
/// </summary>
public static class CliticSegmenter
{
    /// <summary>A form seen fewer times than this is treated as unattested.</summary>
    public const int MinAttested = 3;

    /// <summary>After و ف, the remainder must be at least this fraction as frequent as the whole word.</summary>
    public const double ConjunctionRatio = 0.01;

    /// <summary>After ب ك ل, the remainder (with its article form) must be at least this fraction as frequent as the whole word.</summary>
    public const double PrepositionRatio = 0.1;

    /// <summary>A word that takes the article or a preposition this often (relative to its own frequency) is a stem.</summary>
    public const double ParadigmRatio = 0.05;

    private const int MaxLetters = 32;

    private const string Waw = "و";
    private const string Fa = "ف";
    private const string Ba = "ب";
    private const string Kaf = "ك";
    private const string Lam = "ل";
    private const string Article = "ال";

    /// <summary>Function words that begin like a clitic but are whole (normalised).</summary>
    private static readonly FrozenSet<string> WholeWords = Normalized(
        "كما", "لكن", "لكنه", "لكنها", "لكي", "لقد", "كذلك", "لدى", "لدي", "لديه", "لديها", "لديهم", "لدينا", "لديك", "لديكم",
        "بل", "بين", "بينما", "بعد", "بعدما", "كل", "لم", "لن", "لا", "ليس", "ليست", "كي", "كيف", "فقط", "فحسب", "فيما",
        "لما", "لو", "لولا", "لذا", "لعل", "فورا");

    /// <summary>Words that begin with «ال» but are not article + stem (normalised).</summary>
    private static readonly FrozenSet<string> ArticleLike = Normalized(
        "الذي", "التي", "الذين", "اللذان", "اللتان", "اللذين", "اللتين", "اللاتي", "اللائي", "اللواتي", "الا", "الى", "الله", "اللهم");

    /// <summary>Two-letter function words a conjunction attaches to (hamza kept: وأن, not وان).</summary>
    private static readonly FrozenSet<string> ShortAfterConjunction = Normalized(
        "هو", "هي", "هم", "هن", "قد", "لا", "لم", "لن", "ما", "من", "في", "أن", "إن", "مع", "أو", "كل", "بل", "هل", "لو", "إذ",
        "كي", "عن", "لي", "له", "لك");

    /// <summary>Two-letter words a preposition attaches to (بأن، بما، لكل).</summary>
    private static readonly FrozenSet<string> ShortAfterPreposition = Normalized("أن", "إن", "ما", "من", "كل");

    /// <summary>Pronoun suffixes a preposition attaches to (به، بها، لهم); ل also takes ي (لي).</summary>
    private static readonly FrozenSet<string> Pronouns = Normalized("ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "كن", "نا");

    private static readonly FrozenSet<string> PronounsAfterLam = Normalized("ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "كن", "نا", "ي");

    /// <summary>A preposition + pronoun cannot follow another preposition (كلها is not ك + لها).</summary>
    private static readonly FrozenSet<string> PrepositionPronouns = Normalized(
        "به", "بها", "بهم", "بهما", "بهن", "بك", "بكم", "بنا", "له", "لها", "لهم", "لهما", "لهن", "لك", "لكم", "لنا",
        "كه", "كها", "كهم");

    /// <summary>Demonstratives take ك ب without the article (كهذه، بذلك).</summary>
    private static readonly FrozenSet<string> Demonstratives = Normalized("هذا", "هذه", "هؤلاء", "ذلك", "تلك");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> WholeWordsLookup = WholeWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ArticleLikeLookup = ArticleLike.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ShortAfterConjunctionLookup = ShortAfterConjunction.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ShortAfterPrepositionLookup = ShortAfterPreposition.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PronounsLookup = Pronouns.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PronounsAfterLamLookup = PronounsAfterLam.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PrepositionPronounsLookup = PrepositionPronouns.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DemonstrativesLookup = Demonstratives.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly int WholeWordsMaxLength = WholeWords.Max(w => w.Length);
    private static readonly int ArticleLikeMaxLength = ArticleLike.Max(w => w.Length);

    /// <summary>
    /// The chain chosen for every lexicon form that starts with و ف ب ك ل, computed once from the shipped
    /// lexicon: a segmentation is then one probe of a compact table. Valid for words whose first four
    /// letters carry no hamza on an alef (the only way the written form changes the decision).
    /// </summary>
    private static readonly Lazy<ChoiceTable> ShippedChoices = new(() => BuildChoices(WordLexicon.Default), LazyThreadSafetyMode.ExecutionAndPublication);

    // The clitic chains tried, shortest first; a longer chain that passes replaces a shorter one.
    private static readonly string[] Chains = ["و", "ف", "ب", "ك", "ل", "وب", "وك", "ول", "فب", "فك", "فل"];

    /// <summary>Segments <paramref name="word"/> (one Arabic token, diacritics allowed) with the shipped lexicon.</summary>
    public static Segmentation Segment(ReadOnlySpan<char> word) => Segment(word, null);

    /// <summary>Segments <paramref name="word"/> with <paramref name="lexicon"/> (the shipped one when null).</summary>
    public static Segmentation Segment(ReadOnlySpan<char> word, WordLexicon? lexicon)
    {
        if (word.IsEmpty || word.Length > 8 * MaxLetters || !StartsLikeClitic(word))
            return default;
        // Letters only (diacritics and tatweel skipped), as written (raw, hamza kept) and normalised.
        Span<int> pos = stackalloc int[MaxLetters];
        Span<char> raw = stackalloc char[MaxLetters];
        Span<char> norm = stackalloc char[MaxLetters];
        var n = 0;
        var endsInTatweel = false;
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (c == ArabicChars.Tatweel)
            {
                endsInTatweel = n > 0;
                continue;
            }
            if (ArabicChars.IsDiacritic(c) || ArabicChars.IsQuranicMark(c) || ArabicChars.IsFormatControl(c))
                continue;
            var m = ArabicNormalizer.Map(c);
            if (!ArabicChars.IsArabicLetter(c) || m == '\0' || n == MaxLetters)
                return default; // not a plain Arabic word (presentation forms, digits, over-long runs)
            endsInTatweel = false;
            pos[n] = i;
            raw[n] = c == ArabicChars.AlefWasla ? ArabicChars.Alef : c;
            norm[n] = m;
            n++;
        }
        if (n == 0)
            return default;
        var letters = new Letters(word.Length, pos[..n], raw[..n], norm[..n]);

        if (endsInTatweel && TatweelChain(letters) is { } marked)
            return marked;

        var first = norm[0];
        if (first is not ('و' or 'ف' or 'ب' or 'ك' or 'ل' or 'ا'))
            return default;
        var w = letters.Norm;
        if (first != 'ا')
        {
            if (w.Length <= WholeWordsMaxLength && WholeWordsLookup.Contains(w))
                return default;
            Choice chosen;
            // Two-letter words (في، لا، لم، به، لك) need no lexicon: only a preposition + pronoun splits.
            if (n <= 2 || lexicon is not null || !PlainAlefs(letters))
                chosen = ChooseChain(letters, lexicon ?? WordLexicon.Default, wholeAbsent: false);
            else if (!ShippedChoices.Value.TryGetValue(w, out chosen))
                chosen = ChooseChain(letters, WordLexicon.Default, wholeAbsent: true); // not in the lexicon at all
            if (chosen.Length > 0)
                return Build(letters, chosen.Length, chosen.Fused, chosen.Article);
        }
        if (StartsWithArticle(letters.Raw) && n >= 4 && !IsArticleLike(w))
            return Build(letters, 0, false, true);
        return default;
    }

    private readonly ref struct Letters(int wordLength, ReadOnlySpan<int> pos, ReadOnlySpan<char> raw, ReadOnlySpan<char> norm)
    {
        public int WordLength { get; } = wordLength;
        public ReadOnlySpan<int> Pos { get; } = pos;
        public ReadOnlySpan<char> Raw { get; } = raw;
        public ReadOnlySpan<char> Norm { get; } = norm;
        public int Count => Pos.Length;

        /// <summary>End offset of the span of letters [from, to): up to the next letter, or the word end.</summary>
        public int End(int to) => to < Pos.Length ? Pos[to] : WordLength;
    }

    private readonly record struct Choice(int Length, bool Fused, bool Article);

    // Most words cannot carry a proclitic: their first letter is none of و ف ب ك ل ا (or أ إ آ ٱ, which normalise to ا).
    private static bool StartsLikeClitic(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (c == ArabicChars.Tatweel || ArabicChars.IsDiacritic(c) || ArabicChars.IsQuranicMark(c) || ArabicChars.IsFormatControl(c))
                continue;
            return c is 'و' or 'ف' or 'ب' or 'ك' or 'ل' or ArabicChars.Alef or ArabicChars.AlefWasla;
        }
        return false;
    }

    private static ChoiceTable BuildChoices(WordLexicon lexicon)
    {
        var choices = new Dictionary<string, Choice>(StringComparer.Ordinal);
        Span<int> pos = stackalloc int[MaxLetters];
        for (var i = 0; i < pos.Length; i++)
            pos[i] = i;
        foreach (var form in lexicon.Forms)
        {
            if (form.Length > MaxLetters || form[0] is not ('و' or 'ف' or 'ب' or 'ك' or 'ل') || (form.Length <= WholeWordsMaxLength && WholeWords.Contains(form)))
                continue;
            var letters = new Letters(form.Length, pos[..form.Length], form, form);
            choices[form] = ChooseChain(letters, lexicon, wholeAbsent: false);
        }
        return new ChoiceTable(choices);
    }

    /// <summary>
    /// An open-addressing table from a 64-bit FNV-1a fingerprint of the normalised form to its choice, one
    /// cache line per probe. A FrozenDictionary lookup touches five arrays and the key string, and over
    /// millions of words the cache misses doubled the token stage; with 64-bit fingerprints a false match
    /// between an unknown word and one of ~60,000 forms has a chance of about 10⁻¹⁴ per word.
    /// </summary>
    private sealed class ChoiceTable
    {
        private readonly ulong[] _keys;
        private readonly byte[] _values;
        private readonly int _mask;

        public ChoiceTable(Dictionary<string, Choice> choices)
        {
            var capacity = 1;
            while (capacity < choices.Count * 2)
                capacity <<= 1;
            _keys = new ulong[capacity];
            _values = new byte[capacity];
            _mask = capacity - 1;
            foreach (var (form, choice) in choices)
            {
                var h = Fingerprint(form);
                var i = (int)h & _mask;
                while (_keys[i] != 0 && _keys[i] != h)
                    i = (i + 1) & _mask;
                _keys[i] = h;
                _values[i] = (byte)(1 | (choice.Length << 1) | (choice.Fused ? 8 : 0) | (choice.Article ? 16 : 0));
            }
        }

        public bool TryGetValue(ReadOnlySpan<char> form, out Choice choice)
        {
            var h = Fingerprint(form);
            var i = (int)h & _mask;
            while (true)
            {
                var k = _keys[i];
                if (k == h)
                {
                    var v = _values[i];
                    choice = new Choice((v >> 1) & 3, (v & 8) != 0, (v & 16) != 0);
                    return true;
                }
                if (k == 0)
                {
                    choice = default;
                    return false;
                }
                i = (i + 1) & _mask;
            }
        }

        private static ulong Fingerprint(ReadOnlySpan<char> s)
        {
            var h = 14695981039346656037UL;
            foreach (var c in s)
                h = (h ^ c) * 1099511628211UL;
            return h == 0 ? 1 : h;
        }
    }

    // The decisions depend on the written form only through a bare alef versus أ إ آ in the first letters.
    private static bool PlainAlefs(Letters letters)
    {
        var n = Math.Min(letters.Count, 4);
        for (var i = 0; i < n; i++)
        {
            if (letters.Raw[i] != letters.Norm[i] && letters.Norm[i] == ArabicChars.Alef)
                return false;
        }
        return true;
    }

    private static Choice ChooseChain(Letters letters, WordLexicon lexicon, bool wholeAbsent)
    {
        var w = letters.Norm;
        var n = letters.Count;
        Span<char> fusedKey = stackalloc char[MaxLetters + 1];
        // The whole word's counts, looked up only when a rule needs them (not for في، لا، به).
        var wc = default(WordCounts);
        var fw = wholeAbsent ? 0 : -1;
        var best = default(Choice);
        foreach (var chain in Chains)
        {
            var k = chain.Length;
            if (n <= k || w[0] != chain[0] || (k == 2 && w[1] != chain[1]))
                continue;
            var last = chain[k - 1];
            var conjunction = last is 'و' or 'ف';
            var r = w[k..];
            var rRaw = letters.Raw[k..];
            // لل: the preposition ل before an article whose alef is not written (للسلطة = ل + السلطة).
            var fused = last == 'ل' && r[0] == 'ل' && !StartsWithArticle(rRaw);
            scoped ReadOnlySpan<char> key = r;
            if (fused)
            {
                fusedKey[0] = 'ا';
                r.CopyTo(fusedKey[1..]);
                key = fusedKey[..(r.Length + 1)];
            }
            else if (r.Length <= 3 && ((last == 'ل' && PronounsAfterLamLookup.Contains(r)) || (last == 'ب' && PronounsLookup.Contains(r))))
            {
                best = new Choice(k, false, false);
                continue;
            }
            if (key.Length < 2)
                continue;
            if (key.Length == 2 && !fused)
            {
                // The two-letter words that start with alef all carry hamza (أن إن أو إذ): بان is not ب + أن.
                if ((conjunction ? ShortAfterConjunctionLookup : ShortAfterPrepositionLookup).Contains(r) && (r[0] != ArabicChars.Alef || rRaw[0] != ArabicChars.Alef))
                    best = new Choice(k, false, false);
                else if (conjunction)
                {
                    if (fw < 0)
                    {
                        wc = lexicon.Counts(w);
                        fw = wc.Count;
                    }
                    if (lexicon.Frequency(r) >= Math.Max(fw, MinAttested) && Paradigm(wc, w, true) <= ParadigmRatio * fw)
                        best = new Choice(k, false, false);
                }
                continue;
            }
            if (!conjunction && r.Length <= 4 && PrepositionPronounsLookup.Contains(r))
                continue;
            var rc = lexicon.Counts(key);
            var fr = rc.Count;
            if ((fused || StartsWithArticle(rRaw)) && key.Length >= 4)
            {
                if (fr >= MinAttested)
                    best = new Choice(k, fused, !IsArticleLike(key));
                continue;
            }
            if (fw < 0)
            {
                wc = lexicon.Counts(w);
                fw = wc.Count;
            }
            if (fw < MinAttested)
            {
                if (fr >= MinAttested || (last == 'و' && k == 1 && r.Length >= 3))
                    best = new Choice(k, fused, fused);
                continue;
            }
            if (conjunction)
            {
                if (fr < MinAttested || fr < ConjunctionRatio * fw || Paradigm(wc, w, true) > ParadigmRatio * fw)
                    continue;
            }
            else
            {
                if (last is 'ب' or 'ك' && !fused && !(r.Length <= 5 && DemonstrativesLookup.Contains(r)) && NounEvidence(rc, last) < MinAttested)
                    continue;
                fr += rc.WithArticle;
                if (fr < MinAttested || fr < PrepositionRatio * fw || Paradigm(wc, w, false) > ParadigmRatio * fw)
                    continue;
            }
            best = new Choice(k, fused, fused);
        }
        return best;
    }

    /// <summary>How often <paramref name="w"/> itself takes the article or a preposition (or a conjunction): evidence it is a stem.</summary>
    private static int Paradigm(WordCounts wc, ReadOnlySpan<char> w, bool withConjunctions)
    {
        var sum = wc.WithArticle + wc.WithBa + wc.WithKaf;
        if (w[0] != 'ل')
            sum += wc.WithLam; // ل + ل… is the fused article, not evidence
        if (withConjunctions)
            sum += wc.WithWaw + wc.WithFa;
        return sum;
    }

    /// <summary>How often the remainder takes the article or another preposition (a noun can follow ب ك).</summary>
    private static int NounEvidence(WordCounts rc, char preposition) =>
        rc.WithArticle
        + (preposition != 'ب' ? rc.WithBa : 0)
        + (preposition != 'ل' ? rc.WithLam : 0)
        + (preposition != 'ك' ? rc.WithKaf : 0);

    private static bool IsArticleLike(ReadOnlySpan<char> w) => w.Length <= ArticleLikeMaxLength && ArticleLikeLookup.Contains(w);

    private static bool StartsWithArticle(ReadOnlySpan<char> raw) => raw.Length >= 2 && raw[0] == ArabicChars.Alef && raw[1] == ArabicChars.Lam;

    /// <summary>A word ending in tatweel whose letters are exactly a clitic chain: «لـ», «ولـ», «بالـ», «للـ», «الـ».</summary>
    private static Segmentation? TatweelChain(Letters letters)
    {
        var norm = letters.Norm;
        var n = letters.Count;
        var k = 0;
        if (n > 0 && norm[0] is 'و' or 'ف')
            k++;
        if (k < n && norm[k] is 'ب' or 'ك' or 'ل')
            k++;
        if (k == n)
            return k == 0 ? null : Build(letters, k, false, false);
        if (k + 2 == n && StartsWithArticle(letters.Raw[k..]))
            return Build(letters, k, false, true);
        if (k > 0 && norm[k - 1] == 'ل' && k + 1 == n && norm[k] == 'ل')
            return Build(letters, k, true, false);
        return null;
    }

    /// <summary>
    /// The segmentation with a clitic chain of <paramref name="chain"/> letters, then either the fused
    /// article (the letter after the chain) or the article «ال» (the two letters after the chain).
    /// </summary>
    private static Segmentation Build(Letters letters, int chain, bool fused, bool article)
    {
        CliticSpan a = default, b = default, c = default;
        var count = 0;
        for (var j = 0; j < chain; j++)
            Add(new CliticSpan(letters.Pos[j], letters.End(j + 1), FormOf(letters.Norm[j])));
        var stem = chain;
        if (fused)
        {
            Add(new CliticSpan(letters.Pos[chain], letters.End(chain + 1), Article));
            stem = chain + 1;
        }
        else if (article)
        {
            Add(new CliticSpan(letters.Pos[chain], letters.End(chain + 2), Article));
            stem = chain + 2;
        }
        return new Segmentation(count, letters.End(stem), a, b, c);

        void Add(CliticSpan span)
        {
            switch (count++)
            {
                case 0: a = span; break;
                case 1: b = span; break;
                default: c = span; break;
            }
        }
    }

    private static string FormOf(char c) => c switch
    {
        'و' => Waw,
        'ف' => Fa,
        'ب' => Ba,
        'ك' => Kaf,
        _ => Lam,
    };

    private static FrozenSet<string> Normalized(params string[] words)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var w in words)
            set.Add(ArabicNormalizer.Normalize(w));
        return set.ToFrozenSet(StringComparer.Ordinal);
    }
}
