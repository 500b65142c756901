package io.github.scansante.service;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Answers of the status page's routes. */
final class HttpReplies {

  static final String NO_SNIFF = "X-Content-Type-Options";
  static final int SEE_OTHER = 303;
  static final int FORBIDDEN = 403;

  private HttpReplies() {}

  static void text(Message m, int status, String text) {
    m.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
    m.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=utf-8");
    m.setHeader(NO_SNIFF, "nosniff");
    m.setBody(text);
  }

  /** After a POST: back to the page, which shows the notice (Post/Redirect/Get). */
  static void seeOther(Message m, String location) {
    m.setHeader(Exchange.HTTP_RESPONSE_CODE, SEE_OTHER);
    m.setHeader("Location", location);
    m.setBody("");
  }
}
