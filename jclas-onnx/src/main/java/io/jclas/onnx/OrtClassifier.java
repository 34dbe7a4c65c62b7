package io.jclas.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.jclas.JclasException;
import io.jclas.config.DeviceSpec;
import io.jclas.data.transform.Preprocessing;
import io.jclas.infer.Classifier;
import io.jclas.infer.ClassifierOptions;
import io.jclas.infer.ModelDescription;
import io.jclas.infer.Prediction;
import io.jclas.infer.TopK;
import io.jclas.model.InferenceFiles;
import io.jclas.model.InferenceYaml;
import io.jclas.model.Labels;
import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A {@link Classifier} on ONNX Runtime: one shared session (ORT sessions are thread-safe),
 * inter-op 1, intra-op threads as the options say, every graph optimisation on. Opens jclas
 * exports (model.onnx + inference.yml + labels.txt) and foreign ONNX classifiers (torchvision,
 * Paddle2ONNX) when the preprocessing is given as an option.
 */
public final class OrtClassifier implements Classifier {
    public static final String ENGINE = "onnxruntime";

    private final OrtSession session;
    private final String inputName;
    private final boolean singleImageBatches;
    private final boolean foreign;
    private final String name;
    private final List<String> labels;
    private final Preprocessing preprocess;
    private final int threads;
    private final DirectBuffers buffers = new DirectBuffers();

    private OrtClassifier(Path model, OrtSession session, String name, List<String> labels, Preprocessing preprocess,
            int threads) throws OrtException {
        this.session = session;
        this.name = name;
        this.labels = labels;
        this.preprocess = preprocess;
        this.threads = threads;
        // jclas exports end in logits; a foreign model may end in a softmax, which is then not applied twice
        this.foreign = !OnnxGraph.PRODUCER.equals(session.getMetadata().getProducerName());
        Map.Entry<String, NodeInfo> input = session.getInputInfo().entrySet().iterator().next();
        this.inputName = input.getKey();
        long[] shape = ((TensorInfo) input.getValue().getInfo()).getShape();
        checkInputShape(model, shape, preprocess);
        // some foreign exports fix the batch at 1: run their batches image by image
        this.singleImageBatches = shape[0] == 1;
    }

    /**
     * Opens {@code dir}/model.onnx. Preprocessing comes from {@code options.preprocess()} or else
     * the directory's inference.yml; without either the model cannot be fed, and this fails
     * saying which option to give.
     */
    public static OrtClassifier open(Path dir, ClassifierOptions options) {
        Path model = dir.resolve(InferenceFiles.MODEL);
        if (!Files.isRegularFile(model)) {
            throw new JclasException("no " + InferenceFiles.MODEL + " in " + dir,
                    "export a checkpoint first (`jclas export`) or point at the folder that holds model.onnx");
        }
        InferenceYaml inference = InferenceFiles.readInferenceYaml(dir);
        Preprocessing preprocess = options.preprocess() != null ? options.preprocess()
                : inference == null ? null : inference.preprocess();
        if (preprocess == null) {
            throw new JclasException(model + " has no " + InferenceFiles.INFERENCE_YAML + " to say how to preprocess images",
                    "give the preprocessing: --input-size 224 (and --resize-short/--mean/--std) on the command line, "
                            + "ClassifierOptions.withPreprocess(...) in Java, or an inference.yml next to model.onnx "
                            + "(docs/deploy.md, foreign models)");
        }
        String name = inference != null ? inference.modelName() : dir.toAbsolutePath().getFileName().toString();
        List<String> labels = Labels.read(dir);
        try (OrtSession.SessionOptions settings = sessionOptions(options.threads(), options.device())) {
            OrtSession session = OrtEnvironment.getEnvironment().createSession(model.toString(), settings);
            try {
                checkClasses(dir, session, inference, labels);
                return new OrtClassifier(model, session, name, labels, preprocess, options.threads());
            } catch (RuntimeException | OrtException e) {
                session.close();
                throw e;
            }
        } catch (OrtException e) {
            String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            throw new JclasException("ONNX Runtime cannot load " + model + " (truncated, damaged or not ONNX): " + why,
                    "export the checkpoint again (jclas export); a foreign model must be an ONNX image classifier "
                            + "with one NCHW float input", e);
        }
    }

