package dev.maigw.sdk.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Calls the MaiAgent API ({@code https://api.maiagent.ai/api/v1/} by default): conversations,
 * messages, chatbot completions (plain and streamed), attachment upload, inboxes and the webhook
 * log. Plain Java: {@link HttpClient} and Jackson, no framework. One instance is thread-safe and
 * meant to be shared.
 *
 * <p>Every API call carries {@code Authorization: Api-Key <key>} (the presigned storage upload
 * never does), sends JSON as {@code application/json}, and uses paths with a trailing slash.
 * Failures are {@link MaiAgentApiException}s carrying MaiAgent's status and body; the API key never
 * appears in them. Arguments are checked before anything is sent ({@link NullPointerException},
 * {@link IllegalArgumentException}).
 *
 * <h2>Retries: only where a repeat cannot duplicate anything</h2>
 *
 * <ul>
 *   <li><b>Reads</b> ({@link #getConversation}, {@link #listMessages}, {@link #listInboxes}, {@link
 *       #listWebhookRecords}), the presign request and the storage upload are repeated on any
 *       network failure (refused, reset, timeout) and on 429, 502, 503 and 504.
 *   <li><b>Calls that create</b> ({@link #createConversation}, {@link #sendMessage}, {@link
 *       #complete}, {@link #completeStreaming}, attachment registration) are repeated only when
 *       nothing was sent (connection refused or connect timeout) and on 429 with a {@code
 *       Retry-After} (MaiAgent refused without acting). Never after a timeout, a reset or a 5xx:
 *       MaiAgent may already have the message, and a repeat would put it before the AI twice. Such
 *       failures report {@link MaiAgentApiException#isOutcomeUnknown()}.
 * </ul>
 *
 * <p>At most {@code maxRetries} repeats; the wait follows {@code Retry-After} (seconds or HTTP
 * date, capped at {@code maxRetryAfter}), else exponential backoff with jitter. Redirects are not
 * followed.
 */
public final class MaiAgentClient implements AutoCloseable {

  /** MaiAgent's production API. */
  public static final URI DEFAULT_BASE_URL = URI.create("https://api.maiagent.ai/api/v1/");

  private final URI baseUrl;
  private final ApiCalls calls;
  private final ApiTransport transport;
  private final AtomicBoolean closed = new AtomicBoolean();

  MaiAgentClient(URI baseUrl, Integer pageSize, ApiTransport transport) {
    this.baseUrl = baseUrl;
    this.calls = new ApiCalls(baseUrl, pageSize);
    this.transport = transport;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The base URL in use, always ending with {@code /}. */
  public URI baseUrl() {
    return baseUrl;
  }

  /**
   * Starts a conversation: {@code POST conversations/ {"webChat": id}} (201).
   *
   * @param webChatId the AI assistant's Web Chat ID (an inbox's {@link Inbox#webChatId()})
   */
  public Conversation createConversation(String webChatId) {
    return transport.json(open(calls.createConversation(webChatId)), Conversation::fromJson);
  }

  /** {@code GET conversations/{id}/}; an unknown id fails with kind {@code NOT_FOUND}. */
  public Conversation getConversation(String conversationId) {
    return transport.json(open(calls.getConversation(conversationId)), Conversation::fromJson);
  }

  /**
   * Sends a user message: {@code POST messages/} (201). The receipt confirms MaiAgent stored it;
   * the AI's reply arrives later by webhook. After a failure with {@link
   * MaiAgentApiException#isOutcomeUnknown()} the message may or may not have been stored.
   *
   * @param attachments registered attachments ({@link #uploadAttachment}), sent as objects {@code
   *     {id, type, filename, file}}; null or empty for none
   */
  public MessageReceipt sendMessage(
      String conversationId, String content, List<AttachmentRef> attachments) {
    ApiCall call = calls.sendMessage(conversationId, content, attachments);
    return transport.json(open(call), MessageReceipt::fromJson);
  }

  /**
   * One page of a conversation's messages, newest first: {@code GET messages/?conversation=}.
   *
   * @param cursorOrNull null for the first page; else a page's {@link MessagePage#next()} link,
   *     whose query is sent to this client's own base URL (so the key never goes to a host the link
   *     names), or a bare cursor value
   */
  public MessagePage listMessages(String conversationId, String cursorOrNull) {
    ApiCall call = calls.listMessages(conversationId, cursorOrNull);
    return transport.jsonWithBytes(open(call), MessagePage::fromJson);
  }

  /**
   * A non-streaming chatbot completion: {@code POST chatbots/{id}/completions/}. The answer comes
   * in the response, not by webhook.
   *
   * @param conversationIdOrNull null to start a new conversation; the result names it
   * @param attachments registered attachments, or null for none
   */
  public CompletionResult complete(
      String chatbotId,
      String conversationIdOrNull,
      String content,
      List<AttachmentRef> attachments) {
    ApiCall call = calls.completion(chatbotId, conversationIdOrNull, content, attachments, false);
    return transport.json(open(call), CompletionResult::fromJson);
  }

  /**
   * A streamed chatbot completion (Server-Sent Events), returned once MaiAgent has answered 2xx.
   * Close the stream (try-with-resources); it also closes itself once it has ended.
   */
  public CompletionStream completeStreaming(
      String chatbotId,
      String conversationIdOrNull,
      String content,
      List<AttachmentRef> attachments) {
    ApiCall call = calls.completion(chatbotId, conversationIdOrNull, content, attachments, true);
    return CompletionStream.of(transport.send(open(call)), call);
  }

  /**
   * A streamed completion handed to {@code onChunk} chunk by chunk, on the calling thread. If
   * {@code onChunk} throws, the stream is closed and the exception propagates.
   *
   * @return the whole answer, as {@link CompletionStream#result()}
   */
  public CompletionResult completeStreaming(
      String chatbotId,
      String conversationIdOrNull,
      String content,
      List<AttachmentRef> attachments,
      Consumer<CompletionChunk> onChunk) {
    Objects.requireNonNull(onChunk, "onChunk");
    try (CompletionStream stream =
        completeStreaming(chatbotId, conversationIdOrNull, content, attachments)) {
      while (stream.hasNext()) {
        onChunk.accept(stream.next());
      }
      return stream.result();
    }
  }

  /**
   * Uploads a file and registers it as an attachment for {@link #sendMessage} or a completion:
   * presign ({@code POST upload-presigned-url/}); upload to the storage URL it names (multipart,
   * presigned fields in order and the file last, no Authorization header, any 2xx, normally 204);
   * register ({@code POST attachments/}, or {@code conversations/{id}/attachments/} when a
   * conversation is given, 201). A failed registration leaves at most an unused stored file.
   *
   * @param type {@code image}, {@code video}, {@code audio}, {@code sticker} or {@code other}; null
   *     lets MaiAgent choose
   */
  public AttachmentRef uploadAttachment(
      String conversationIdOrNull, String filename, byte[] bytes, String type) {
    ApiCalls.required(filename, "filename");
    Objects.requireNonNull(bytes, "bytes");
    String scope =
        conversationIdOrNull == null ? null : calls.conversationPath(conversationIdOrNull);
    ensureOpen();
    return new PresignedUpload(transport, baseUrl).upload(scope, filename, bytes, type);
  }

  /**
   * Every inbox: {@code GET inboxes/}, following {@code next} until it is null.
   *
   * @throws MaiAgentApiException of kind {@code INVALID_RESPONSE} if a {@code next} link repeats
   */
  public List<Inbox> listInboxes() {
    return allPages(calls::listInboxes, Inbox::fromJson);
  }

  /**
   * MaiAgent's log of webhook sends for one AI assistant, every attempt that MaiAgent recorded,
   * failed ones included: {@code GET chatbots/{id}/webhook-records/}, following {@code next} (page
   * numbers) until it is null. In MaiAgent's order (newest first, as far as is known).
   *
   * @throws MaiAgentApiException of kind {@code INVALID_RESPONSE} if a {@code next} link repeats
   */
  public List<WebhookRecord> listWebhookRecords(String chatbotId) {
    ApiUrls.segment(chatbotId, "chatbotId");
    return allPages(next -> calls.listWebhookRecords(chatbotId, next), WebhookRecord::fromJson);
  }

  /** Stops this client taking new calls. Open {@link CompletionStream}s stay readable. */
  @Override
  public void close() {
    closed.set(true);
  }

  /** Every item of a page-number listing, from the first page to the one without {@code next}. */
  private <T> List<T> allPages(Function<String, ApiCall> page, Function<JsonNode, T> item) {
    List<T> items = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String next = null;
    do {
      ApiCall call = open(page.apply(next));
      next = transport.json(call, json -> readPage(json, item, items));
      if (next != null && !seen.add(next)) {
        throw ApiErrors.invalidResponse(call, 200, next, "Paging repeats a next link.", null);
      }
    } while (next != null);
    return List.copyOf(items);
  }

  /** Adds a page's items to {@code into}; returns the query of its {@code next} link, or null. */
  private static <T> String readPage(JsonNode page, Function<JsonNode, T> item, List<T> into) {
    JsonNode items = page.get("results");
    if (items == null || !items.isArray()) {
      throw new ResponseShapeException("Field 'results' is not a list.");
    }
    items.forEach(node -> into.add(item.apply(node)));
    String next = ApiJson.text(page, "next");
    try {
      return next == null ? null : ApiUrls.queryOf(next);
    } catch (IllegalArgumentException e) {
      throw new ResponseShapeException("Field 'next' is not a URL.");
    }
  }

  private ApiCall open(ApiCall call) {
    ensureOpen();
    return call;
  }

  private void ensureOpen() {
    if (closed.get()) {
      throw new IllegalStateException("MaiAgentClient is closed.");
    }
  }

  /**
   * Settings for a {@link MaiAgentClient}. Only {@link #apiKey} is required; each setting's default
   * is given on its method.
   */
  public static final class Builder {
    private URI baseUrl = DEFAULT_BASE_URL;
    private String apiKey;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private int maxRetries = 2;
    private Duration initialBackoff = Duration.ofMillis(250);
    private Duration maxBackoff = Duration.ofSeconds(5);
    private Duration maxRetryAfter = Duration.ofSeconds(10);
    private Integer pageSize;
    private HttpClient httpClient;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.threadSleep();

    private Builder() {}

    /**
     * The API root (default {@code https://api.maiagent.ai/api/v1/}); a missing trailing slash is
     * added, so {@code https://host/api/v1} works too.
     */
    public Builder baseUrl(URI value) {
      this.baseUrl = Objects.requireNonNull(value, "baseUrl");
      return this;
    }

    /** As {@link #baseUrl(URI)}. */
    public Builder baseUrl(String value) {
      return baseUrl(URI.create(Objects.requireNonNull(value, "baseUrl")));
    }

    /** The MaiAgent API key (required), sent as {@code Authorization: Api-Key <key>}. */
    public Builder apiKey(String value) {
      this.apiKey = value;
      return this;
    }

    /** How long to wait for a connection (default 5 s); ignored with {@link #httpClient}. */
    public Builder connectTimeout(Duration value) {
      this.connectTimeout = value;
      return this;
    }

    /** How long one attempt may wait for MaiAgent's response headers (default 30 s). */
    public Builder requestTimeout(Duration value) {
      this.requestTimeout = value;
      return this;
    }

    /** Repeats after a failed first attempt, where repeating is safe (default 2; 0 = none). */
    public Builder maxRetries(int value) {
      this.maxRetries = value;
      return this;
    }

    /**
     * Backoff without {@code Retry-After}: the first wait (default 250 ms), doubling up to {@code
     * max} (default 5 s), each reduced by random jitter to as little as half.
     */
    public Builder backoff(Duration initial, Duration max) {
      this.initialBackoff = initial;
      this.maxBackoff = max;
      return this;
    }

    /** The longest {@code Retry-After} honoured before a repeat (default 10 s). */
    public Builder maxRetryAfter(Duration value) {
      this.maxRetryAfter = value;
      return this;
    }

    /** {@code pageSize} for the list calls (default: MaiAgent's own). */
    public Builder pageSize(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("pageSize must be at least 1: " + value);
      }
      this.pageSize = value;
      return this;
    }

    /**
     * The HTTP client to use (default: a new one with {@link #connectTimeout} that never follows
     * redirects). A supplied client should not follow redirects either.
     */
    public Builder httpClient(HttpClient value) {
      this.httpClient = value;
      return this;
    }

    /** The clock for reading {@code Retry-After} dates (default the system UTC clock). */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** Waits between retries (default {@link Sleeper#threadSleep()}). */
    public Builder sleeper(Sleeper value) {
      this.sleeper = Objects.requireNonNull(value, "sleeper");
      return this;
    }

    /**
     * @throws IllegalArgumentException if a setting is invalid; the message never quotes the key
     */
    public MaiAgentClient build() {
      URI base = ClientSettings.normalizeBaseUrl(baseUrl);
      ClientSettings.requireApiKey(apiKey);
      ClientSettings.requirePositive("connectTimeout", connectTimeout);
      ClientSettings.requirePositive("requestTimeout", requestTimeout);
      RetryPolicy policy = new RetryPolicy(maxRetries, initialBackoff, maxBackoff, maxRetryAfter);
      HttpClient http =
          httpClient != null
              ? httpClient
              : HttpClient.newBuilder()
                  .connectTimeout(connectTimeout)
                  .followRedirects(HttpClient.Redirect.NEVER)
                  .build();
      ApiTransport transport =
          new ApiTransport(http, apiKey, requestTimeout, policy, clock, sleeper);
      return new MaiAgentClient(base, pageSize, transport);
    }
  }
}
