package dev.protostar.chat.limits;

import dev.protostar.chat.problem.ApiProblem;
import dev.protostar.chat.problem.ProblemWhileReading;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * A request whose body cannot be read past {@code cap} bytes: the read that would cross it fails with
 * {@link ProblemWhileReading}, whatever the client declared (a chunked body declares nothing).
 */
final class CappedRequest extends HttpServletRequestWrapper {

    private final long cap;
    private final Supplier<ApiProblem> tooLarge;
    private ServletInputStream stream;
    private BufferedReader reader;

    CappedRequest(HttpServletRequest request, long cap, Supplier<ApiProblem> tooLarge) {
        super(request);
        this.cap = cap;
        this.tooLarge = tooLarge;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (stream == null) {
            stream = new Counted(super.getInputStream());
        }
        return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        if (reader == null) {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
        return reader;
    }

    private final class Counted extends ServletInputStream {

        private final ServletInputStream body;
        private long read;

        Counted(ServletInputStream body) {
            this.body = body;
        }

        @Override
        public int read() throws IOException {
            int next = body.read();
            if (next >= 0) {
                count(1);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            // never asks for more than one byte past the cap: that byte alone proves the body too large
            int n = body.read(buffer, offset, (int) Math.min(length, cap - read + 1));
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > cap) {
                throw new ProblemWhileReading(tooLarge.get());
            }
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }

        @Override
        public void close() throws IOException {
            body.close();
        }
    }
}
