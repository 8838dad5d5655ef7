using Marsad.Model;
using Marsad.Testing;
using Marsad.Text;

namespace Marsad.Tests.Entities.Linking;

/// <summary>One test per rule of the lexicon stage and the linker, on short sentences written for the test.</summary>
public sealed class EntityRuleTests
{
    private static Entity Single(Document doc, string canonical, EntityType type)
    {
        var found = doc.Entities.Where(e => e.Type == type && Norm(e.Canonical) == Norm(canonical)).ToList();
        Assert.True(found.Count == 1, $"«{canonical}» ({type}): {found.Count} entities; all: {string.Join(", ", doc.Entities.Select(e => e.Canonical + "/" + e.Type))}");
        return found[0];
    }

    private static string Norm(string s) => ArabicNormalizer.Normalize(s);

    private static IEnumerable<string> Texts(Entity e) => e.Mentions.Select(m => m.Text);

    [Fact]
    public void Place_after_proclitics_keeps_its_own_span()
    {
        var doc = Analyzer.AnalyzeText("وصل الوفد إلى بغداد ثم انتقل إلى الموصل وبغداد مرة أخرى.");
        var baghdad = Single(doc, "بغداد", EntityType.LOC);
        Assert.Equal(["بغداد", "بغداد"], Texts(baghdad));
        Assert.Equal("IQ", baghdad.Country);
        Assert.Equal("city", baghdad.Kind);
        Assert.StartsWith("wof:", baghdad.LinkId, StringComparison.Ordinal);
    }

    [Fact]
    public void Organisation_aliases_share_one_entity_named_as_the_text_names_it()
    {
        var doc = Analyzer.AnalyzeText("هاجم مسلحو داعش القرية، وقال شهود إن عناصر تنظيم الدولة الإسلامية انسحبوا بعد ساعات، فيما تبنى داعش الهجوم.");
        var isis = Single(doc, "داعش", EntityType.ORG);
        Assert.Contains("تنظيم الدولة الإسلامية", Texts(isis));
        Assert.Contains("ISIS", isis.Aliases);
        Assert.Equal("armed group", isis.Kind);
        Assert.NotNull(isis.LinkId);
    }

    [Fact]
    public void Common_word_name_needs_context()
    {
        var quoted = Analyzer.AnalyzeText("أعلن تنظيم «القاعدة» مسؤوليته عن الهجوم.");
        Assert.Equal("القاعدة", Single(quoted, "القاعدة", EntityType.ORG).Mentions.Single().Text);
        var plain = Analyzer.AnalyzeText("وصلت الطائرات إلى القاعدة العسكرية قرب المدينة.");
        Assert.DoesNotContain(plain.Entities, e => Norm(e.Canonical) == Norm("القاعدة"));
    }

    [Fact]
    public void Nationality_adjectives_are_not_entities()
    {
        var doc = Analyzer.AnalyzeText("قالت الحكومة العراقية إن القوات الأميركية والخبراء البريطانيين غادروا.");
        Assert.DoesNotContain(doc.Entities, e => e.Mentions.Any(m => Norm(m.Text).Contains("عراقي", StringComparison.Ordinal) || Norm(m.Text).Contains("امريكي", StringComparison.Ordinal) || Norm(m.Text).Contains("بريطاني", StringComparison.Ordinal)));
    }

    [Fact]
    public void Nationality_after_an_organisation_gives_its_country()
    {
        var doc = Analyzer.AnalyzeText("أعلنت وزارة الداخلية المغربية توقيف خلية.");
        var ministry = Single(doc, "وزارة الداخلية", EntityType.ORG);
        Assert.Equal("MA", ministry.Country);
        Assert.Equal("ministry", ministry.Kind);
    }

    [Fact]
    public void Family_name_alone_joins_the_full_name()
    {
        var doc = Analyzer.AnalyzeText("قال الوزير سامي العنزي إن المشروع سينتهي قريبا. وأضاف العنزي أن التمويل متوفر.");
        var person = Single(doc, "سامي العنزي", EntityType.PER);
        Assert.Equal(["سامي العنزي", "العنزي"], Texts(person));
        Assert.Equal("الوزير", person.Role);
    }

    [Fact]
    public void Title_and_role_before_the_name()
    {
        var doc = Analyzer.AnalyzeText("أعلن قائد شرطة المحافظة العميد الركن خالد الزبيدي أن الطريق آمن.");
        var person = Single(doc, "خالد الزبيدي", EntityType.PER);
        Assert.Equal("العميد الركن", person.Title);
        Assert.Equal("قائد شرطة المحافظة", person.Role);
    }

    [Fact]
    public void Role_before_a_comma_and_title()
    {
        var doc = Analyzer.AnalyzeText("وقال المتحدث باسم الوزارة، العقيد سامر الحمداني، إن التحقيق مستمر.");
        var person = Single(doc, "سامر الحمداني", EntityType.PER);
        Assert.Equal("العقيد", person.Title);
        Assert.Equal("المتحدث باسم الوزارة", person.Role);
    }

    [Fact]
    public void Role_with_a_bracketed_organisation_drops_the_brackets()
    {
        var doc = Analyzer.AnalyzeText("التقى ممثلون لزعيم (داعش) أبو بكر البغدادي في الصحراء.");
        Assert.Equal("زعيم داعش", Single(doc, "أبو بكر البغدادي", EntityType.PER).Role);
    }

