package fi.perhekeskus.infra.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A request body over the limit (docs/contract.md: 256 KiB) gets 413 before anything reads it: a declared
 * {@code Content-Length} is checked up front, and a body without one (chunked) is counted as it
 * streams, failing the read at the first byte over the limit. Either way the handler never runs,
 * so nothing changes.
 */
public class RequestBodyLimit extends OncePerRequestFilter {

    public static final long DEFAULT_MAX_BYTES = 256 * 1024;

    private final long maxBytes;
    private final ProblemWriter problems;

    public RequestBodyLimit(long maxBytes, ProblemWriter problems) {
        this.maxBytes = maxBytes;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            if (declared <= DRAIN_MAX_BYTES) {
                drain(request);
            } else {
                response.setHeader("Connection", "close");
            }
            tooLarge(request, response);
            return;
        }
        Counted counted = new Counted(request, maxBytes);
        try {
            chain.doFilter(counted, response);
        } catch (ServletException | IOException | RuntimeException e) {
            // Thrown by a reader outside Spring MVC's handling (MVC answers 413 itself, see ProblemDetailsAdvice).
            if (!BodyTooLargeException.isCauseOf(e) || response.isCommitted()) {
                throw e;
            }
            response.reset();
            tooLarge(request, response);
        } finally {
            if (counted.exceeded()) {
                // The rest of a refused streamed body, read before the 413 leaves (see DRAIN_MAX_BYTES).
                drain(request);
            }
        }
    }

    /**
     * A client that sends its whole body before reading the answer would see a broken connection
     * instead of its 413 when the server answers early; a body up to this size is read and dropped.
     */
    static final long DRAIN_MAX_BYTES = 2 * 1024 * 1024;

    private static void drain(HttpServletRequest request) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        var in = request.getInputStream();
        long drained = 0;
        int n;
        while (drained < DRAIN_MAX_BYTES && (n = in.read(buffer)) >= 0) {
            drained += n;
        }
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, tooLargeDetail(maxBytes));
    }

    static String tooLargeDetail(long maxBytes) {
        return "the request body is larger than " + (maxBytes / 1024) + " KiB";
    }

    /** Thrown by the body's stream at the first byte over the limit. */
    public static final class BodyTooLargeException extends IOException {

        BodyTooLargeException() {
            super("request body over the limit");
        }

        static boolean isCauseOf(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof BodyTooLargeException) {
                    return true;
                }
                if (t.getCause() == t) {
                    break;
                }
            }
            return false;
        }
    }

    private static final class Counted extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream stream;

        Counted(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        boolean exceeded() {
            return stream instanceof CountingStream counting && counting.exceeded;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), maxBytes);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset;
            try {
                charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            } catch (IllegalArgumentException unknown) {
                throw new UnsupportedEncodingException("unsupported charset");
            }
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long maxBytes;
        private long read;
        private boolean exceeded;

        CountingStream(ServletInputStream in, long maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > maxBytes) {
                exceeded = true;
                throw new BodyTooLargeException();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