    /**
     * The class count of the model's output against inference.yml's and labels.txt's: files of two
     * different exports (another architecture or class count) in one directory fail naming the file.
     */
    private static void checkClasses(Path dir, OrtSession session, InferenceYaml inference, List<String> labels)
            throws OrtException {
        long[] out = ((TensorInfo) session.getOutputInfo().values().iterator().next().getInfo()).getShape();
        long classes = out.length == 2 ? out[1] : -1;
        if (classes <= 0) {
            return;
        }
        if (inference != null && inference.classNum() != classes) {
            throw new JclasException(dir.resolve(InferenceFiles.INFERENCE_YAML) + " describes a model of "
                    + inference.classNum() + " classes, but " + InferenceFiles.MODEL + " outputs " + classes,
                    "the files come from different exports: export the checkpoint again into an empty folder");
        }
        if (!labels.isEmpty() && labels.size() != classes) {
            throw new JclasException(dir.resolve(InferenceFiles.LABELS) + " names " + labels.size()
                    + " classes, but " + InferenceFiles.MODEL + " outputs " + classes,
                    "give one class name per line, " + classes + " lines (jclas export writes them)");
        }
    }

    /** The session settings every jclas ORT session uses (the benchmark's bare session too). */
    public static OrtSession.SessionOptions sessionOptions(int threads, String device) throws OrtException {
        DeviceSpec spec = DeviceSpec.single(device, "device");
        OrtSession.SessionOptions opts = new OrtSession.SessionOptions();
        opts.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        opts.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
        opts.setInterOpNumThreads(1);
        if (threads > 0) {
            opts.setIntraOpNumThreads(threads);
        }
        if (spec.isGpu()) {
            try {
                opts.addCUDA(spec.gpu());
            } catch (OrtException | UnsatisfiedLinkError e) {
                opts.close();
                throw new JclasException("device " + spec + " asked for, but ONNX Runtime has no CUDA provider here",
                        "use device cpu, or put the onnxruntime_gpu artifact on the class path with a CUDA driver");
            }
        }
        return opts;
    }

    private static void checkInputShape(Path model, long[] shape, Preprocessing preprocess) {
        int side = preprocess.inputSize();
        boolean fits = shape.length == 4
                && (shape[1] < 0 || shape[1] == preprocess.channels())
                && (shape[2] < 0 || shape[2] == side)
                && (shape[3] < 0 || shape[3] == side);
        if (!fits) {
            throw new JclasException(model + " takes input " + java.util.Arrays.toString(shape)
                    + ", not the [N, " + preprocess.channels() + ", " + side + ", " + side + "] of the preprocessing",
                    "give preprocessing whose channels and crop size match the model's input");
        }
    }

    @Override
    public List<Prediction> predict(BufferedImage image, int topk) {
        return predictBatch(List.of(image), topk).get(0);
    }

    @Override
    public List<List<Prediction>> predictBatch(List<BufferedImage> images, int topk) {
        if (singleImageBatches && images.size() > 1) {
            List<List<Prediction>> out = new ArrayList<>();
            for (BufferedImage image : images) {
                out.addAll(predictBatch(List.of(image), topk));
            }
            return out;
        }
        int side = preprocess.inputSize();
        FloatBuffer batch = buffers.take(images.size() * preprocess.channels() * side * side);
        try {
            for (BufferedImage image : images) {
                batch.put(preprocess.toTensor(image));
            }
            return run(batch.flip(), images.size(), topk);
        } finally {
            buffers.give(batch);
        }
    }

    @Override
    public List<List<Prediction>> predictTensor(float[] tensor, int n, int topk) {
        if (singleImageBatches && n > 1) {
            int each = tensor.length / n;
            List<List<Prediction>> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                out.addAll(predictTensor(Arrays.copyOfRange(tensor, i * each, (i + 1) * each), 1, topk));
            }
            return out;
        }
        FloatBuffer batch = buffers.take(tensor.length);
        try {
            return run(batch.put(tensor).flip(), n, topk);
        } finally {
            buffers.give(batch);
        }
    }

    private List<List<Prediction>> run(FloatBuffer batch, int n, int topk) {
        int side = preprocess.inputSize();
        long[] shape = {n, preprocess.channels(), side, side};
        try (OnnxTensor x = OnnxTensor.createTensor(OrtEnvironment.getEnvironment(), batch, shape);
                OrtSession.Result result = session.run(Map.of(inputName, x))) {
            FloatBuffer out = ((OnnxTensor) result.get(0)).getFloatBuffer();
            float[] scores = new float[out.remaining()];
            out.get(scores);
            int classes = scores.length / n;
            boolean probabilities = foreign && TopK.looksLikeProbabilities(scores, n, classes);
            return TopK.rows(scores, n, classes, topk, labels, probabilities);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed on a batch of " + n + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ModelDescription describe() {
        return new ModelDescription(name, ENGINE, labels, preprocess, threads);
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close the ONNX Runtime session", e);
        }
    }
}
