using System.Diagnostics;
using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Marsad.Store;
using LuceneDocument = Lucene.Net.Documents.Document;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Marsad.Index;

/// <summary>A search with its filters (all optional); text filters compare normalised Arabic.</summary>
public sealed record SearchQuery
{
    /// <summary>Words to find; <c>"quoted words"</c> must appear as a phrase. Bounded to <see cref="SearchIndex.MaxQueryChars"/> characters.</summary>
    public required string Text { get; init; }
    /// <summary>Archive entity key (<see cref="EntitySummary.Key"/>).</summary>
    public string? Entity { get; init; }
    /// <summary>PER, ORG, LOC or MISC: articles that mention an entity of that type.</summary>
    public string? EntityType { get; init; }
    public string? Section { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    /// <summary>Dateline place or place entity, by name.</summary>
    public string? Place { get; init; }
    /// <summary>ISO 3166-1 alpha-2 code of an entity's country.</summary>
    public string? Country { get; init; }
    /// <summary>Speaker name or entity key of a quote in the article.</summary>
    public string? Speaker { get; init; }
    public int Offset { get; init; }
    public int Limit { get; init; } = 10;
    /// <summary>Build a snippet for each hit (list views that show only titles can skip it).</summary>
    public bool Snippets { get; init; } = true;
}

/// <summary>
/// A passage of the body around the best cluster of matches. <see cref="Highlights"/> are
/// <c>[start, end)</c> offsets into <see cref="Text"/>; <see cref="BodyStart"/> is where the
/// passage starts in the body. The text is raw: a web page must escape it before marking.
/// </summary>
public sealed record Snippet(string Text, IReadOnlyList<(int Start, int End)> Highlights, int BodyStart)
{
    /// <summary>The text with each highlight wrapped in <paramref name="open"/> and <paramref name="close"/>.</summary>
    public string Marked(string open, string close)
    {
        var sb = new System.Text.StringBuilder(Text.Length + Highlights.Count * (open.Length + close.Length));
        var at = 0;
        foreach (var (s, e) in Highlights)
        {
            sb.Append(Text, at, s - at).Append(open).Append(Text, s, e - s).Append(close);
            at = e;
        }
        return sb.Append(Text, at, Text.Length - at).ToString();
    }
}

public sealed record SearchHit(string ArticleId, string? Title, string? Published, string? Section, float Score, Snippet Snippet);

public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, long Total, IReadOnlyList<string> Terms);

/// <summary>
/// The full-text index of an archive (Lucene, BM25): a folder beside the SQLite file
/// (<c>marsad.db.index/</c>) or anywhere for PostgreSQL. It follows the archive through the
/// archive's change sequence (<see cref="IArchive.ChangesSince"/>): <see cref="Sync"/> adds, updates
/// and deletes by article id and commits the last sequence it applied, so after a crash it picks
/// up where its last commit ended, and a rebuild is a sync from zero. Searching is thread-safe;
/// syncing is for one thread (it holds Lucene's write lock while it runs).
/// </summary>
public sealed class SearchIndex : IDisposable
{
    public static readonly LuceneVersion Version = LuceneVersion.LUCENE_48;

    public const int MaxQueryChars = 1000;
    private const int MaxTerms = 32;
    private const int SnippetChars = 220;
    private const string SeqKey = "marsad.seq";
    private const string AnalyzerKey = "marsad.analyzer";
    private const int SnippetScanChars = 8_000;
    private static readonly HashSet<string> HitFields = ["id", "title", "published", "section"];
    private static readonly HashSet<string> HitFieldsWithBody = ["id", "title", "published", "section", "body"];

    private readonly LuceneDirectory _directory;
    private readonly Analyzer _analyzer;
    private readonly BM25Similarity _similarity = new();
    private readonly System.Threading.Lock _gate = new();
    private static readonly TimeSpan ReopenInterval = TimeSpan.FromSeconds(1);
    private DirectoryReader? _reader;
    private IndexWriter? _writer;
    private long _lastCheck = Stopwatch.GetTimestamp();
    private bool _stale;
    private IndexSearcher? _searcher;

