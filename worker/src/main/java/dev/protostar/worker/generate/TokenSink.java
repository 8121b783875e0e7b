package dev.protostar.worker.generate;

/** Where a generator streams its answer. */
public interface TokenSink {

    void token(String text);

    /** True once nobody wants the rest (client gone, partition lost): the generator stops. */
    boolean cancelled();
}
