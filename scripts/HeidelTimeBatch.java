// Runs HeidelTime standalone (news, English, TreeTagger) over many documents in one JVM, for
// scripts/heideltime_peer.py: each argument triple is INPUT DCT OUTPUT (DCT as YYYY-MM-DD, or
// "-" for none); the first argument is the config.props path. Launched as a single-file
// program (java -cp heideltime.jar HeidelTimeBatch.java ...), which needs a JDK.
import de.unihd.dbs.heideltime.standalone.DocumentType;
import de.unihd.dbs.heideltime.standalone.HeidelTimeStandalone;
import de.unihd.dbs.heideltime.standalone.OutputType;
import de.unihd.dbs.heideltime.standalone.POSTagger;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.SimpleDateFormat;

public class HeidelTimeBatch {
    public static void main(String[] args) throws Exception {
        HeidelTimeStandalone tagger = new HeidelTimeStandalone(Language.ENGLISH, DocumentType.NEWS,
                OutputType.TIMEML, args[0], POSTagger.TREETAGGER);
        SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd");
        for (int i = 1; i + 2 <= args.length - 1; i += 3) {
            String text = Files.readString(Path.of(args[i]), StandardCharsets.UTF_8);
            String output = args[i + 1].equals("-") ? tagger.process(text)
                    : tagger.process(text, format.parse(args[i + 1]));
            Files.writeString(Path.of(args[i + 2]), output, StandardCharsets.UTF_8);
        }
    }
}
