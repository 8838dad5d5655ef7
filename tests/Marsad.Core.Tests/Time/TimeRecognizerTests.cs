using Marsad.Time;

namespace Marsad.Tests.Time;

/// <summary>One row per rule: a sentence written for the test, the expression, its value.</summary>
public sealed class TimeRecognizerTests
{
    private static readonly DateOnly Wednesday = new(2017, 4, 19);

    public static TheoryData<string, string, string?, string> Rows => new()
    {
        { "وصل الوفد أمس إلى القاهرة.", "أمس", "2017-04-18", "day" },
        { "غادر الوزير البلاد البارحة.", "البارحة", "2017-04-18", "day" },
        { "بدأت المحادثات اول من امس في جنيف.", "اول من امس", "2017-04-17", "day" },
        { "أعلنت الحكومة أمس الأول عن الخطة.", "أمس الأول", "2017-04-17", "day" },
        { "يلتقي الرئيسان اليوم في الرياض.", "اليوم", "2017-04-19", "day" },
        { "تبدأ الامتحانات غداً في المدارس.", "غداً", "2017-04-20", "day" },
        { "ووصلت القافلة صباح أمس إلى المدينة.", "صباح أمس", "2017-04-18", "part-of-day" },
        { "وقع الانفجار مساء اليوم في السوق.", "مساء اليوم", "2017-04-19", "part-of-day" },
        { "عاد الهدوء إلى المدينة الليلة الماضية.", "الليلة الماضية", "2017-04-18", "part-of-day" },
        { "قتل ثلاثة مدنيين الاثنين في قصف.", "الاثنين", "2017-04-17", "day" },
        { "اجتمع المجلس يوم الأربعاء لبحث الأزمة.", "يوم الأربعاء", "2017-04-19", "day" },
        { "أقيمت المباراة الأربعاء الماضي.", "الأربعاء الماضي", "2017-04-12", "day" },
        { "تعقد القمة الأحد المقبل في عمان.", "الأحد المقبل", "2017-04-23", "day" },
        { "سيعقد الاجتماع الجمعة في إسطنبول.", "الجمعة", "2017-04-21", "day" },
        { "ارتفعت الأسعار الأسبوع الماضي.", "الأسبوع الماضي", "2017-W15", "week" },
        { "تنتهي المهلة الشهر المقبل.", "الشهر المقبل", "2017-05", "month" },
        { "تراجع النمو العام الماضي.", "العام الماضي", "2016", "year" },
        { "زار البابا مصر في 28 أبريل 2017.", "28 أبريل 2017", "2017-04-28", "day" },
        { "وقعت الاتفاقية في 4 كانون الثاني 2016.", "4 كانون الثاني 2016", "2016-01-04", "day" },
        { "انطلقت الاحتجاجات في 17 جانفي 2011 بتونس.", "17 جانفي 2011", "2011-01-17", "day" },
        { "اندلعت الأزمة في 5 حزيران/يونيو 2017.", "5 حزيران/يونيو 2017", "2017-06-05", "day" },
        { "عاد الجنود في 30 مارس الماضي.", "30 مارس الماضي", "2017-03-30", "day" },
        { "تجرى الانتخابات في مايو 2018.", "مايو 2018", "2018-05", "month" },
        { "انسحبت القوات من المدينة عام 2011.", "عام 2011", "2011", "year" },
        { "صدر القرار في 15 رمضان 1436.", "15 رمضان 1436", "2015-07-02", "day" },
        { "وصدر التعميم بتاريخ 10/1/1436 هـ.", "10/1/1436", "2014-11-03", "day" },
        { "أطلق سراحه قبل ثلاثة أيام.", "قبل ثلاثة أيام", "2017-04-16", "day" },
        { "بدأت الحرب منذ سبع سنوات.", "منذ سبع سنوات", "2010", "year" },
        { "لم يتغير شيء هذا العام.", "هذا العام", "2017", "year" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Recognises_and_resolves(string sentence, string text, string? value, string granularity)
    {
        var found = TimeRecognizer.Recognize(sentence, 0, sentence.Length, Wednesday);
        var t = Assert.Single(found, x => x.Text == text);
        Assert.Equal(value, t.Value);
        Assert.Equal(granularity, t.Granularity);
        Assert.Equal(text, sentence[t.Start..t.End]);
    }

    [Fact]
    public void Relative_expression_without_publication_date_has_no_value()
    {
        const string s = "وصل الوفد أمس إلى القاهرة.";
        var t = Assert.Single(TimeRecognizer.Recognize(s, 0, s.Length, null));
        Assert.Null(t.Value);
        Assert.Equal("published", t.Anchor);
    }

    [Fact]
    public void Part_of_day_is_named()
    {
        const string s = "ووصلت القافلة صباح أمس إلى المدينة.";
        var t = Assert.Single(TimeRecognizer.Recognize(s, 0, s.Length, Wednesday));
        Assert.Equal("morning", t.PartOfDay);
    }

    [Theory]
    [InlineData("قال إن الجمعية العمومية انعقدت.")] // الجمعية is not الجمعة
    [InlineData("سجل اللاعب هدفين في المباراة.")]
    [InlineData("انتقل الأحد عشر لاعبا إلى الملعب.")]
    public void No_time_in_sentences_without_one(string sentence)
    {
        var found = TimeRecognizer.Recognize(sentence, 0, sentence.Length, Wednesday);
        Assert.DoesNotContain(found, t => t.Text == "الجمعية" || t.Text == "الأحد");
    }

    [Fact]
    public void Offsets_keep_diacritics_of_the_word()
    {
        const string s = "تبدأ الامتحانات غداً.";
        var t = Assert.Single(TimeRecognizer.Recognize(s, 0, s.Length, Wednesday));
        Assert.Equal("غداً", t.Text);
    }
}
