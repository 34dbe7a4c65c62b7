package io.jclas.pretrained;

import java.util.ArrayList;
import java.util.List;

/**
 * What an import did: parameters filled from the file, the classifier keys skipped because the
 * class count differs, the first convolution summed over RGB, layers set to the identity, and
 * (when not strict) what did not fit.
 *
 * @param from the file and its format, e.g. {@code resnet18.pth (PyTorch zip)}
 * @param filled jclas parameters set from the file or to the identity
 * @param total jclas parameters in the network
 * @param recreated file keys of the classifier that kept their initial values (another class_num)
 * @param summedOverRgb the file key of the first convolution, summed over its 3 input channels; null if not
 * @param identity jclas layers set to the identity (layers the file's architecture has not)
 * @param missing jclas parameters the file has no key for (only when not strict)
 * @param unexpected file keys no parameter used (only when not strict)
 * @param wrongShape "key [file shape] for [jclas shape]" entries left at their initial values (only when not strict)
 */
public record ImportReport(String from, int filled, int total, List<String> recreated, String summedOverRgb,
        List<String> identity, List<String> missing, List<String> unexpected, List<String> wrongShape) {

    /** The same report with the file's format after its name. */
    public ImportReport withFormat(String format) {
        return new ImportReport(from + " (" + format + ")", filled, total, recreated, summedOverRgb, identity, missing,
                unexpected, wrongShape);
    }

    /** One line per thing worth saying, the first being the count. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add("imported " + from + ": filled " + filled + " of " + total + " parameters");
        if (!recreated.isEmpty()) {
            out.add("classifier re-created for another class_num (kept initial): skipped " + String.join(", ", recreated));
        }
        if (summedOverRgb != null) {
            out.add("first convolution " + summedOverRgb + " summed over RGB for 1 input channel");
        }
        if (!identity.isEmpty()) {
            out.add("set to the identity (the file's architecture has no such layer): " + WeightImporter.firstFew(identity));
        }
        if (!missing.isEmpty()) {
            out.add("not in the file, kept initial: " + WeightImporter.firstFew(missing));
        }
        if (!unexpected.isEmpty()) {
            out.add("unused file keys: " + WeightImporter.firstFew(unexpected));
        }
        if (!wrongShape.isEmpty()) {
            out.add("wrong shape, kept initial: " + WeightImporter.firstFew(wrongShape));
        }
        return out;
    }
}
