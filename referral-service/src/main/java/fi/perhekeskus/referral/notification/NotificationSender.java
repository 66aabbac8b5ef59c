package fi.perhekeskus.referral.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Sends the outbox's due messages over SMTP ({@code spring.mail.*}) every
 * {@code perhekeskus.notifications.send-interval}: takes a batch (a lease other senders respect),
 * finds each recipient, renders the text in the recipient's language, sends it with the message id
 * as {@code Message-ID}, and marks it SENT. A failed attempt is retried after an exponential back-off
 * until {@code max-attempts}, then the message is FAILED. Stopping lets the message in flight finish,
 * so a graceful stop sends nothing twice; after a crash between the server's acceptance and the mark,
 * the message is sent again when its lease ends, with the same {@code Message-ID} (at least once).
 * Logs name message ids and kinds only, never an address.
 */
@Component
public class NotificationSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"',;:()\\[\\]]+@[^\\s<>\"',;:()\\[\\]]+");
    private static final int ERROR_LENGTH = 500;

    private final NotificationOutbox outbox;
    private final Recipients recipients;
    private final NotificationTemplates templates;
    private final JavaMailSender mail;
    private final NotificationSettings settings;
    private final Clock clock;
    private ScheduledExecutorService loop;
    private volatile boolean stopping;

    public NotificationSender(NotificationOutbox outbox, Recipients recipients, JavaMailSender mail,
                              NotificationSettings settings, Clock clock) {
        this.outbox = outbox;
        this.recipients = recipients;
        this.templates = new NotificationTemplates(settings.zone());
        this.mail = mail;
        this.settings = settings;
        this.clock = clock;
    }

    /** One round: sends what is due now; answers how many messages were taken. */
    public int sendDue() {
        Instant now = clock.instant();
        List<NotificationOutbox.Message> due = outbox.claim(settings.batchSize(), now, now.plus(settings.claimLease()));
        for (int i = 0; i < due.size(); i++) {
            if (stopping || Thread.currentThread().isInterrupted()) {
                // Stopping: the message in flight is done; the rest are handed back for the next sender.
                outbox.release(due.subList(i, due.size()).stream().map(NotificationOutbox.Message::messageId).toList());
                return 0;
            }
            send(due.get(i));
        }
        return due.size();
    }

    private void send(NotificationOutbox.Message message) {
        Recipients.Recipient to;
        try {
            to = recipients.of(message);
        } catch (RuntimeException e) {
            failed(message, e);
            return;
        }
        if (!to.found()) {
            outbox.discarded(message.messageId(), to.missing());
            log.info("notification {} ({}) not sent: {}", message.messageId(), message.kind(), to.missing());
            return;
        }
        try {
            NotificationTemplates.Rendered text = templates.render(message.kind(), to.language(), message.parameters());
            MimeMessage mime = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, StandardCharsets.UTF_8.name());
            helper.setFrom(settings.from());
            helper.setTo(to.email());
            helper.setSubject(text.subject());
            helper.setText(text.body());
            // JavaMailSenderImpl keeps a Message-ID set before sending.
            mime.setHeader("Message-ID", MessageIds.header(message.messageId(), settings.messageIdDomain()));
            mail.send(mime);
        } catch (MessagingException | RuntimeException e) { // MailException among them
            failed(message, e);
            return;
        }
        outbox.sent(message.messageId(), clock.instant());
        log.info("notification {} ({}) sent", message.messageId(), message.kind());
    }

    private void failed(NotificationOutbox.Message message, Exception e) {
        int attempts = message.attempts() + 1;
        Instant next = attempts >= settings.maxAttempts() ? null : clock.instant().plus(settings.backOff(attempts));
        String error = describe(e);
        outbox.attemptFailed(message.messageId(), error, next);
        if (next == null) {
            log.warn("notification {} ({}) FAILED after {} attempts: {}", message.messageId(), message.kind(), attempts, error);
        } else {
            log.warn("notification {} ({}) attempt {} failed, next at {}: {}", message.messageId(), message.kind(),
                    attempts, next, error);
        }
    }

    /** What went wrong, without the addresses SMTP errors like to quote. */
    static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && text.length() < ERROR_LENGTH; t = t.getCause() == t ? null : t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                text.append(": ").append(t.getMessage().replaceAll("\\s+", " "));
            }
        }
        String clean = ADDRESS.matcher(text).replaceAll("[address]");
        return clean.length() > ERROR_LENGTH ? clean.substring(0, ERROR_LENGTH) : clean;
    }

    @Override
    public synchronized void start() {
        if (loop != null || !settings.enabled()) {
            return;
        }
        stopping = false;
        loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "notification-sender");
            t.setDaemon(true);
            return t;
        });
        long every = settings.sendInterval().toMillis();
        loop.scheduleWithFixedDelay(() -> {
            try {
                while (sendDue() == settings.batchSize() && !Thread.currentThread().isInterrupted()) {
                    // a full batch: more may be due
                }
            } catch (RuntimeException e) {
                log.warn("notification round failed: {}", describe(e));
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (loop == null) {
            return;
        }
        stopping = true;
        loop.shutdown();
        try {
            if (!loop.awaitTermination(30, TimeUnit.SECONDS)) {
                loop.shutdownNow();
            }
        } catch (InterruptedException e) {
            loop.shutdownNow();
            Thread.currentThread().interrupt();
        }
        loop = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return loop != null;
    }

    /** Stops before the database connections and after the web server. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }
}
