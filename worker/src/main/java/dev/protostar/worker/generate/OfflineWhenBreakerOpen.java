package dev.protostar.worker.generate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code protostar.llm.on-breaker-open: offline}: while the breaker is open a turn is answered by the
 * offline (extractive) mode instead of failing. Safe because an open breaker refuses before any token is
 * streamed.
 */
final class OfflineWhenBreakerOpen implements Generator {

    private static final Logger log = LoggerFactory.getLogger(OfflineWhenBreakerOpen.class);

    private final Generator model;
    private final Generator offline;

    OfflineWhenBreakerOpen(Generator model, Generator offline) {
        this.model = model;
        this.offline = offline;
    }

    /** Judged as the model does; while the breaker is open the offline mode answers, and refuses as it would. */
    @Override
    public boolean judgesCoverage() {
        return model.judgesCoverage();
    }

    @Override
    public Generation generate(Ask ask, TokenSink sink) {
        try {
            return model.generate(ask, sink);
        } catch (BreakerOpenException e) {
            log.info("LLM breaker open: answered in the offline mode");
            return offline.generate(ask, sink);
        }
    }
}
