package io.cairn.shared;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import org.jspecify.annotations.Nullable;

/**
 * A response's body that is asked for only when first written to, so that a refusal found before anything is written
 * is still answered as problem details.
 */
public final class LazyBody {

    private LazyBody() {}

    /** The response's writer, asked for at the first character. */
    public static Writer writer(HttpServletResponse response) {
        return new Writer() {
            private @Nullable Writer out;

            private Writer out() throws IOException {
                Writer found = out;
                if (found == null) {
                    found = response.getWriter();
                    out = found;
                }
                return found;
            }

            @Override
            public void write(char[] buffer, int offset, int length) throws IOException {
                out().write(buffer, offset, length);
            }

            @Override
            public void flush() throws IOException {
                if (out != null) {
                    out.flush();
                }
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    /** The response's output stream, asked for at the first byte. */
    public static OutputStream stream(HttpServletResponse response) {
        return new OutputStream() {
            private @Nullable OutputStream out;

            private OutputStream out() throws IOException {
                OutputStream found = out;
                if (found == null) {
                    found = response.getOutputStream();
                    out = found;
                }
                return found;
            }

            @Override
            public void write(int b) throws IOException {
                out().write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out().write(bytes, offset, length);
            }

            @Override
            public void flush() throws IOException {
                if (out != null) {
                    out.flush();
                }
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
