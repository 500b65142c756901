package io.github.scansante.site;

import io.github.scansante.page.MalformedPageException;
import io.github.scansante.page.TruncatedPageException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.client5.http.classic.ExecRuntime;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;

/**
 * Caps the bytes read from any answer of the site, where they are read. camel-http copies a whole
 * body into memory before the route sees it, so a cap checked afterwards comes too late: a body of
 * gigabytes exhausts the heap first. Installed in HttpClient's exec chain, this counts bytes as
 * camel-http reads them and, past the cap, drops the connection (closing the stream instead would
 * drain the rest of the body) and fails the answer as a {@link MalformedPageException}. A body that
 * ends before its announced length is a {@link TruncatedPageException}, retried like a cut page.
 */
public final class BodyCap implements ExecChainHandler {

  private final long maxBytes;

  public BodyCap(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** The reason given for an answer over the cap, wherever it is caught. */
  public static MalformedPageException tooLarge(long maxBytes) {
    return new MalformedPageException("body larger than " + maxBytes + " bytes");
  }

  @Override
  public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
      throws IOException, HttpException {
    ClassicHttpResponse response = chain.proceed(request, scope);
    HttpEntity entity = response.getEntity();
    if (entity == null) {
      return response;
    }
    if (entity.getContentLength() > maxBytes) {
      // Dropping the connection is all the cleaning up there is: closing the response would read on.
      scope.execRuntime.discardEndpoint();
      throw tooLarge(maxBytes);
    }
    response.setEntity(new CappedEntity(entity, maxBytes, scope.execRuntime));
    return response;
  }

  /** The answer's entity, whose content stops at the cap. */
  private static final class CappedEntity extends HttpEntityWrapper {
    private final long maxBytes;
    private final ExecRuntime connection;

    CappedEntity(HttpEntity entity, long maxBytes, ExecRuntime connection) {
      super(entity);
      this.maxBytes = maxBytes;
      this.connection = connection;
    }

    @Override
    public InputStream getContent() throws IOException {
      return new CappedStream(super.getContent(), maxBytes, connection);
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
      try (InputStream in = getContent()) {
        in.transferTo(out);
      }
    }
  }

  /** Counts what is read; the first byte past the cap drops the connection and fails the read. */
  private static final class CappedStream extends FilterInputStream {
    private final long maxBytes;
    private final ExecRuntime connection;
    private long read;

    CappedStream(InputStream in, long maxBytes, ExecRuntime connection) {
      super(in);
      this.maxBytes = maxBytes;
      this.connection = connection;
    }

    @Override
    public int read() throws IOException {
      int b;
      try {
        b = super.read();
      } catch (ConnectionClosedException e) {
        throw cutShort(e);
      }
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n;
      try {
        n = super.read(b, off, len);
      } catch (ConnectionClosedException e) {
        throw cutShort(e);
      }
      if (n > 0) {
        count(n);
      }
      return n;
    }

    /** HttpClient's "Premature end of Content-Length delimited message body": a page cut short. */
    private static TruncatedPageException cutShort(ConnectionClosedException e) {
      return new TruncatedPageException("cut short: " + e.getMessage(), e);
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count(skipped);
      return skipped;
    }

    private void count(long n) {
      read += n;
      if (read > maxBytes) {
        connection.discardEndpoint();
        throw tooLarge(maxBytes);
      }
    }
  }
}
