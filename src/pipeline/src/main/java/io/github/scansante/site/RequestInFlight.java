package io.github.scansante.site;

import java.io.IOException;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.client5.http.classic.ExecRuntime;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;

/**
 * Keeps hold of the connection of the last request sent (one at a time), so that a run that must
 * stop can abandon a request that hangs instead of waiting for its time-out.
 */
public final class RequestInFlight implements ExecChainHandler {

  private volatile ExecRuntime last;

  @Override
  public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
      throws IOException, HttpException {
    last = scope.execRuntime;
    return chain.proceed(request, scope);
  }

  /** Drops the connection of the request in flight, if any: its read fails at once. */
  public void abandon() {
    ExecRuntime runtime = last;
    if (runtime != null && runtime.isEndpointAcquired()) {
      runtime.discardEndpoint();
    }
  }
}
