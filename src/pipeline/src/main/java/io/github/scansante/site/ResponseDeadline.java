package io.github.scansante.site;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.client5.http.classic.ExecRuntime;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A deadline for the whole answer, headers and body, on top of the read time-out: the read time-out
 * counts only the silence between two bytes, so a server sending one byte a second would hold a
 * request for ever. At the deadline the connection is dropped from a timer thread (which unblocks
 * the read in progress) and the attempt fails with a {@link ResponseDeadlineExceeded}, an I/O error retried like a
 * time-out. Installed in HttpClient's exec chain, because camel-http reads the body after the
 * request returns.
 */
public final class ResponseDeadline implements ExecChainHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ResponseDeadline.class);

  /** One daemon thread for every deadline: each is a sleeping task, cancelled when its answer ends. */
  private static final ScheduledExecutorService TIMER = timer();

  private final long deadlineMillis;

  public ResponseDeadline(long deadlineMillis) {
    this.deadlineMillis = deadlineMillis;
  }

  /** The answer did not end within the deadline. */
  public static final class ResponseDeadlineExceeded extends SocketTimeoutException {
    private static final long serialVersionUID = 1L;

    ResponseDeadlineExceeded(long deadlineMillis) {
      super("no complete answer within the deadline of " + deadlineMillis + " ms (site.response-deadline-ms)");
    }
  }

  @Override
  public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
      throws IOException, HttpException {
    Watch watch = new Watch(request.getRequestUri(), scope.execRuntime);
    ClassicHttpResponse response;
    try {
      response = chain.proceed(request, scope);
    } catch (IOException e) {
      watch.end();
      throw watch.fired.get() ? watch.exceeded(e) : e;
    }
    HttpEntity entity = response.getEntity();
    if (entity == null) {
      watch.end();
      return response;
    }
    response.setEntity(new WatchedEntity(entity, watch));
    return response;
  }

  /** The deadline of one request: armed when it starts, disarmed when its body is read or closed. */
  private final class Watch {
    final AtomicBoolean fired = new AtomicBoolean();
    final ScheduledFuture<?> alarm;

    Watch(String uri, ExecRuntime connection) {
      alarm = TIMER.schedule(() -> {
        fired.set(true);
        LOG.warn("No complete answer from {} within {} ms: connection dropped, the attempt fails", uri, deadlineMillis);
        connection.discardEndpoint();
      }, deadlineMillis, TimeUnit.MILLISECONDS);
    }

    void end() {
      alarm.cancel(false);
    }

    IOException exceeded(IOException cause) {
      IOException e = new ResponseDeadlineExceeded(deadlineMillis);
      e.initCause(cause);
      return e;
    }
  }

  private static final class WatchedEntity extends HttpEntityWrapper {
    private final Watch watch;

    WatchedEntity(HttpEntity entity, Watch watch) {
      super(entity);
      this.watch = watch;
    }

    @Override
    public InputStream getContent() throws IOException {
      return new WatchedStream(super.getContent(), watch);
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
      try (InputStream in = getContent()) {
        in.transferTo(out);
      }
    }
  }

  /** Reads that fail once the deadline has passed say so, whatever the socket reported. */
  private static final class WatchedStream extends FilterInputStream {
    private final Watch watch;

    WatchedStream(InputStream in, Watch watch) {
      super(in);
      this.watch = watch;
    }

    @Override
    public int read() throws IOException {
      try {
        return ended(super.read());
      } catch (IOException e) {
        throw failed(e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return ended(super.read(b, off, len));
      } catch (IOException e) {
        throw failed(e);
      }
    }

    @Override
    public void close() throws IOException {
      watch.end();
      try {
        super.close();
      } catch (IOException e) {
        throw failed(e);
      }
    }

    private int ended(int n) throws IOException {
      if (watch.fired.get()) {
        throw watch.exceeded(null);
      }
      if (n < 0) {
        watch.end();
      }
      return n;
    }

    private IOException failed(IOException e) {
      watch.end();
      return watch.fired.get() ? watch.exceeded(e) : e;
    }
  }

  private static ScheduledExecutorService timer() {
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "response-deadline");
      t.setDaemon(true);
      return t;
    });
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }
}