    private SearchIndex(string path, LuceneDirectory directory, string analyzerName, long sequence)
    {
        Path = path;
        _directory = directory;
        AnalyzerName = analyzerName;
        _analyzer = CreateAnalyzer(analyzerName);
        Sequence = sequence;
    }

    public string Path { get; }

    /// <summary><c>marsad</c> (<see cref="MarsadArabicAnalyzer"/>) or <c>lucene</c> (Lucene's ArabicAnalyzer).</summary>
    public string AnalyzerName { get; }

    /// <summary>The last archive change applied and committed.</summary>
    public long Sequence { get; private set; }

    public static Analyzer CreateAnalyzer(string name) => name switch
    {
        MarsadArabicAnalyzer.Name => new MarsadArabicAnalyzer(),
        LuceneArabic.Name => LuceneArabic.Create(),
        _ => throw new ArgumentException($"unknown analyser '{name}': use {MarsadArabicAnalyzer.Name} or {LuceneArabic.Name}", nameof(name)),
    };

    /// <summary>
    /// Opens (or creates) the index at <paramref name="path"/>. An existing index keeps the analyser it was
    /// built with; <paramref name="analyzer"/> only chooses it for a new one (rebuild to change it).
    /// </summary>
    public static SearchIndex Open(string path, string? analyzer = null)
    {
        System.IO.Directory.CreateDirectory(path);
        var dir = FSDirectory.Open(path);
        try
        {
            string name = analyzer ?? MarsadArabicAnalyzer.Name;
            long seq = 0;
            if (DirectoryReader.IndexExists(dir))
            {
                var infos = new SegmentInfos();
                infos.Read(dir);
                var data = infos.UserData;
                if (data.TryGetValue(AnalyzerKey, out var stored))
                    name = stored;
                if (data.TryGetValue(SeqKey, out var s))
                    seq = long.Parse(s, CultureInfo.InvariantCulture);
            }
            return new SearchIndex(path, dir, name, seq);
        }
        catch
        {
            dir.Dispose();
            throw;
        }
    }

    /// <summary>Deletes the index at <paramref name="path"/> and opens a new empty one with <paramref name="analyzer"/>.</summary>
    public static SearchIndex Create(string path, string analyzer)
    {
        if (System.IO.Directory.Exists(path))
            System.IO.Directory.Delete(path, recursive: true);
        return Open(path, analyzer);
    }

    /// <summary>Number of articles in the index.</summary>
    public int Count
    {
        get
        {
            var s = Searcher();
            return s?.IndexReader.NumDocs ?? 0;
        }
    }

    // ------------------------------------------------------------------ following the archive

