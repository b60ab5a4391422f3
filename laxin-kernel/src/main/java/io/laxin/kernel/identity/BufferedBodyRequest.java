package io.laxin.kernel.identity;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A request whose body was read once (bounded) so its digest could be checked, and which hands the same bytes to
 * whoever reads it next (the controller). Unlike {@code ContentCachingRequestWrapper} the bytes are there before
 * anyone reads.
 */
final class BufferedBodyRequest extends HttpServletRequestWrapper {

    private final byte[] body;

    private BufferedBodyRequest(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
    }

    /** Thrown when the body is longer than the limit. */
    static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("The body is longer than " + limit + " bytes");
        }
    }

    /** Reads at most {@code maxBytes} of the body; more is {@link TooLarge}. */
    static BufferedBodyRequest read(HttpServletRequest request, long maxBytes) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            throw new TooLarge(maxBytes);
        }
        InputStream in = request.getInputStream();
        byte[] body = in.readNBytes((int) Math.min(maxBytes, Integer.MAX_VALUE - 8));
        if (in.read() != -1) {
            throw new TooLarge(maxBytes);
        }
        return new BufferedBodyRequest(request, body);
    }

    byte[] body() {
        return body;
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                try {
                    listener.onDataAvailable();
                    listener.onAllDataRead();
                } catch (IOException e) {
                    listener.onError(e);
                }
            }

            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, len);
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
}
