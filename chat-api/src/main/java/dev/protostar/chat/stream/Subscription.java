package dev.protostar.chat.stream;

/** A client's place in a session's event stream; closing it stops the deliveries. */
public interface Subscription {

    void close();
}