    [Fact]
    public void Role_after_the_name()
    {
        var doc = Analyzer.AnalyzeText("أكد نبيل الساعدي نائب رئيس الجمهورية العراقية أن الانتخابات ستجري في موعدها.");
        var person = Single(doc, "نبيل الساعدي", EntityType.PER);
        Assert.Equal("نائب رئيس الجمهورية العراقية", person.Role);
        Assert.Equal("IQ", person.Country);
    }

    [Fact]
    public void Place_variants_share_one_record()
    {
        var doc = Analyzer.AnalyzeText("دخلت القوات مدينة عانة، ثم انسحبت من قضاء عنه بعد يومين.");
        var anah = doc.Entities.Where(e => e.Type == EntityType.LOC && e.LinkId == "wof:421166947").ToList();
        Assert.Single(anah);
        Assert.Equal(2, anah[0].Mentions.Length);
    }

    [Fact]
    public void Neighbourhood_list_after_a_dual_trigger()
    {
        var doc = Analyzer.AnalyzeText("تقدمت القوات في حيي الزهور والنور شرق المدينة.");
        Assert.Equal("neighbourhood", Single(doc, "حي الزهور", EntityType.LOC).Kind);
        Assert.Equal(["النور"], Texts(Single(doc, "حي النور", EntityType.LOC)));
    }

    [Fact]
    public void Province_trigger_is_part_of_the_mention_not_of_the_canonical_name()
    {
        var doc = Analyzer.AnalyzeText("وصلت التعزيزات إلى محافظة الأنبار غرب البلاد.");
        var anbar = Single(doc, "الأنبار", EntityType.LOC);
        Assert.Equal(["محافظة الأنبار"], Texts(anbar));
        Assert.Equal("province", anbar.Kind);
    }

    [Fact]
    public void Air_base_named_with_its_trigger()
    {
        var doc = Analyzer.AnalyzeText("هبطت الطائرة في قاعدة عين الأسد العسكرية أمس.");
        var b = Single(doc, "قاعدة عين الأسد", EntityType.LOC);
        Assert.Equal("air base", b.Kind);
        Assert.Equal("wof:102542465", b.LinkId);
    }

    [Fact]
    public void Quoted_name_after_a_classifier_is_the_mention()
    {
        var doc = Analyzer.AnalyzeText("نقلت وكالة «رويترز» عن مصادر أن شركة «نوافذ» وقعت العقد.");
        Assert.Equal(["رويترز"], Texts(Single(doc, "رويترز", EntityType.ORG)));
        var company = Single(doc, "نوافذ", EntityType.ORG);
        Assert.Equal("company", company.Kind);
    }

    [Theory]
    [InlineData("وقعت الوزارة اتفاقاً مع شركة إقليمية لتزويد البلدة بالمياه.")]
    [InlineData("أعلنت هيئة حكومية عن خطة جديدة للنقل.")]
    public void An_indefinite_relative_adjective_after_a_classifier_is_not_a_name(string body) =>
        Assert.DoesNotContain(Analyzer.AnalyzeText(body).Entities, e => e.Type == EntityType.ORG);

    [Fact]
    public void City_before_a_masculine_nationality_adjective_is_a_club()
    {
        var doc = Analyzer.AnalyzeText("فاز روما الإيطالي على ضيفه بهدفين.");
        Assert.Equal("club", Single(doc, "روما", EntityType.ORG).Kind);
    }

    [Fact]
    public void Short_latin_alias_matches_only_in_capitals()
    {
        Assert.Contains(Analyzer.AnalyzeText("قالت شبكة CNN إن الاجتماع انتهى.").Entities, e => e.Canonical == "CNN" && e.Type == EntityType.ORG);
        Assert.DoesNotContain(Analyzer.AnalyzeText("كتب المستخدم cnn في رسالته.").Entities, e => e.Type == EntityType.ORG);
    }

    [Fact]
    public void Institution_named_by_its_trigger_and_adjective()
    {
        var doc = Analyzer.AnalyzeText("أصدرت الهيئة العامة للإحصاء تقريرها، فيما اجتمع مجلس الإدارة.");
        Single(doc, "الهيئة العامة للإحصاء", EntityType.ORG);
        Assert.DoesNotContain(doc.Entities, e => Norm(e.Canonical) == Norm("مجلس الإدارة"));
    }

    [Fact]
    public void Common_words_around_are_not_entities()
    {
        var doc = Analyzer.AnalyzeText("قال: نعم، لن يتبخر في الهواء، وسيبقى في أنحاء العالم.");
        Assert.Empty(doc.Entities);
    }

    [Fact]
    public void Surname_known_as_a_place_stays_the_person()
    {
        var doc = Analyzer.AnalyzeText("قال مستشار الأمن القومي جون بولتون إن بولتون لن يستقيل.");
        var person = Single(doc, "جون بولتون", EntityType.PER);
        Assert.Equal(2, person.Mentions.Length);
        Assert.DoesNotContain(doc.Entities, e => e.Type == EntityType.LOC);
    }
}
