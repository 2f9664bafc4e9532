package dev.maigw.emulator;

import dev.maigw.emulator.access.ApiKeyAuthenticator;
import dev.maigw.emulator.attachment.AttachmentController;
import dev.maigw.emulator.attachment.AttachmentStore;
import dev.maigw.emulator.attachment.ObjectStorage;
import dev.maigw.emulator.attachment.PresignController;
import dev.maigw.emulator.attachment.StorageController;
import dev.maigw.emulator.completion.CompletionController;
import dev.maigw.emulator.control.ControlController;
import dev.maigw.emulator.control.EmulatorControls;
import dev.maigw.emulator.conversation.ConversationController;
import dev.maigw.emulator.conversation.ConversationStore;
import dev.maigw.emulator.delivery.DeliveryWorker;
import dev.maigw.emulator.delivery.WebhookRecordController;
import dev.maigw.emulator.delivery.WebhookSender;
import dev.maigw.emulator.delivery.WebhookTarget;
import dev.maigw.emulator.fault.ApiErrorInjector;
import dev.maigw.emulator.fault.FaultSwitch;
import dev.maigw.emulator.inbox.InboxController;
import dev.maigw.emulator.inbox.InboxDirectory;
import dev.maigw.emulator.message.AttachmentReferences;
import dev.maigw.emulator.message.MessageController;
import dev.maigw.emulator.message.MessageStore;
import dev.maigw.emulator.message.ReplyComposer;
import dev.maigw.emulator.message.ReplyScheduler;
import dev.maigw.emulator.system.RequestLog;
import dev.maigw.emulator.system.Router;
import java.net.http.HttpClient;
import java.time.Duration;

/** The emulator's components, wired once per instance; no static state is shared between them. */
record EmulatorParts(
    String origin,
    FaultSwitch faults,
    ApiErrorInjector apiErrors,
    RequestLog requestLog,
    WebhookTarget webhookTarget,
    DeliveryWorker delivery,
    ReplyScheduler replies,
    ReplyComposer composer,
    InboxDirectory inboxes,
    ConversationStore conversations,
    MessageStore messages,
    AttachmentStore attachments,
    ObjectStorage storage) {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

  static EmulatorParts wire(EmulatorConfig config, String origin) {
    FaultSwitch faults = new FaultSwitch();
    WebhookTarget target = new WebhookTarget(config.webhookUrl());
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(CONNECT_TIMEOUT)
            .build();
    DeliveryWorker delivery =
        new DeliveryWorker(
            new WebhookSender(client, target, config.webhookTimeout(), config.clock()),
            config.retrySchedule(),
            faults,
            config.clock());
    ConversationStore conversations = new ConversationStore(config.clock());
    MessageStore messages = new MessageStore();
    ReplyComposer composer = new ReplyComposer(config.clock(), origin);
    ReplyScheduler replies =
        new ReplyScheduler(
            composer, messages, conversations, delivery, faults, config.replyDelay());
    return new EmulatorParts(
        origin,
        faults,
        new ApiErrorInjector(),
        new RequestLog(config.clock()),
        target,
        delivery,
        replies,
        composer,
        new InboxDirectory(),
        conversations,
        messages,
        new AttachmentStore(),
        new ObjectStorage(config.clock(), origin));
  }

  /** The HTTP entry point, with the control API bound to {@code controls}. */
  EmulatorDispatcher dispatcher(EmulatorConfig config, EmulatorControls controls) {
    Router api = new Router();
    String prefix = ApiDispatcher.PREFIX;
    new ConversationController(conversations, inboxes).register(api, prefix);
    new MessageController(conversations, messages, replies, faults, attachments, composer)
        .register(api, prefix);
    new CompletionController(
            conversations,
            inboxes,
            messages,
            composer,
            new AttachmentReferences(attachments),
            faults)
        .register(api, prefix);
    new PresignController(storage).register(api, prefix);
    new AttachmentController(attachments, storage, conversations).register(api, prefix);
    new InboxController(inboxes).register(api, prefix);
    new WebhookRecordController(delivery).register(api, prefix);
    Router control = new Router();
    new ControlController(controls).register(control);
    return new EmulatorDispatcher(
        origin,
        new ApiDispatcher(
            api, new ApiKeyAuthenticator(config.apiKey()), config.slashless(), apiErrors),
        new StorageController(storage),
        control,
        requestLog);
  }

  void reset() {
    replies.reset();
    delivery.reset();
    faults.reset();
    apiErrors.clear();
    requestLog.clear();
    conversations.clear();
    messages.clear();
    attachments.clear();
    storage.clear();
  }

  void close() {
    replies.close();
    delivery.close();
  }
}
