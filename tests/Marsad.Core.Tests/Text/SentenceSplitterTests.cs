using Marsad.Text;

namespace Marsad.Tests.Text;

/// <summary>One row per splitter rule, on sentences written for the test. Expected sentences are separated by « | ».</summary>
public sealed class SentenceSplitterTests
{
    public static TheoryData<string, string, string> Rules() => new()
    {
        { "stop", "قال الوزير إن الاجتماع انتهى. وأضاف أن النتائج جيدة.", "قال الوزير إن الاجتماع انتهى. | وأضاف أن النتائج جيدة." },
        { "glued stop", "وصل الوفد إلى الموصل.وأوضح المتحدث أن الزيارة قصيرة.", "وصل الوفد إلى الموصل. | وأوضح المتحدث أن الزيارة قصيرة." },
        { "glued after a closing quote", "قال إن «الوضع مستقر».وأكد أن الحل قريب.", "قال إن «الوضع مستقر». | وأكد أن الحل قريب." },
        { "quote of several sentences stays whole", "وقال: «انتهى الاجتماع. سنعود غدا». ثم غادر القاعة.", "وقال: «انتهى الاجتماع. سنعود غدا». | ثم غادر القاعة." },
        { "curly quote stays whole", "وكتب “لن نتراجع. هذا وعد” على حسابه.", "وكتب “لن نتراجع. هذا وعد” على حسابه." },
        { "newline", "ارتفاع الأسعار\nوقال التجار إن الطلب زاد.", "ارتفاع الأسعار | وقال التجار إن الطلب زاد." },
        { "decimal", "ارتفع المؤشر 3.5 في المئة اليوم.", "ارتفع المؤشر 3.5 في المئة اليوم." },
        { "grouped number", "بلغ عدد السكان 1.000.000 نسمة تقريبا.", "بلغ عدد السكان 1.000.000 نسمة تقريبا." },
        { "dotted abbreviation", "ذكرت شبكة ان.بي.سي أن الاجتماع انتهى.", "ذكرت شبكة ان.بي.سي أن الاجتماع انتهى." },
        { "Arabic initials", "نقلت وكالة أ.ف.ب الخبر صباحا.", "نقلت وكالة أ.ف.ب الخبر صباحا." },
        { "letter names", "وتراجع سهم بي.جي في السوق أمس.", "وتراجع سهم بي.جي في السوق أمس." },
        { "letter names after a conjunction", "وتملك شركتا بي.بي وبي.جي الحقل.", "وتملك شركتا بي.بي وبي.جي الحقل." },
        { "spaced letter names", "وكشف بنك إتش. إس. بي. سي عن أرباحه.", "وكشف بنك إتش. إس. بي. سي عن أرباحه." },
        { "initial before a name", "قال د. أحمد إن العلاج متاح.", "قال د. أحمد إن العلاج متاح." },
        { "initial glued to a name", "قال د.أحمد إن العلاج متاح.", "قال د.أحمد إن العلاج متاح." },
        { "era letter after a year", "تأسست الشركة عام 1990 م. وتوسعت بعدها.", "تأسست الشركة عام 1990 م. | وتوسعت بعدها." },
        { "era letter glued to a year", "تأسست الشركة عام 1990م.وتوسعت بعدها.", "تأسست الشركة عام 1990م. | وتوسعت بعدها." },
        { "Hijri date", "صدر القرار في 10/1/1436 هـ. وبدأ تطبيقه.", "صدر القرار في 10/1/1436 هـ. | وبدأ تطبيقه." },
        { "two dots", "لا أدري.. ربما غدا.", "لا أدري.. ربما غدا." },
        { "three dots", "وانتظرنا... ثم عاد الوفد.", "وانتظرنا... ثم عاد الوفد." },
        { "ellipsis character", "وانتظرنا… ثم عاد الوفد.", "وانتظرنا… ثم عاد الوفد." },
        { "list number", "1. زيادة الرواتب\n2. خفض الضرائب", "1. زيادة الرواتب | 2. خفض الضرائب" },
        { "list item glued after a stop", "أولها التدريب.2- التوظيف المباشر.", "أولها التدريب. | 2- التوظيف المباشر." },
        { "question mark", "هل انتهت الأزمة؟ يبدو ذلك.", "هل انتهت الأزمة؟ | يبدو ذلك." },
        { "glued question mark", "كيف حدث ذلك؟وأضاف أن التحقيق مستمر.", "كيف حدث ذلك؟ | وأضاف أن التحقيق مستمر." },
        { "question inside a quote", "وتساءل: «لماذا تأخر القرار؟ ومن المسؤول؟» ثم صمت.", "وتساءل: «لماذا تأخر القرار؟ ومن المسؤول؟» ثم صمت." },
        { "exclamation", "يا له من فوز! واحتفل الجمهور.", "يا له من فوز! | واحتفل الجمهور." },
        { "question and exclamation", "أهذا معقول؟! لا أصدق.", "أهذا معقول؟! | لا أصدق." },
        { "URL", "زوروا الموقع www.example.com للمزيد.", "زوروا الموقع www.example.com للمزيد." },
        { "e-mail address", "راسلونا على info@example.com للاستفسار.", "راسلونا على info@example.com للاستفسار." },
        { "domain spelt in Arabic", "وقال لموقع العربية.نت إن الاتفاق قريب.", "وقال لموقع العربية.نت إن الاتفاق قريب." },
        { "stray straight quote does not pair", "الرقم \"12 في القائمة و\" 13\" الأخرى.وأضاف المسؤول أن التسجيل مستمر.", "الرقم \"12 في القائمة و\" 13\" الأخرى. | وأضاف المسؤول أن التسجيل مستمر." },
        { "sub-heading glued to its paragraph", "ارتفعت الأسعار.أزمة السيولةوقال المحلل إن الأزمة ستطول.", "ارتفعت الأسعار. | أزمة السيولة | وقال المحلل إن الأزمة ستطول." },
        { "missing space is not a sub-heading", "زار الوفد المدينةوالقرى المجاورة.", "زار الوفد المدينةوالقرى المجاورة." },
        { "separator line is not a sentence", "انتهى الخبر.\n***\nبدأ خبر آخر.", "انتهى الخبر. | بدأ خبر آخر." },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Rule_splits_as_specified(string rule, string text, string expected)
    {
        var got = string.Join(" | ", SentenceSplitter.Split(text).Select(s => text[s.Start..s.End]));
        Assert.True(expected == got, $"{rule}: got «{got}»");
    }

    [Fact]
    public void Sentences_name_their_rule()
    {
        const string text = "وصل الوفد.وأوضح المتحدث أن الزيارة قصيرة. ثم غادر\nعنوان";
        var by = SentenceSplitter.Split(text).Select(s => s.By).ToList();
        Assert.Equal(["sentence-splitter:glued", "sentence-splitter:stop", "sentence-splitter:newline", "sentence-splitter:end"], by);
    }

    [Fact]
    public void Over_long_run_is_cut_at_a_comma()
    {
        var text = string.Concat(Enumerable.Repeat("وقال المسؤول إن العمل مستمر، ", 200));
        var sentences = SentenceSplitter.Split(text);
        Assert.True(sentences.Count >= 3);
        Assert.All(sentences, s => Assert.True(s.End - s.Start <= SentenceSplitter.MaxSentenceLength));
        Assert.Contains(sentences, s => s.By == "sentence-splitter:length");
        Assert.All(sentences.SkipLast(1), s => Assert.Equal('،', text[s.End - 1]));
    }

    [Fact]
    public void Sentences_are_trimmed_and_ordered()
    {
        const string text = "  أولا.   ثانيا!\n\n  ثالثا؟  ";
        var sentences = SentenceSplitter.Split(text);
        Assert.Equal(["أولا.", "ثانيا!", "ثالثا؟"], sentences.Select(s => text[s.Start..s.End]));
        for (var i = 1; i < sentences.Count; i++)
            Assert.True(sentences[i - 1].End <= sentences[i].Start);
    }
}
