package io.laxin.poster.wechat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.laxin.testsupport.TestHttp;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/**
 * A local stand-in for WeChat's server API: {@code GET /cgi-bin/token} hands out numbered tokens ({@code TOKEN-1},
 * {@code TOKEN-2}, …) valid {@link #EXPIRES_IN} seconds, and {@code POST /wxa/getwxacodeunlimit} answers a PNG for
 * the newest token, errcode 40001 for an older one. Either can be told to answer an errcode instead.
 */
public final class FakeWechat implements AutoCloseable {

    public static final String APP_ID = "wx-test-app";
    public static final String APP_SECRET = "test-secret-not-real";
    public static final long EXPIRES_IN = 7200;

    public record Call(String path, String query, String body) {}

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private volatile Integer tokenErrcode;
    private volatile Integer codeErrcode;

    private FakeWechat() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/cgi-bin/token", this::token);
        server.createContext("/wxa/getwxacodeunlimit", this::code);
        server.start();
    }

    public static FakeWechat start() {
        try {
            return new FakeWechat();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Call> calls(String path) {
        return calls.stream().filter(c -> c.path().equals(path)).toList();
    }

    /** How many tokens were handed out; only the newest is valid. */
    public int tokensIssued() {
        return tokensIssued.get();
    }

    public void failTokenWith(Integer errcode) {
        this.tokenErrcode = errcode;
    }

    public void failCodeWith(Integer errcode) {
        this.codeErrcode = errcode;
    }

    public void reset() {
        calls.clear();
        tokenErrcode = null;
        codeErrcode = null;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void token(HttpExchange exchange) throws IOException {
        try (exchange) {
            String query = exchange.getRequestURI().getRawQuery();
            calls.add(new Call("/cgi-bin/token", query, ""));
            if (tokenErrcode != null) {
                json(exchange, Map.of("errcode", tokenErrcode, "errmsg", "invalid appsecret rid: fake"));
            } else if (query == null
                    || !query.contains("appid=" + APP_ID)
                    || !query.contains("secret=" + APP_SECRET)
                    || !query.contains("grant_type=client_credential")) {
                json(exchange, Map.of("errcode", 40013, "errmsg", "invalid appid"));
            } else {
                json(
                        exchange,
                        Map.of("access_token", "TOKEN-" + tokensIssued.incrementAndGet(), "expires_in", EXPIRES_IN));
            }
        }
    }

    private void code(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String query = exchange.getRequestURI().getRawQuery();
            calls.add(new Call("/wxa/getwxacodeunlimit", query, body));
            if (codeErrcode != null) {
                json(exchange, Map.of("errcode", codeErrcode, "errmsg", "invalid scene rid: fake"));
                return;
            }
            if (query == null || !query.equals("access_token=TOKEN-" + tokensIssued.get())) {
                json(exchange, Map.of("errcode", 40001, "errmsg", "invalid credential, access_token is invalid"));
                return;
            }
            byte[] png = codeImage();
            exchange.getResponseHeaders().set("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, png.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(png);
            }
        }
    }

    /** A round "mini-program code" stand-in: a dark disc on white, 430 px. */
    public static byte[] codeImage() {
        BufferedImage image = new BufferedImage(430, 430, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 430, 430);
        g.setColor(new Color(0x07C160));
        g.fillOval(15, 15, 400, 400);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void json(HttpExchange exchange, Object body) throws IOException {
        byte[] bytes = TestHttp.JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        // WeChat answers its errors with status 200 and a JSON body
        exchange.getResponseHeaders().set("Content-Type", "application/json; encoding=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