    /// <summary>
    /// Applies the archive's changes since <see cref="Sequence"/> and commits. Returns the number applied.
    /// Throws <see cref="LockObtainFailedException"/> when another process holds the index for writing
    /// (an index that has synced once keeps the write lock until it is disposed).
    /// </summary>
    public int Sync(IArchive archive, Action<long>? progress = null, CancellationToken cancellationToken = default)
    {
        if (archive.LastChange() <= Sequence)
            return 0;
        var writer = Writer();
        var applied = 0;
        var seq = Sequence;
        var sinceCommit = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var changes = archive.ChangesSince(seq, 1000);
            if (changes.Count == 0)
                break;
            foreach (var change in changes)
            {
                var id = new Term("id", change.ArticleId);
                if (change.Article is { } a)
                    writer.UpdateDocument(id, ToDocument(a));
                else
                    writer.DeleteDocuments(id);
                seq = change.Sequence;
            }
            applied += changes.Count;
            sinceCommit += changes.Count;
            if (sinceCommit >= 20000)
            {
                Commit(writer, seq);
                sinceCommit = 0;
            }
            progress?.Invoke(applied);
        }
        if (applied >= 20000)
            writer.ForceMerge(1); // after a bulk load: one segment searches fastest
        Commit(writer, seq);
        return applied;
    }

    /// <summary>Merges the index into one segment (after a bulk load, for search speed).</summary>
    public void Optimize()
    {
        var writer = Writer();
        writer.ForceMerge(1);
        writer.Commit();
        _stale = true;
    }

    /// <summary>
    /// The index writer, opened on the first sync and kept (with Lucene's write lock) until disposal:
    /// an ingest syncs after every batch, and reopening the writer each time would flush and merge more.
    /// </summary>
    private IndexWriter Writer()
    {
        if (_writer is not null)
            return _writer;
        var config = new IndexWriterConfig(Version, _analyzer)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            Similarity = _similarity,
            RAMBufferSizeMB = 64,
        };
        return _writer = new IndexWriter(_directory, config);
    }

    /// <summary>Closes the writer and releases the write lock (a long-lived searcher should sync, then call this, so ingest can write).</summary>
    public void CloseWriter()
    {
        _writer?.Dispose();
        _writer = null;
    }

    private void Commit(IndexWriter writer, long seq)
    {
        writer.SetCommitData(new Dictionary<string, string>
        {
            [SeqKey] = seq.ToString(CultureInfo.InvariantCulture),
            [AnalyzerKey] = AnalyzerName,
        });
        writer.Commit();
        Sequence = seq;
        _stale = true;
    }

    private static LuceneDocument ToDocument(IndexableArticle a)
    {
        var doc = new LuceneDocument
        {
            new StringField("id", a.Id, Field.Store.YES),
            new TextField("title", a.Title ?? "", Field.Store.YES),
            new TextField("body", a.Body, Field.Store.YES),
        };
        if (a.Section is not null)
        {
            doc.Add(new StoredField("section", a.Section));
            if (DocumentRows.Norm(a.Section) is { } s)
                doc.Add(new StringField("section_norm", s, Field.Store.NO));
        }
        if (a.Published is not null)
            doc.Add(new StoredField("published", a.Published));
        if (DateKey(a.PublishedDate) is { } date)
            doc.Add(new Int32Field("date", date, Field.Store.NO));
        foreach (var k in a.EntityKeys)
            doc.Add(new StringField("entity", k, Field.Store.NO));
        foreach (var t in a.EntityTypes)
            doc.Add(new StringField("etype", t, Field.Store.NO));
        foreach (var p in a.Places)
            doc.Add(new StringField("place", p, Field.Store.NO));
        foreach (var c in a.Countries)
            doc.Add(new StringField("country", c, Field.Store.NO));
        foreach (var s in a.Speakers)
            doc.Add(new StringField("speaker", s, Field.Store.NO));
        return doc;
    }

    private static int? DateKey(string? isoDate) =>
        isoDate is { Length: >= 10 } && DateOnly.TryParseExact(isoDate.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? DateKey(d) : null;

    private static int DateKey(DateOnly d) => d.Year * 10000 + d.Month * 100 + d.Day;

    // ------------------------------------------------------------------ searching

    private IndexSearcher? Searcher()
    {
        lock (_gate)
        {
            if (_reader is null)
            {
                if (!DirectoryReader.IndexExists(_directory))
                    return null;
                _reader = DirectoryReader.Open(_directory);
            }
            else if (_stale || Stopwatch.GetElapsedTime(_lastCheck) > ReopenInterval)
            {
                // Another process (ingest, a worker's sync) may have committed: look at most once a second.
                _lastCheck = Stopwatch.GetTimestamp();
                _stale = false;
                if (DirectoryReader.OpenIfChanged(_reader) is { } newer)
                {
                    _reader.Dispose();
                    _reader = newer;
                    _searcher = null;
                }
            }
            return _searcher ??= new IndexSearcher(_reader) { Similarity = _similarity };
        }
    }

    /// <summary>The analysed terms of a query (as the index stores them), in order, without duplicates.</summary>
    public IReadOnlyList<string> Terms(string text) => [.. Analyze(text).Select(t => t.Term).Distinct(StringComparer.Ordinal)];

    private List<(string Term, int Position)> Analyze(string text)
    {
        var list = new List<(string, int)>();
        using var ts = _analyzer.GetTokenStream("body", text);
        var term = ts.AddAttribute<ICharTermAttribute>();
        var inc = ts.AddAttribute<IPositionIncrementAttribute>();
        ts.Reset();
        var pos = -1;
        while (ts.IncrementToken() && list.Count < MaxTerms)
        {
            pos += inc.PositionIncrement;
            list.Add((term.ToString(), pos));
        }
        ts.End();
        return list;
    }

    public SearchResults Search(SearchQuery query)
    {
        var text = query.Text ?? "";
        if (text.Length > MaxQueryChars)
            text = text[..MaxQueryChars];
        var searcher = Searcher();
        var (main, terms) = BuildQuery(text);
        if (searcher is null || main is null)
            return new SearchResults([], 0, terms);
        var offset = Math.Max(0, query.Offset);
        var limit = Math.Clamp(query.Limit, 1, 100);
        var filter = BuildFilter(query);
        var top = searcher.Search(main, filter is null ? null : new QueryWrapperFilter(filter), offset + limit);
        var termSet = terms.ToHashSet(StringComparer.Ordinal);
        var hits = new List<SearchHit>();
        var fields = query.Snippets ? HitFieldsWithBody : HitFields;
        for (var i = offset; i < top.ScoreDocs.Length; i++)
        {
            var sd = top.ScoreDocs[i];
            var doc = searcher.Doc(sd.Doc, fields);
            var snippet = query.Snippets ? MakeSnippet(doc.Get("body", CultureInfo.InvariantCulture) ?? "", termSet) : new Snippet("", [], 0);
            hits.Add(new SearchHit(doc.Get("id", CultureInfo.InvariantCulture), doc.Get("title", CultureInfo.InvariantCulture), doc.Get("published", CultureInfo.InvariantCulture), doc.Get("section", CultureInfo.InvariantCulture), sd.Score, snippet));
        }
        return new SearchResults(hits, top.TotalHits, terms);
    }

    /// <summary>
    /// Each query word must match (title or body, title weighted twice) for up to three words; from four
    /// on, 70 % of them. Quoted phrases must match as phrases. The query as a phrase boosts: exact in the
    /// body, within three positions in the title.
    /// </summary>
    private (Query? Query, IReadOnlyList<string> Terms) BuildQuery(string text)
    {
        var phrases = new List<List<(string Term, int Position)>>();
        var loose = new System.Text.StringBuilder();
        var parts = text.Split('"');
        for (var i = 0; i < parts.Length; i++)
        {
            if (i % 2 == 1 && i < parts.Length - 1)
            {
                var p = Analyze(parts[i]);
                if (p.Count > 1)
                    phrases.Add(p);
                else
                    loose.Append(' ').Append(parts[i]);
            }
            else
            {
                loose.Append(' ').Append(parts[i]);
            }
        }
        var words = Analyze(loose.ToString());
        var all = words.Select(w => w.Term).Concat(phrases.SelectMany(p => p.Select(t => t.Term))).Distinct(StringComparer.Ordinal).Take(MaxTerms).ToList();
        if (all.Count == 0)
            return (null, all);

        var root = new BooleanQuery();
        var distinctWords = words.Select(w => w.Term).Distinct(StringComparer.Ordinal).ToList();
        if (distinctWords.Count > 0)
        {
            // Up to three words all must match: required clauses let Lucene leapfrog (a conjunction), far
            // cheaper than "minimum should match"; longer queries need 70 % of their words.
            var should = new BooleanQuery();
            foreach (var w in distinctWords)
            {
                var dis = new DisjunctionMaxQuery(0.1f)
                {
                    new TermQuery(new Term("title", w)) { Boost = 2f },
                    new TermQuery(new Term("body", w)),
                };
                if (distinctWords.Count <= 3)
                    root.Add(dis, Occur.MUST);
                else
                    should.Add(dis, Occur.SHOULD);
            }
            if (should.Clauses.Count > 0)
            {
                should.MinimumNumberShouldMatch = (int)Math.Ceiling(distinctWords.Count * 0.7);
                root.Add(should, Occur.MUST);
            }
            if (words.Count > 1)
            {
                root.Add(Phrase("body", words, 0, 1f), Occur.SHOULD); // exact: a sloppy phrase over long bodies costs too much
                root.Add(Phrase("title", words, 3, 2f), Occur.SHOULD);
            }
        }
        foreach (var p in phrases)
        {
            root.Add(new DisjunctionMaxQuery(0.1f) { Phrase("title", p, 0, 2f), Phrase("body", p, 0, 1f) }, Occur.MUST);
        }
        return (root, all);
    }

    private static PhraseQuery Phrase(string field, List<(string Term, int Position)> terms, int slop, float boost)
    {
        var q = new PhraseQuery { Slop = slop, Boost = boost };
        var first = terms[0].Position;
        foreach (var (t, pos) in terms)
            q.Add(new Term(field, t), pos - first);
        return q;
    }

    private static BooleanQuery? BuildFilter(SearchQuery q)
    {
        var f = new BooleanQuery();
        void Must(string field, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
                f.Add(new TermQuery(new Term(field, value)), Occur.MUST);
        }
        Must("entity", q.Entity?.Trim());
        Must("etype", q.EntityType?.Trim().ToUpperInvariant());
        Must("section_norm", DocumentRows.Norm(q.Section));
        Must("place", DocumentRows.Norm(q.Place));
        Must("country", q.Country?.Trim().ToUpperInvariant());
        if (!string.IsNullOrWhiteSpace(q.Speaker))
        {
            // A speaker entity key as given, or a name as the archive normalises it.
            var speaker = new BooleanQuery
            {
                { new TermQuery(new Term("speaker", q.Speaker.Trim())), Occur.SHOULD },
                { new TermQuery(new Term("speaker", DocumentRows.Norm(q.Speaker) ?? "")), Occur.SHOULD },
            };
            f.Add(speaker, Occur.MUST);
        }
        if (q.From is not null || q.To is not null)
        {
            int? from = q.From is { } a ? DateKey(a) : null;
            int? to = q.To is { } b ? DateKey(b) : null;
            f.Add(NumericRangeQuery.NewInt32Range("date", from, to, true, true), Occur.MUST);
        }
        return f.Clauses.Count == 0 ? null : f;
    }

    /// <summary>The passage of about <see cref="SnippetChars"/> characters holding the most distinct query terms.</summary>
    private Snippet MakeSnippet(string body, HashSet<string> terms)
    {
        var matches = new List<(int Start, int End, string Term)>();
        // Matches past the first 8,000 characters are not looked for: a snippet from the top is better anyway.
        using (var ts = _analyzer.GetTokenStream("body", body.Length > SnippetScanChars ? body[..SnippetScanChars] : body))
        {
            var term = ts.AddAttribute<ICharTermAttribute>();
            var offset = ts.AddAttribute<IOffsetAttribute>();
            ts.Reset();
            var stopAt = int.MaxValue;
            var window = new Dictionary<string, int>(StringComparer.Ordinal);
            var first = 0;
            while (ts.IncrementToken())
            {
                if (offset.StartOffset > stopAt)
                    break;
                var t = term.ToString();
                if (!terms.Contains(t))
                    continue;
                matches.Add((offset.StartOffset, offset.EndOffset, t));
                // Once one window holds every query term, no later window can beat it: scan to its end and stop.
                window[t] = window.GetValueOrDefault(t) + 1;
                while (matches[^1].End - matches[first].Start > SnippetChars - 40)
                {
                    var old = matches[first++].Term;
                    if (--window[old] == 0)
                        window.Remove(old);
                }
                if (stopAt == int.MaxValue && window.Count == terms.Count)
                    stopAt = matches[first].Start + SnippetChars;
            }
            ts.End();
        }
        int start;
        if (matches.Count == 0)
        {
            start = 0;
        }
        else
        {
            var best = 0;
            var bestScore = -1;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < matches.Count; i++)
            {
                seen.Clear();
                var hitsInWindow = 0;
                for (var j = i; j < matches.Count && matches[j].End <= matches[i].Start + SnippetChars - 40; j++)
                {
                    seen.Add(matches[j].Term);
                    hitsInWindow++;
                }
                var score = seen.Count * 100 + hitsInWindow;
                if (score > bestScore)
                {
                    bestScore = score;
                    best = i;
                }
            }
            start = Math.Max(0, matches[best].Start - 40);
            // Start on a word boundary.
            while (start > 0 && start < body.Length && !char.IsWhiteSpace(body[start - 1]) && matches[best].Start - start < 60)
                start--;
        }
        var end = Math.Min(body.Length, start + SnippetChars);
        while (end < body.Length && !char.IsWhiteSpace(body[end]) && end - start < SnippetChars + 30)
            end++;
        var text = body[start..end];
        var highlights = new List<(int, int)>();
        foreach (var (s, e, _) in matches)
        {
            if (s >= start && e <= end)
                highlights.Add((s - start, e - start));
        }
        return new Snippet(text, highlights, start);
    }

    /// <summary>Id, title and body of every indexed article (for evaluation).</summary>
    public IEnumerable<(string Id, string? Title, string Body)> AllStored()
    {
        var searcher = Searcher();
        if (searcher is null)
            yield break;
        var reader = searcher.IndexReader;
        var liveDocs = MultiFields.GetLiveDocs(reader);
        var fields = new HashSet<string> { "id", "title", "body" };
        for (var i = 0; i < reader.MaxDoc; i++)
        {
            if (liveDocs is not null && !liveDocs.Get(i))
                continue;
            var d = reader.Document(i, fields);
            yield return (d.Get("id", CultureInfo.InvariantCulture), d.Get("title", CultureInfo.InvariantCulture), d.Get("body", CultureInfo.InvariantCulture) ?? "");
        }
    }

    /// <summary>The stored body of an indexed article, or null.</summary>
    public string? StoredBody(string articleId)
    {
        var searcher = Searcher();
        if (searcher is null)
            return null;
        var top = searcher.Search(new TermQuery(new Term("id", articleId)), 1);
        return top.ScoreDocs.Length == 0 ? null : searcher.Doc(top.ScoreDocs[0].Doc).Get("body", CultureInfo.InvariantCulture);
    }

    /// <summary>Times each query (after three warm-up rounds), for the search benchmark.</summary>
    public static IReadOnlyList<double> Time(SearchIndex index, IEnumerable<SearchQuery> queries, int repeats)
    {
        var list = queries.ToList();
        for (var warm = 0; warm < 3; warm++) // three rounds, so that the JIT's optimised tier is in place
        {
            foreach (var q in list)
                index.Search(q);
        }
        var ms = new List<double>();
        for (var r = 0; r < repeats; r++)
        {
            foreach (var q in list)
            {
                var t = Stopwatch.GetTimestamp();
                index.Search(q);
                ms.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
        }
        return ms;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _reader?.Dispose();
            _reader = null;
        }
        _writer?.Dispose();
        _writer = null;
        _analyzer.Dispose();
        _directory.Dispose();
    }
}
