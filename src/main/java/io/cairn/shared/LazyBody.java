package io.cairn.shared;

import jakarta.servlet.http.HttpServletResponse;
import java.io.Flushable;
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
        OnFirstUse<Writer> out = new OnFirstUse<>(response::getWriter);
        return new Writer() {
            @Override
            public void write(char[] buffer, int offset, int length) throws IOException {
                out.get().write(buffer, offset, length);
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
    }

    /** The response's output stream, asked for at the first byte. */
    public static OutputStream stream(HttpServletResponse response) {
        OnFirstUse<OutputStream> out = new OnFirstUse<>(response::getOutputStream);
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                out.get().write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.get().write(bytes, offset, length);
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
    }

    /** How the response gives its writer or stream. */
    private interface Opening<T> {
        T open() throws IOException;
    }

    /** The response's writer or stream, asked for once, at its first use; flushing before that does nothing. */
    private static final class OnFirstUse<T extends Flushable> {

        private final Opening<T> opening;
        private @Nullable T opened;

        OnFirstUse(Opening<T> opening) {
            this.opening = opening;
        }

        T get() throws IOException {
            T found = opened;
            if (found == null) {
                found = opening.open();
                opened = found;
            }
            return found;
        }

        void flush() throws IOException {
            T found = opened;
            if (found != null) {
                found.flush();
            }
        }
    }
}
