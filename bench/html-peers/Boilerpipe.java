// boilerpipe (Debian libboilerpipe-java) ArticleExtractor over the pages listed in a TSV file.
// Usage: java -cp boilerpipe.jar:nekohtml.jar:xercesImpl.jar:. Boilerpipe PAGES.tsv OUT_DIR REPEATS
// Writes OUT_DIR/<id>.txt (main text, one block per line) and OUT_DIR/timing.json.
import de.l3s.boilerpipe.extractors.ArticleExtractor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public final class Boilerpipe {
    private Boilerpipe() { }

    private static String extract(String html) {
        try {
            String text = ArticleExtractor.INSTANCE.getText(html);
            return text == null ? "" : text;
        } catch (Exception e) {
            return "";
        }
    }

    public static void main(String[] args) throws Exception {
        Path pagesFile = Path.of(args[0]);
        Path outDir = Path.of(args[1]);
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<String[]> pages = new ArrayList<>();
        for (String line : Files.readAllLines(pagesFile, StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            String[] f = line.split("\t");
            pages.add(new String[] {f[0], Files.readString(Path.of(f[1]), StandardCharsets.UTF_8)});
        }
        Files.createDirectories(outDir);
        for (String[] p : pages) extract(p[1]); // warm-up pass
        Map<String, String> results = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        for (int r = 0; r < repeats; r++)
            for (String[] p : pages) results.put(p[0], extract(p[1]));
        double seconds = (System.nanoTime() - t0) / 1e9;
        for (Map.Entry<String, String> e : results.entrySet())
            Files.writeString(outDir.resolve(e.getKey() + ".txt"), e.getValue(), StandardCharsets.UTF_8);
        Files.writeString(outDir.resolve("timing.json"),
            String.format(java.util.Locale.ROOT, "{\"extractor\": \"boilerpipe\", \"pages\": %d, \"seconds\": %.6f}", pages.size() * repeats, seconds));
        System.err.printf(java.util.Locale.ROOT, "boilerpipe: %d pages x %d in %.2f s%n", pages.size(), repeats, seconds);
    }
}
