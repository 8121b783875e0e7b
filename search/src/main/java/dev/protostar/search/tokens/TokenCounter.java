package dev.protostar.search.tokens;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/** Token counts with a real BPE tokenizer (cl100k), for when a provider reports none. */
public final class TokenCounter {

    private static final Encoding ENCODING = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);

    private TokenCounter() {}

    public static int count(String text) {
        return text == null || text.isEmpty() ? 0 : ENCODING.countTokens(text);
    }
}
